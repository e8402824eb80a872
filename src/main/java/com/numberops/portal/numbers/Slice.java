package com.numberops.portal.numbers;

import org.jspecify.annotations.Nullable;

/**
 * One part of the fleet by account or by team: its id, its name and how many numbers it has.
 *
 * @param id the account's or team's id; null in the by-team list: the numbers of no team ("No team")
 */
public record Slice(@Nullable Long id, String name, long count) {

	/** The name shown for the numbers of no team. */
	public static final String NO_TEAM = "No team";
}

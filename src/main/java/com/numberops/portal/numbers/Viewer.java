package com.numberops.portal.numbers;

import java.util.Set;

/**
 * Whose eyes a query is for: a user limited to teams sees and counts only those teams' numbers.
 * Every inventory query takes one; there is no unscoped read for people.
 *
 * @param teamIds the teams the user may see; empty: every team
 */
public record Viewer(long userId, Set<Long> teamIds) {

	public Viewer {
		teamIds = Set.copyOf(teamIds);
	}

	public boolean limited() {
		return !teamIds.isEmpty();
	}
}

package com.numberops.portal.numbers;

import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import com.numberops.portal.users.PortalPrincipal;

/**
 * Whose eyes a query is for: a user limited to teams sees and counts only those teams' numbers,
 * and only what hangs off them (their changes, batches, override requests). Every query people
 * make takes one and narrows its rows by {@link #condition}; there is no unscoped read for people.
 *
 * @param teamIds the teams the user may see; empty: every team
 */
public record Viewer(long userId, Set<Long> teamIds) {

	public Viewer {
		teamIds = Set.copyOf(teamIds);
	}

	public static Viewer of(PortalPrincipal user) {
		return new Viewer(user.getUserId(), user.getTeamIds());
	}

	/** The portal's own jobs: they act on every number, and never for a person's eyes. */
	public static Viewer jobs() {
		return new Viewer(0, Set.of());
	}

	public boolean limited() {
		return !teamIds.isEmpty();
	}

	/**
	 * The scope as a SQL condition on {@code phone_numbers p}, its parameter bound in {@code params}:
	 * a row about a number (a change, a batch's number, a request) is this viewer's when its number is.
	 */
	public String condition(MapSqlParameterSource params) {
		if (!limited()) {
			return "true";
		}
		params.addValue("viewerTeams", teamIds.toArray(Long[]::new));
		return "p.team_id = any(:viewerTeams)";
	}
}

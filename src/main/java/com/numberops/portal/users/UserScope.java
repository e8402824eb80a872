package com.numberops.portal.users;

import java.util.Optional;
import java.util.Set;

/**
 * Which users an admin may see, create and administer, given the admin's own teams (empty: all
 * teams). An all-teams admin administers everyone. A team-limited admin administers only users
 * whose teams all lie within their own, and grants only their own teams: never "all teams",
 * which would hand out more than they have (an all-teams user, or an all-teams admin's password).
 */
public record UserScope(Set<Long> teamIds) {

	public UserScope {
		teamIds = Set.copyOf(teamIds);
	}

	public static UserScope of(PortalPrincipal admin) {
		return new UserScope(admin.getTeamIds());
	}

	public boolean allTeams() {
		return teamIds.isEmpty();
	}

	/** Whether a user limited to {@code userTeams} (empty: all teams) is within this scope. */
	public boolean covers(Set<Long> userTeams) {
		return allTeams() || !userTeams.isEmpty() && teamIds.containsAll(userTeams);
	}

	/** Whether this admin may tick the team on a user. */
	public boolean offers(long teamId) {
		return allTeams() || teamIds.contains(teamId);
	}

	/** Why a user limited to {@code requested} (empty: all teams) may not be created here, if not. */
	public Optional<String> refusalToGrant(Set<Long> requested) {
		if (covers(requested)) {
			return Optional.empty();
		}
		if (requested.isEmpty()) {
			return Optional.of("Tick at least one of your teams: only an admin of all teams creates users for all teams.");
		}
		return Optional.of("You may grant only your own teams.");
	}

	/** Teams are portal-wide (a new number joins the team its name starts with): not for a team-limited admin. */
	public boolean mayAddTeams() {
		return allTeams();
	}
}

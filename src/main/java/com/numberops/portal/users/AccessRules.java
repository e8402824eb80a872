package com.numberops.portal.users;

import java.util.Optional;
import java.util.Set;

/**
 * Whether an admin may change a user's role and teams. Within the admin's {@link UserScope} (the
 * caller finds only users it covers): the new teams must be ones the admin may grant, so nobody
 * gives anyone more reach than their own, and a team-limited admin never makes an all-teams user.
 * The last enabled admin of all teams keeps that: without one, nobody could add teams or
 * administer every user again.
 */
public final class AccessRules {

	private AccessRules() {
	}

	/** A user's role and teams (empty: all teams), and whether they may sign in. */
	public record Access(Role role, Set<Long> teamIds, boolean enabled) {

		public Access {
			teamIds = Set.copyOf(teamIds);
		}

		boolean unrestrictedAdmin() {
			return enabled && role == Role.ADMIN && teamIds.isEmpty();
		}
	}

	/**
	 * Why the change may not be made, if not.
	 *
	 * @param otherUnrestrictedAdmins enabled admins of all teams besides this user
	 */
	public static Optional<UserChangeRefused> refusal(UserScope admin, Access current, Access requested,
			long otherUnrestrictedAdmins) {
		if (!admin.covers(requested.teamIds())) {
			return Optional.of(new UserChangeRefused("teamIds", requested.teamIds().isEmpty()
					? "Tick at least one of your teams: only an admin of all teams gives a user all teams."
					: "You may grant only your own teams."));
		}
		if (current.unrestrictedAdmin() && !requested.unrestrictedAdmin() && otherUnrestrictedAdmins == 0) {
			return Optional.of(new UserChangeRefused(requested.role() == Role.ADMIN ? "teamIds" : "role",
					"This is the last admin of all teams: make another user an admin of all teams first."));
		}
		return Optional.empty();
	}
}

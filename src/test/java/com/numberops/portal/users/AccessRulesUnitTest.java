package com.numberops.portal.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AccessRulesUnitTest {

	private static final long A = 1;

	private static final long B = 2;

	private static final Set<Long> ALL = Set.of();

	private static final String OWN_TEAMS = "You may grant only your own teams.";

	private static final String NOT_ALL = "Tick at least one of your teams: only an admin of all teams gives a user all teams.";

	private static final String LAST = "This is the last admin of all teams: make another user an admin of all teams first.";

	static AccessRules.Access access(Role role, Set<Long> teams) {
		return new AccessRules.Access(role, teams, true);
	}

	static Stream<Arguments> changes() {
		return Stream.of(
				// admin's teams, current,                          requested,                         other unrestricted admins, field, refusal
				Arguments.of(ALL, access(Role.OPERATOR, Set.of(A)), access(Role.VIEWER, Set.of(A, B)), 1, null, null),
				Arguments.of(ALL, access(Role.OPERATOR, Set.of(A)), access(Role.ADMIN, ALL), 1, null, null),
				Arguments.of(Set.of(A), access(Role.OPERATOR, Set.of(A)), access(Role.ADMIN, Set.of(A)), 1, null, null),
				Arguments.of(Set.of(A, B), access(Role.VIEWER, Set.of(A)), access(Role.VIEWER, Set.of(B)), 1, null, null),
				// a team-limited admin gives no more than their own teams
				Arguments.of(Set.of(A), access(Role.OPERATOR, Set.of(A)), access(Role.OPERATOR, Set.of(A, B)), 1,
						"teamIds", OWN_TEAMS),
				Arguments.of(Set.of(A), access(Role.OPERATOR, Set.of(A)), access(Role.OPERATOR, Set.of(B)), 1,
						"teamIds", OWN_TEAMS),
				Arguments.of(Set.of(A), access(Role.OPERATOR, Set.of(A)), access(Role.ADMIN, ALL), 1, "teamIds", NOT_ALL),
				// the last enabled admin of all teams stays one
				Arguments.of(ALL, access(Role.ADMIN, ALL), access(Role.OPERATOR, ALL), 0, "role", LAST),
				Arguments.of(ALL, access(Role.ADMIN, ALL), access(Role.ADMIN, Set.of(A)), 0, "teamIds", LAST),
				Arguments.of(ALL, access(Role.ADMIN, ALL), access(Role.OPERATOR, ALL), 1, null, null),
				Arguments.of(ALL, access(Role.ADMIN, ALL), access(Role.ADMIN, ALL), 0, null, null),
				// a disabled all-teams admin is not the one keeping the portal administrable
				Arguments.of(ALL, new AccessRules.Access(Role.ADMIN, ALL, false), new AccessRules.Access(Role.VIEWER, ALL, false),
						0, null, null));
	}

	@ParameterizedTest(name = "admin of {0}: {1} -> {2} with {3} others: {5}")
	@MethodSource("changes")
	void anAdminChangesRoleAndTeamsOnlyWithinTheirReach(Set<Long> admin, AccessRules.Access current,
			AccessRules.Access requested, long others, String field, String refusal) {
		Optional<UserChangeRefused> refused = AccessRules.refusal(new UserScope(admin), current, requested, others);
		assertThat(refused.map(UserChangeRefused::getMessage).orElse(null)).isEqualTo(refusal);
		assertThat(refused.map(UserChangeRefused::field).orElse(null)).isEqualTo(field);
	}
}

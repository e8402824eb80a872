package com.numberops.portal.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UserScopeUnitTest {

	private static final long A = 1;

	private static final long B = 2;

	private static final long C = 3;

	private static final Set<Long> ALL = Set.of();

	static Stream<Arguments> coverage() {
		return Stream.of(
				// admin's teams, user's teams,  within the admin's scope
				Arguments.of(ALL, ALL, true),
				Arguments.of(ALL, Set.of(A), true),
				Arguments.of(ALL, Set.of(A, B, C), true),
				Arguments.of(Set.of(A), ALL, false),
				Arguments.of(Set.of(A), Set.of(A), true),
				Arguments.of(Set.of(A), Set.of(B), false),
				Arguments.of(Set.of(A), Set.of(A, B), false),
				Arguments.of(Set.of(A, B), Set.of(A), true),
				Arguments.of(Set.of(A, B), Set.of(B), true),
				Arguments.of(Set.of(A, B), Set.of(A, B), true),
				Arguments.of(Set.of(A, B), Set.of(A, C), false),
				Arguments.of(Set.of(A, B), ALL, false));
	}

	@ParameterizedTest(name = "admin of {0} covers a user of {1}: {2}")
	@MethodSource("coverage")
	void anAdminCoversOnlyUsersWhoseTeamsLieWithinTheirOwn(Set<Long> admin, Set<Long> user, boolean covered) {
		UserScope scope = new UserScope(admin);
		assertThat(scope.covers(user)).isEqualTo(covered);
		// what they may administer is exactly what they may grant
		assertThat(scope.refusalToGrant(user).isEmpty()).isEqualTo(covered);
	}

	static Stream<Arguments> grants() {
		return Stream.of(
				Arguments.of(ALL, ALL, Optional.empty()),
				Arguments.of(ALL, Set.of(B), Optional.empty()),
				Arguments.of(Set.of(A), ALL,
						Optional.of("Tick at least one of your teams: only an admin of all teams creates users for all teams.")),
				Arguments.of(Set.of(A), Set.of(B), Optional.of("You may grant only your own teams.")),
				Arguments.of(Set.of(A), Set.of(A, B), Optional.of("You may grant only your own teams.")),
				Arguments.of(Set.of(A, B), Set.of(B), Optional.empty()));
	}

	@ParameterizedTest(name = "admin of {0} grants {1}: {2}")
	@MethodSource("grants")
	void aTeamLimitedAdminGrantsOnlyTheirOwnTeamsAndNeverAllTeams(Set<Long> admin, Set<Long> requested,
			Optional<String> refusal) {
		assertThat(new UserScope(admin).refusalToGrant(requested)).isEqualTo(refusal);
	}

	@Test
	void onlyAnAllTeamsAdminIsOfferedEveryTeamAndAddsTeams() {
		UserScope all = new UserScope(ALL);
		UserScope limited = new UserScope(Set.of(A, B));
		assertThat(all.offers(C)).isTrue();
		assertThat(all.mayAddTeams()).isTrue();
		assertThat(limited.offers(A)).isTrue();
		assertThat(limited.offers(C)).isFalse();
		assertThat(limited.mayAddTeams()).isFalse();
	}
}

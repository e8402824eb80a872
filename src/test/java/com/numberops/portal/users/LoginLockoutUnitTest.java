package com.numberops.portal.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LoginLockoutUnitTest {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

	private static final LoginLockout LOCKOUT = new LoginLockout(5, FIFTEEN_MINUTES);

	private static final Instant RECENTLY = NOW.minusSeconds(30);

	static Stream<Arguments> failures() {
		Instant lockEnd = NOW.plus(FIFTEEN_MINUTES);
		return Stream.of(
				// current attempts,                                  after one more failure
				Arguments.of(LoginAttempts.NONE, new LoginAttempts(1, NOW, null)),
				Arguments.of(new LoginAttempts(3, RECENTLY, null), new LoginAttempts(4, NOW, null)),
				Arguments.of(new LoginAttempts(4, RECENTLY, null), new LoginAttempts(5, NOW, lockEnd)),
				// the last failure was a lock's length ago or more: counting starts afresh
				Arguments.of(new LoginAttempts(4, NOW.minus(FIFTEEN_MINUTES).plusSeconds(1), null),
						new LoginAttempts(5, NOW, lockEnd)),
				Arguments.of(new LoginAttempts(4, NOW.minus(FIFTEEN_MINUTES), null), new LoginAttempts(1, NOW, null)),
				// already locked: a locked username is refused before any password is checked
				Arguments.of(new LoginAttempts(5, RECENTLY, NOW.plusSeconds(60)),
						new LoginAttempts(5, RECENTLY, NOW.plusSeconds(60))),
				// the lock ran out: counting starts afresh
				Arguments.of(new LoginAttempts(5, RECENTLY, NOW.minusSeconds(1)), new LoginAttempts(1, NOW, null)),
				Arguments.of(new LoginAttempts(5, RECENTLY, NOW), new LoginAttempts(1, NOW, null)));
	}

	@ParameterizedTest(name = "{0} + failure = {1}")
	@MethodSource("failures")
	void aFailureMovesTheCountAndLocksAtTheLimit(LoginAttempts current, LoginAttempts expected) {
		assertThat(LOCKOUT.afterFailure(current, NOW)).isEqualTo(expected);
	}

	static Stream<Arguments> lockedness() {
		return Stream.of(
				Arguments.of(LoginAttempts.NONE, false),
				Arguments.of(new LoginAttempts(4, RECENTLY, null), false),
				Arguments.of(new LoginAttempts(5, RECENTLY, NOW.plusMillis(1)), true),
				Arguments.of(new LoginAttempts(5, RECENTLY, NOW), false),
				Arguments.of(new LoginAttempts(5, RECENTLY, NOW.minusSeconds(1)), false));
	}

	@ParameterizedTest(name = "{0} locked: {1}")
	@MethodSource("lockedness")
	void aLockHoldsUntilItsEnd(LoginAttempts attempts, boolean locked) {
		assertThat(attempts.lockedAt(NOW)).isEqualTo(locked);
	}

	static Stream<Arguments> forgetting() {
		return Stream.of(
				// attempts,                                       may be forgotten from
				Arguments.of(LoginAttempts.NONE, NOW),
				Arguments.of(new LoginAttempts(2, RECENTLY, null), RECENTLY.plus(FIFTEEN_MINUTES)),
				Arguments.of(new LoginAttempts(5, NOW, NOW.plus(FIFTEEN_MINUTES)), NOW.plus(FIFTEEN_MINUTES)),
				// a lock longer than the quiet time (one carried over from elsewhere) is kept to its end
				Arguments.of(new LoginAttempts(5, RECENTLY, NOW.plus(Duration.ofHours(1))), NOW.plus(Duration.ofHours(1))));
	}

	@ParameterizedTest(name = "{0} forgotten from {1}")
	@MethodSource("forgetting")
	void attemptsAreKeptOnlyWhileTheyCanStillCount(LoginAttempts attempts, Instant forgetAt) {
		assertThat(LOCKOUT.forgetAt(attempts, NOW)).isEqualTo(forgetAt);
		// after that moment the next failure starts afresh, as if nothing had been kept
		Instant later = forgetAt.isAfter(NOW) ? forgetAt : NOW;
		assertThat(LOCKOUT.afterFailure(attempts, later)).isEqualTo(LOCKOUT.afterFailure(LoginAttempts.NONE, later));
	}

	@Test
	void fiveWrongPasswordsInARowLockForFifteenMinutes() {
		LoginAttempts attempts = LoginAttempts.NONE;
		for (int i = 1; i <= 4; i++) {
			attempts = LOCKOUT.afterFailure(attempts, NOW);
			assertThat(attempts.lockedAt(NOW)).as("after %d failures", i).isFalse();
		}
		attempts = LOCKOUT.afterFailure(attempts, NOW);
		assertThat(attempts.lockedAt(NOW)).isTrue();
		assertThat(attempts.lockedAt(NOW.plus(FIFTEEN_MINUTES).minusSeconds(1))).isTrue();
		assertThat(attempts.lockedAt(NOW.plus(FIFTEEN_MINUTES))).isFalse();
	}

	@Test
	void aSuccessForgetsEarlierFailures() {
		LoginAttempts attempts = LOCKOUT.afterFailure(new LoginAttempts(3, RECENTLY, null), NOW);
		assertThat(LOCKOUT.afterSuccess()).isEqualTo(LoginAttempts.NONE);
		assertThat(LOCKOUT.afterFailure(LOCKOUT.afterSuccess(), NOW).failures()).isEqualTo(1);
		assertThat(attempts.failures()).isEqualTo(4);
	}

	@Test
	void nonsensicalSettingsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LoginLockout(0, FIFTEEN_MINUTES));
		assertThatIllegalArgumentException().isThrownBy(() -> new LoginLockout(5, Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> new LoginAttempts(-1, null, null));
	}
}

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

	static Stream<Arguments> failures() {
		Instant lockEnd = NOW.plus(FIFTEEN_MINUTES);
		return Stream.of(
				// current attempts,                             after one more failure
				Arguments.of(LoginAttempts.NONE, new LoginAttempts(1, null)),
				Arguments.of(new LoginAttempts(3, null), new LoginAttempts(4, null)),
				Arguments.of(new LoginAttempts(4, null), new LoginAttempts(5, lockEnd)),
				// already locked: a locked account is refused before its password is checked
				Arguments.of(new LoginAttempts(5, NOW.plusSeconds(60)), new LoginAttempts(5, NOW.plusSeconds(60))),
				// the lock ran out: counting starts afresh
				Arguments.of(new LoginAttempts(5, NOW.minusSeconds(1)), new LoginAttempts(1, null)),
				Arguments.of(new LoginAttempts(5, NOW), new LoginAttempts(1, null)));
	}

	@ParameterizedTest(name = "{0} + failure = {1}")
	@MethodSource("failures")
	void aFailureMovesTheCountAndLocksAtTheLimit(LoginAttempts current, LoginAttempts expected) {
		assertThat(LOCKOUT.afterFailure(current, NOW)).isEqualTo(expected);
	}

	static Stream<Arguments> lockedness() {
		return Stream.of(
				Arguments.of(LoginAttempts.NONE, false),
				Arguments.of(new LoginAttempts(4, null), false),
				Arguments.of(new LoginAttempts(5, NOW.plusMillis(1)), true),
				Arguments.of(new LoginAttempts(5, NOW), false),
				Arguments.of(new LoginAttempts(5, NOW.minusSeconds(1)), false));
	}

	@ParameterizedTest(name = "{0} locked: {1}")
	@MethodSource("lockedness")
	void aLockHoldsUntilItsEnd(LoginAttempts attempts, boolean locked) {
		assertThat(attempts.lockedAt(NOW)).isEqualTo(locked);
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
		LoginAttempts attempts = LOCKOUT.afterFailure(new LoginAttempts(3, null), NOW);
		assertThat(LOCKOUT.afterSuccess()).isEqualTo(LoginAttempts.NONE);
		assertThat(LOCKOUT.afterFailure(LOCKOUT.afterSuccess(), NOW).failures()).isEqualTo(1);
		assertThat(attempts.failures()).isEqualTo(4);
	}

	@Test
	void nonsensicalSettingsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LoginLockout(0, FIFTEEN_MINUTES));
		assertThatIllegalArgumentException().isThrownBy(() -> new LoginLockout(5, Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> new LoginAttempts(-1, null));
	}
}

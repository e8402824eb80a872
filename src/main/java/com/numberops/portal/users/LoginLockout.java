package com.numberops.portal.users;

import java.time.Duration;
import java.time.Instant;

/**
 * The login throttling rule: after {@code maxFailures} failed sign-ins in a row the account is
 * locked for {@code lockDuration}; a success, or a lock that ran out, starts the count afresh.
 */
public record LoginLockout(int maxFailures, Duration lockDuration) {

	public LoginLockout {
		if (maxFailures < 1) {
			throw new IllegalArgumentException("maxFailures must be at least 1");
		}
		if (lockDuration.isNegative() || lockDuration.isZero()) {
			throw new IllegalArgumentException("lockDuration must be positive");
		}
	}

	public LoginAttempts afterFailure(LoginAttempts current, Instant now) {
		if (current.lockedAt(now)) {
			// a locked account is refused before its password is checked: nothing to count
			return current;
		}
		LoginAttempts base = current.lockedUntil() != null ? LoginAttempts.NONE : current;
		int failures = base.failures() + 1;
		if (failures >= maxFailures) {
			return new LoginAttempts(failures, now.plus(lockDuration));
		}
		return new LoginAttempts(failures, null);
	}

	public LoginAttempts afterSuccess() {
		return LoginAttempts.NONE;
	}
}

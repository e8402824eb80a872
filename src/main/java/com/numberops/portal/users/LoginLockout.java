package com.numberops.portal.users;

import java.time.Duration;
import java.time.Instant;

/**
 * The login throttling rule: after {@code maxFailures} failed sign-ins in a row, each within
 * {@code lockDuration} of the one before, the username is locked for {@code lockDuration}. A
 * success, a lock that ran out, or a quiet {@code lockDuration} starts the count afresh. It is
 * applied to whatever username was typed, real or not, so that its answers never tell them apart.
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
			// a locked username is refused before any password is checked: nothing to count
			return current;
		}
		LoginAttempts base = current.lockedUntil() == null && now.isBefore(forgetAt(current, now)) ? current
				: LoginAttempts.NONE;
		int failures = base.failures() + 1;
		return new LoginAttempts(failures, now, failures >= maxFailures ? now.plus(lockDuration) : null);
	}

	public LoginAttempts afterSuccess() {
		return LoginAttempts.NONE;
	}

	/**
	 * From when the attempts count for nothing (the lock ran out, or no failure came for a lock's
	 * length), so they need not be kept: attempts with no failure are forgotten at once.
	 */
	public Instant forgetAt(LoginAttempts attempts, Instant now) {
		if (attempts.lastFailureAt() == null) {
			return attempts.lockedUntil() != null ? attempts.lockedUntil() : now;
		}
		Instant quiet = attempts.lastFailureAt().plus(lockDuration);
		return attempts.lockedUntil() != null && attempts.lockedUntil().isAfter(quiet) ? attempts.lockedUntil() : quiet;
	}
}

package com.numberops.portal.users;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How many sign-ins in a row failed for a username, when the last one failed, and until when the
 * username is locked.
 */
public record LoginAttempts(int failures, @Nullable Instant lastFailureAt, @Nullable Instant lockedUntil) {

	public static final LoginAttempts NONE = new LoginAttempts(0, null, null);

	public LoginAttempts {
		if (failures < 0) {
			throw new IllegalArgumentException("failures must not be negative");
		}
	}

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && now.isBefore(lockedUntil);
	}
}

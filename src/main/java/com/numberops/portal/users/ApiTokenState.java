package com.numberops.portal.users;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Where a token stands now; only an active one opens the API. */
public enum ApiTokenState {

	ACTIVE, EXPIRED, REVOKED;

	/** Revoked wins over expired: it says what somebody did, not what time did. */
	static ApiTokenState of(Instant expiresAt, @Nullable Instant revokedAt, Instant now) {
		if (revokedAt != null) {
			return REVOKED;
		}
		return now.isBefore(expiresAt) ? ACTIVE : EXPIRED;
	}

	public String label() {
		return name().charAt(0) + name().substring(1).toLowerCase();
	}
}

package com.numberops.portal.users;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A token as the lists show it: never its text, only its last four characters. */
public record ApiTokenRow(long id, String name, String hint, long ownerId, String ownerUsername, String ownerName,
		Instant createdAt, Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt,
		ApiTokenState state) {

	public boolean active() {
		return state == ApiTokenState.ACTIVE;
	}
}

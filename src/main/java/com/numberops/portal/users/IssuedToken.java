package com.numberops.portal.users;

import java.time.Instant;

/**
 * A token just made: the only moment its text exists outside the client that receives it (the
 * portal keeps a digest, {@link ApiTokens}). Never logged, never stored in a session.
 */
public record IssuedToken(long id, String name, String token, Instant expiresAt) {

	@Override
	public String toString() {
		return "IssuedToken[id=" + id + ", name=" + name + ", expiresAt=" + expiresAt + "]";
	}
}

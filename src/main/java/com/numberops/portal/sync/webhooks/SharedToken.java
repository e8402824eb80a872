package com.numberops.portal.sync.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.jspecify.annotations.Nullable;

/**
 * A shared-secret token (Flowroute sends no signature). Both sides are hashed before the
 * constant-time comparison, so neither the content nor the length of the expected token leaks
 * through the time a refusal takes.
 */
final class SharedToken {

	private SharedToken() {
	}

	static boolean matches(@Nullable String given, String expected) {
		if (given == null || given.isEmpty() || expected.isEmpty()) {
			return false;
		}
		return MessageDigest.isEqual(sha256(given), sha256(expected));
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}
}

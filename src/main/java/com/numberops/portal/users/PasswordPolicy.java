package com.numberops.portal.users;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a password set through the portal must be. BCrypt reads only the first 72 bytes, so a
 * longer password would silently be cut: refuse it instead.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	public static final int MAX_BYTES = 72;

	private PasswordPolicy() {
	}

	/** The problem with this password, or empty when it is acceptable. */
	public static Optional<String> problemWith(String password) {
		if (password.isBlank()) {
			return Optional.of("Enter a password.");
		}
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("Use at least " + MIN_LENGTH + " characters.");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("Use at most " + MAX_BYTES + " bytes (72 plain letters).");
		}
		return Optional.empty();
	}
}

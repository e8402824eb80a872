package com.numberops.portal.users;

import java.util.Arrays;
import java.util.Optional;


/** Why a sign-in was refused, as the login page explains it. */
public enum LoginError {

	BAD_CREDENTIALS("bad", "Wrong username or password."),
	// said alike of real and made-up usernames: both lock (LoginAttemptService)
	LOCKED("locked", "Too many failed sign-in attempts: this username is locked for %d minutes. Try again later or ask an admin to reset your password."),
	// said only after the right password (ThrottledAuthentication)
	DISABLED("disabled", "This account is disabled. Ask an admin to enable it."),
	ENDED("ended", "An admin ended your session (account disabled or password reset). Sign in again if you may.");

	private final String code;

	private final String message;

	LoginError(String code, String message) {
		this.code = code;
		this.message = message;
	}

	public static Optional<LoginError> fromCode(String code) {
		return Arrays.stream(values()).filter(error -> error.code.equals(code)).findFirst();
	}

	public String code() {
		return code;
	}

	public String message(UsersProperties properties) {
		return message.formatted(properties.login().lockDuration().toMinutes());
	}
}

package com.numberops.portal.users;

import org.jspecify.annotations.Nullable;

/**
 * A user-administration request that breaks a rule. {@code field} names the form field the
 * message belongs to, or is null when it concerns the whole request.
 */
public class UserChangeRefused extends RuntimeException {

	private final @Nullable String field;

	public UserChangeRefused(@Nullable String field, String message) {
		super(message);
		this.field = field;
	}

	public @Nullable String field() {
		return field;
	}
}

package com.numberops.portal.support;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.security.core.userdetails.UserDetailsService;

import com.numberops.portal.users.ApiTokens;
import com.numberops.portal.users.IssuedToken;
import com.numberops.portal.users.PortalPrincipal;

/**
 * API tokens for tests, made the way the API tokens page makes them ({@link ApiTokens#issue}) for
 * a user loaded as a sign-in loads them. Each token is new (its own rate-limit bucket), named
 * after the test's purpose, and lives a day.
 */
public final class TestTokens {

	private TestTokens() {
	}

	/** A fresh token of {@code username} (a demo user: admin, operator, viewer; or one a test made). */
	public static IssuedToken issue(ApiTokens tokens, UserDetailsService users, String username) {
		PortalPrincipal user = (PortalPrincipal) users.loadUserByUsername(username);
		return tokens.issue(user, "test " + UUID.randomUUID().toString().substring(0, 8),
				Instant.now().plus(Duration.ofDays(1)));
	}

	/** Just the token's text, for {@link ApiClient#withToken}. */
	public static String of(ApiTokens tokens, UserDetailsService users, String username) {
		return issue(tokens, users, username).token();
	}
}

package com.numberops.portal.users;

import java.time.Instant;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request to /api authenticated by a personal token: its principal is the token's user as a
 * form login makes it ({@link PortalPrincipal}, loaded afresh for each request, so a changed role
 * or team applies at once), so controllers read {@code @AuthenticationPrincipal PortalPrincipal}
 * alike for sessions and tokens. The token's own id, name and expiry ride along.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

	private final PortalPrincipal user;

	private final long tokenId;

	private final String tokenName;

	private final Instant expiresAt;

	ApiTokenAuthentication(PortalPrincipal user, long tokenId, String tokenName, Instant expiresAt) {
		super(user.getAuthorities());
		this.user = user;
		this.tokenId = tokenId;
		this.tokenName = tokenName;
		this.expiresAt = expiresAt;
		setAuthenticated(true);
	}

	@Override
	public PortalPrincipal getPrincipal() {
		return user;
	}

	/** Nothing: the token was checked and is not kept in the security context. */
	@Override
	public Object getCredentials() {
		return "";
	}

	public long tokenId() {
		return tokenId;
	}

	public String tokenName() {
		return tokenName;
	}

	public Instant expiresAt() {
		return expiresAt;
	}
}

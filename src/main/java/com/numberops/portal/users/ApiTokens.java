package com.numberops.portal.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: a user makes one (a name and an expiry), sees its text once, and uses it as
 * {@code Authorization: Bearer np_…} on /api, where it acts with that user's role and teams. Users
 * see and revoke their own; admins see and revoke everyone's within their {@link UserScope}, as
 * they administer users. A revoked or expired token, or the token of a disabled user, opens nothing.
 * <p>
 * The token is 32 random bytes (base64url, 43 characters) after a recognisable prefix, so a token
 * pasted where it should not be is easy to spot (and for secret scanners to find). Only its
 * SHA-256 is stored: with 256 random bits there is nothing to guess, so a slow password hash would
 * add cost to every request and no safety; a fast digest also lets a request be looked up by it.
 */
@Service
public class ApiTokens {

	/** Every token starts with this: recognisable in a config file, a log or a scanner's rules. */
	public static final String PREFIX = "np_";

	private static final int RANDOM_BYTES = 32;

	/** How stale "last used" may be: a busy client should not write the row on every request. */
	static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	static final int NAME_MAX = 100;

	private final SecureRandom random = new SecureRandom();

	private final ApiTokenTable table;

	private final Users users;

	private final Clock clock;

	ApiTokens(ApiTokenTable table, Users users, Clock clock) {
		this.table = table;
		this.users = users;
		this.clock = clock;
	}

	/** Makes a token for {@code owner}; the answer is the only time its text is seen. */
	@Transactional
	public IssuedToken issue(PortalPrincipal owner, String name, Instant expiry) {
		Instant expiresAt = expiry;
		String trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.length() > NAME_MAX) {
			throw new UserChangeRefused("name", "Enter a name of 1 to " + NAME_MAX + " characters.");
		}
		Instant now = clock.instant();
		// as the database keeps it (microseconds), so the answer says exactly what later reads say
		expiresAt = expiresAt.truncatedTo(ChronoUnit.MICROS);
		ApiTokenLifetime.refusalFor(expiresAt, now).ifPresent(refusal -> {
			throw new UserChangeRefused("expiresOn", refusal);
		});
		PortalUser user = users.findById(owner.getUserId())
			.filter(PortalUser::isEnabled)
			.orElseThrow(() -> new AccessDeniedException("A disabled user makes no API tokens."));
		byte[] secret = new byte[RANDOM_BYTES];
		random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		long id = table.insert(owner.getUserId(), trimmed, digest(token), token.substring(token.length() - 4), now,
				expiresAt);
		return new IssuedToken(id, trimmed, token, expiresAt);
	}

	/** The caller's own tokens, newest first, whatever their state. */
	@Transactional(readOnly = true)
	public List<ApiTokenRow> tokensOf(PortalPrincipal owner) {
		Instant now = clock.instant();
		return table.ofUser(owner.getUserId()).stream().map(stored -> row(stored, now)).toList();
	}

	/** Every user's tokens an admin may see: those of the users within the admin's scope. */
	@Transactional(readOnly = true)
	public List<ApiTokenRow> everyonesTokens(PortalPrincipal admin) {
		if (!admin.getRole().includes(Role.ADMIN)) {
			throw new AccessDeniedException("Only admins see everyone's API tokens.");
		}
		UserScope scope = UserScope.of(admin);
		Instant now = clock.instant();
		return table.all()
			.stream()
			.filter(token -> token.token().ownerId() == admin.getUserId() || scope.covers(token.ownerTeamIds()))
			.map(token -> row(token.token(), now))
			.toList();
	}

	/**
	 * Ends a token at once: the caller's own, or (for an admin) a token of a user within their
	 * scope; any other is "not found". Revoking a revoked token changes nothing.
	 */
	@Transactional
	public ApiTokenRow revoke(PortalPrincipal actor, long tokenId) {
		ApiTokenTable.Stored token = table.find(tokenId)
			.filter(found -> mayManage(actor, found))
			.orElseThrow(() -> new ApiTokenNotFound(tokenId));
		Instant now = clock.instant();
		table.revoke(token.id(), actor.getUserId(), now);
		return row(table.find(tokenId).orElseThrow(() -> new ApiTokenNotFound(tokenId)), now);
	}

	/**
	 * The request's user if {@code token} is an active token of an enabled user; refused otherwise,
	 * saying why to whoever holds the token (they know it exists: they have it).
	 */
	@Transactional
	ApiTokenAuthentication authenticate(String token) {
		// not ours at all: no need to ask the database
		if (!token.startsWith(PREFIX) || token.length() > 200) {
			throw new RefusedApiToken("This is not a portal API token.");
		}
		ApiTokenTable.Presented presented = table.findByDigest(digest(token))
			.orElseThrow(() -> new RefusedApiToken("This API token is unknown."));
		Instant now = clock.instant();
		switch (ApiTokenState.of(presented.expiresAt(), presented.revokedAt(), now)) {
			case REVOKED -> throw new RefusedApiToken("This API token was revoked.");
			case EXPIRED -> throw new RefusedApiToken("This API token expired at " + presented.expiresAt() + ".");
			case ACTIVE -> {
			}
		}
		PortalUser user = users.findById(presented.userId())
			.filter(PortalUser::isEnabled)
			.orElseThrow(() -> new RefusedApiToken("The user of this API token is disabled."));
		Instant staleBefore = now.minus(LAST_USED_PRECISION);
		if (presented.lastUsedAt() == null || presented.lastUsedAt().isBefore(staleBefore)) {
			table.touch(presented.id(), now, staleBefore);
		}
		return new ApiTokenAuthentication(new PortalPrincipal(user), presented.id(), presented.name(),
				presented.expiresAt());
	}

	private boolean mayManage(PortalPrincipal actor, ApiTokenTable.Stored token) {
		if (token.ownerId() == actor.getUserId()) {
			return true;
		}
		if (!actor.getRole().includes(Role.ADMIN)) {
			return false;
		}
		Set<Long> ownerTeams = users.findById(token.ownerId()).map(PortalUser::getTeamIds).orElse(Set.of());
		return UserScope.of(actor).covers(ownerTeams);
	}

	private static ApiTokenRow row(ApiTokenTable.Stored stored, Instant now) {
		return new ApiTokenRow(stored.id(), stored.name(), stored.hint(), stored.ownerId(), stored.ownerUsername(),
				stored.ownerName(), stored.createdAt(), stored.expiresAt(), stored.lastUsedAt(), stored.revokedAt(),
				ApiTokenState.of(stored.expiresAt(), stored.revokedAt(), now));
	}

	static byte[] digest(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("every Java has SHA-256", impossible);
		}
	}

	/** Why a presented token opens nothing, in words for its holder. */
	static final class RefusedApiToken extends RuntimeException {

		RefusedApiToken(String reason) {
			super(reason);
		}
	}
}

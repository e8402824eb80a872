package com.numberops.portal.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * Bearer tokens issued by the sandbox's OAuth2 token endpoint, and how many were issued (tests
 * check that the adapter fetches one and reuses it until it expires).
 */
@Component
public class SandboxTokens {

	private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

	private final AtomicInteger issued = new AtomicInteger();

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	private volatile Duration lifetime = Duration.ofHours(1);

	SandboxTokens(Clock clock) {
		this.clock = clock;
	}

	public String issue() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		tokens.put(token, clock.instant().plus(lifetime));
		issued.incrementAndGet();
		return token;
	}

	public boolean valid(String token) {
		Instant expiry = tokens.get(token);
		return expiry != null && clock.instant().isBefore(expiry);
	}

	public long lifetimeSeconds() {
		return lifetime.toSeconds();
	}

	/** Tests shorten it to see a token expire and a new one fetched. */
	public void setLifetime(Duration lifetime) {
		this.lifetime = lifetime;
	}

	public int issuedCount() {
		return issued.get();
	}
}

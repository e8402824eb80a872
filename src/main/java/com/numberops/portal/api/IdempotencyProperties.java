package com.numberops.portal.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an Idempotency-Key is remembered (a client's retries come within minutes; a day covers
 * a retry after an outage), and how often forgotten keys are deleted.
 */
@ConfigurationProperties("portal.api.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration keptFor, @DefaultValue("1h") Duration purgeInterval) {

	public IdempotencyProperties {
		if (keptFor.isNegative() || keptFor.isZero()) {
			throw new IllegalArgumentException("portal.api.idempotency.kept-for must be positive");
		}
	}
}

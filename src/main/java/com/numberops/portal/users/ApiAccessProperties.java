package com.numberops.portal.users;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code portal.api.*} as far as the door of the API goes: how many requests a token may make a
 * minute, and how large a request body may be.
 */
@ConfigurationProperties("portal.api")
public record ApiAccessProperties(@DefaultValue RateLimit rateLimit, @DefaultValue("64KB") DataSize maxBodySize) {

	/** A token bucket per token: up to {@code requestsPerMinute} at once, refilled evenly over a minute. */
	public record RateLimit(@DefaultValue("600") int requestsPerMinute) {

		public RateLimit {
			if (requestsPerMinute < 1) {
				throw new IllegalArgumentException("portal.api.rate-limit.requests-per-minute must be at least 1");
			}
		}
	}
}

package com.numberops.portal.users;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code portal.api.*} as far as the door of the API goes: how many requests a token may make a
 * minute, and how large a request body may be: {@code max-body-size} for every address but those
 * that take batches, which have their own ({@code max-body-size-by-path}, exact paths).
 */
@ConfigurationProperties("portal.api")
public record ApiAccessProperties(@DefaultValue RateLimit rateLimit, @DefaultValue("64KB") DataSize maxBodySize,
		Map<String, DataSize> maxBodySizeByPath) {

	public ApiAccessProperties {
		maxBodySizeByPath = maxBodySizeByPath == null ? Map.of() : Map.copyOf(maxBodySizeByPath);
	}

	/** The largest body {@code path} (within the context) takes. */
	public DataSize maxBodySize(String path) {
		return maxBodySizeByPath.getOrDefault(path, maxBodySize);
	}

	/** A token bucket per token: up to {@code requestsPerMinute} at once, refilled evenly over a minute. */
	public record RateLimit(@DefaultValue("600") int requestsPerMinute) {

		public RateLimit {
			if (requestsPerMinute < 1) {
				throw new IllegalArgumentException("portal.api.rate-limit.requests-per-minute must be at least 1");
			}
		}
	}
}

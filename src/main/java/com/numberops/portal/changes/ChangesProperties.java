package com.numberops.portal.changes;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How changes travel.
 *
 * @param releaseHold how long a requested release waits (and can be cancelled) before the carrier release
 * @param providerPoll how often a change waiting for scheduled provisioning asks the carrier again
 * @param firstRetry the wait after the first failed attempt; it doubles with each attempt
 * @param maxRetry the longest wait between attempts (a Retry-After beyond it is still honoured)
 * @param maxAttempts attempts before a change that keeps failing in retryable ways is failed for good
 * @param bulkLimit the most numbers one bulk edit may cover
 * @param overdueAfter a change still on its way this long after it was asked for (a release: after its
 *        hold ended) is overdue: the dashboard's worklist and the Changes page's "overdue" filter
 */
@ConfigurationProperties("portal.changes")
public record ChangesProperties(@DefaultValue("7d") Duration releaseHold, @DefaultValue("3s") Duration providerPoll,
		@DefaultValue("5s") Duration firstRetry, @DefaultValue("10m") Duration maxRetry,
		@DefaultValue("30") int maxAttempts, @DefaultValue("5000") int bulkLimit,
		@DefaultValue("1h") Duration overdueAfter) {

	/** Exponential backoff: firstRetry × 2^(attempts-1), at most maxRetry. */
	public Duration backoff(int attempts) {
		Duration wait = firstRetry.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
		return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
	}
}

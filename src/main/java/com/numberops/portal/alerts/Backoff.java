package com.numberops.portal.alerts;

import java.time.Duration;

/**
 * When a failed delivery is tried again: the first retry after {@code first}, doubling each
 * attempt, never more than {@code max} apart.
 *
 * @param attempts the attempts made so far (1 after the first failure)
 */
public record Backoff(Duration first, Duration max) {

	public Duration after(int attempts) {
		if (attempts < 1) {
			return Duration.ZERO;
		}
		Duration delay = first;
		for (int i = 1; i < attempts && delay.compareTo(max) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(max) > 0 ? max : delay;
	}
}

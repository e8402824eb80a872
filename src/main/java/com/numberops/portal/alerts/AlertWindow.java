package com.numberops.portal.alerts;

import java.time.Duration;
import java.time.Instant;

/**
 * A rule's windows: consecutive periods of its length, counted from the epoch, so every instance
 * that evaluates the rule at any moment of a period names the same window, and an alert's unique
 * (rule, window start) lets it fire only once in it. What a rule counts is the last window's length
 * up to now (a sliding look back), so failures either side of a boundary are counted together.
 */
public record AlertWindow(Instant start, Instant since) {

	public static AlertWindow at(Instant now, Duration length) {
		if (length.isNegative() || length.isZero()) {
			throw new IllegalArgumentException("A window lasts: " + length);
		}
		long size = length.toMillis();
		long start = Math.floorDiv(now.toEpochMilli(), size) * size;
		return new AlertWindow(Instant.ofEpochMilli(start), now.minus(length));
	}

	/** Whether a rule with this threshold fires on this many found. */
	public static boolean fires(long found, int threshold) {
		return threshold >= 1 && found >= threshold;
	}
}

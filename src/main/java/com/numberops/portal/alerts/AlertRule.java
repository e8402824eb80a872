package com.numberops.portal.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A rule: what it watches, how many found make it fire, the window it counts, whose numbers (a
 * team, or every team's) and the channels its alerts go to.
 */
public record AlertRule(long id, String name, RuleKind kind, @Nullable String errorCode, int threshold, int windowMinutes,
		@Nullable Long teamId, List<Long> channelIds, boolean enabled, Instant createdAt, String createdBy) {

	public AlertRule {
		channelIds = List.copyOf(channelIds);
	}

	public Duration window() {
		return Duration.ofMinutes(windowMinutes);
	}
}

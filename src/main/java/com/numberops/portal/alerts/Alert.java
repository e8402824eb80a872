package com.numberops.portal.alerts;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A rule that fired in one of its windows: what it found (how many, the page that lists them,
 * the first few), whose it is (a team, every team, or the fleet's).
 */
public record Alert(long id, long ruleId, String ruleName, RuleKind kind, Instant windowStart, Instant firedAt,
		@Nullable Long teamId, boolean fleet, String title, long found, String link, List<AlertItem> items) {

	public Alert {
		items = List.copyOf(items);
	}
}

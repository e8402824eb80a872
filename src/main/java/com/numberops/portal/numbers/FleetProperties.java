package com.numberops.portal.numbers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.fleet.*}: the fleet's maintained counts.
 *
 * @param campaignLimit numbers a 10DLC campaign may have linked (50: the common per-campaign cap)
 * @param foldInterval how often the counts' deltas are folded into their base (reads are exact
 *        either way; folding keeps the deltas few, so reads stay quick)
 */
@ConfigurationProperties("portal.fleet")
public record FleetProperties(@DefaultValue("50") int campaignLimit, @DefaultValue("10s") Duration foldInterval) {

	public FleetProperties {
		if (campaignLimit < 1) {
			throw new IllegalArgumentException("portal.fleet.campaign-limit must be at least 1");
		}
	}
}

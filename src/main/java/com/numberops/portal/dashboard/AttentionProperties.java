package com.numberops.portal.dashboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.dashboard.attention.*}: how far ahead and back the worklist looks. Each is written
 * into the Numbers page link as a period (24h, 7d), so a whole number of hours.
 *
 * @param releaseWithin releases whose hold ends within this
 * @param driftWithin numbers changed at the carrier within this
 * @param vanishedWithin numbers gone from the carrier within this
 */
@ConfigurationProperties("portal.dashboard.attention")
public record AttentionProperties(@DefaultValue("48h") Duration releaseWithin, @DefaultValue("24h") Duration driftWithin,
		@DefaultValue("7d") Duration vanishedWithin) {
}

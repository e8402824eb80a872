package com.numberops.portal.sync;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.sync.*}.
 *
 * @param pageSize numbers asked per listing page (Flowroute caps it at 200)
 * @param interval how often every account is fully synced
 * @param provisioningPoll how often numbers whose provisioning still runs are re-read
 */
@ConfigurationProperties("portal.sync")
public record SyncProperties(@DefaultValue("500") int pageSize, @DefaultValue("15m") Duration interval,
		@DefaultValue("10s") Duration provisioningPoll, @DefaultValue("true") boolean scheduled) {
}

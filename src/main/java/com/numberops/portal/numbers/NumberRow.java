package com.numberops.portal.numbers;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One line of the inventory list. */
public record NumberRow(long id, String number, @Nullable String name, String provider, long accountId,
		@Nullable String countryCode,
		@Nullable String numberType, String inventoryState, String status, @Nullable String teamName,
		@Nullable String smsServicePlanId, @Nullable String tenDlcCampaignId, @Nullable String warmupState,
		@Nullable Integer warmupHealthScore, @Nullable String callWarmupState, boolean enabled,
		@Nullable Boolean overrideEnabled, boolean pendingChange, Instant modifiedAt) {

	/** The override when set, else the number's own flag: what the portal acts on. */
	public boolean effectivelyEnabled() {
		return overrideEnabled != null ? overrideEnabled : enabled;
	}

	public boolean overridden() {
		return overrideEnabled != null;
	}
}

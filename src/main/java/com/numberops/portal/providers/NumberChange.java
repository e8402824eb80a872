package com.numberops.portal.providers;

import org.jspecify.annotations.Nullable;

/**
 * What to change on one number at a carrier. Null means "leave as it is"; only the non-null
 * parts are sent (Sinch refuses empty configuration objects). An empty string for
 * {@code smsServicePlanId} or {@code smsCampaignId} unlinks, as Sinch documents.
 *
 * @param displayName Sinch displayName, Flowroute alias
 */
public record NumberChange(@Nullable String displayName, @Nullable String smsServicePlanId,
		@Nullable String smsCampaignId, @Nullable String voiceAppId, @Nullable Boolean cnamLookupsEnabled,
		@Nullable Boolean messagingEnabled) {

	public static NumberChange rename(String displayName) {
		return new NumberChange(displayName, null, null, null, null, null);
	}

	public static NumberChange sms(String servicePlanId, @Nullable String campaignId) {
		return new NumberChange(null, servicePlanId, campaignId, null, null, null);
	}

	public static NumberChange voiceApp(String appId) {
		return new NumberChange(null, null, null, appId, null, null);
	}

	public static NumberChange cnamLookups(boolean enabled) {
		return new NumberChange(null, null, null, null, enabled, null);
	}

	public static NumberChange messaging(boolean enabled) {
		return new NumberChange(null, null, null, null, null, enabled);
	}

	public boolean touchesSms() {
		return smsServicePlanId != null || smsCampaignId != null;
	}

	public boolean isEmpty() {
		return displayName == null && !touchesSms() && voiceAppId == null && cnamLookupsEnabled == null
				&& messagingEnabled == null;
	}
}

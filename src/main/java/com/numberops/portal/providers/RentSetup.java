package com.numberops.portal.providers;

import org.jspecify.annotations.Nullable;

/**
 * The configuration a number is bought with. Null parts are not sent: Sinch refuses a
 * configuration object that is not wanted (seed 002: "do not add the voiceConfiguration object
 * or it will result in an error").
 */
public record RentSetup(@Nullable String smsServicePlanId, @Nullable String campaignId, @Nullable String voiceAppId) {

	public RentSetup {
		smsServicePlanId = blankToNull(smsServicePlanId);
		campaignId = blankToNull(campaignId);
		voiceAppId = blankToNull(voiceAppId);
	}

	public boolean sms() {
		return smsServicePlanId != null;
	}

	public boolean voice() {
		return voiceAppId != null;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}

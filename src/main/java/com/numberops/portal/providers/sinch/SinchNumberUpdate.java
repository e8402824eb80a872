package com.numberops.portal.providers.sinch;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.numberops.portal.providers.NumberChange;
import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderKind;

/**
 * The body of a Sinch PATCH (seeds 001 and 000). Only what changes is sent: Sinch refuses an
 * empty configuration object, and a configuration object that is sent at all is applied (a
 * change of servicePlanId starts scheduled provisioning), so nothing is ever sent "as it was".
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SinchNumberUpdate(@Nullable String displayName, @Nullable Sms smsConfiguration,
		@Nullable Voice voiceConfiguration) {

	/**
	 * servicePlanId is required in every active number's smsConfiguration (seed 001), optional for
	 * imported numbers (seed 000); campaignId only when given (US only).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Sms(@Nullable String servicePlanId, @Nullable String campaignId) {
	}

	record Voice(String appId) {
	}

	/**
	 * The body for a change to an active ({@link ProviderKind#SINCH}) or imported number, or a
	 * {@link ProviderError} (400, UNSUPPORTED_CHANGE, not retryable) for parts that API cannot take,
	 * before anything is sent: a change is applied whole or not at all.
	 */
	static SinchNumberUpdate of(ProviderKind kind, NumberChange change) {
		boolean active = kind == ProviderKind.SINCH;
		if (change.cnamLookupsEnabled() != null || change.messagingEnabled() != null) {
			throw unsupported(kind, "CNAM lookups and messaging enablement are Flowroute settings; Sinch has neither");
		}
		if (change.voiceAppId() != null && !active) {
			throw unsupported(kind, "imported numbers have no voice configuration");
		}
		Sms sms = null;
		if (change.touchesSms()) {
			if (change.smsServicePlanId() == null && active) {
				throw unsupported(kind, "an active number's smsConfiguration needs its servicePlanId "
						+ "(the current one to keep it, \"\" to unlink); a change of the campaign alone cannot be sent");
			}
			sms = new Sms(change.smsServicePlanId(), change.smsCampaignId());
		}
		Voice voiceConfiguration = change.voiceAppId() == null ? null : new Voice(change.voiceAppId());
		return new SinchNumberUpdate(change.displayName(), sms, voiceConfiguration);
	}

	private static ProviderError unsupported(ProviderKind kind, String why) {
		return new ProviderError(kind, 400, "UNSUPPORTED_CHANGE", "Not sent: " + why);
	}
}

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

	/** servicePlanId is required by Sinch in every smsConfiguration; campaignId only when given (US only). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Sms(String servicePlanId, @Nullable String campaignId) {
	}

	record Voice(String appId) {
	}

	/**
	 * The body for a change, or a {@link ProviderError} (400, UNSUPPORTED_CHANGE, not retryable)
	 * for parts this API cannot take, before anything is sent: a change is applied whole or not at all.
	 *
	 * @param voice whether the API has a voice configuration (active numbers do, imported do not)
	 */
	static SinchNumberUpdate of(ProviderKind kind, NumberChange change, boolean voice) {
		if (change.cnamLookupsEnabled() != null || change.messagingEnabled() != null) {
			throw unsupported(kind, "CNAM lookups and messaging enablement are Flowroute settings; Sinch has neither");
		}
		if (change.voiceAppId() != null && !voice) {
			throw unsupported(kind, "imported numbers have no voice configuration");
		}
		Sms sms = null;
		if (change.touchesSms()) {
			if (change.smsServicePlanId() == null) {
				throw unsupported(kind, "Sinch needs the servicePlanId in every smsConfiguration change "
						+ "(\"\" to unlink); a change of the campaign alone cannot be sent");
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

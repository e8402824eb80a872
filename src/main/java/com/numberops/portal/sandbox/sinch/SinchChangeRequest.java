package com.numberops.portal.sandbox.sinch;

import org.jspecify.annotations.Nullable;

/**
 * What a PATCH or {@code :rent} body asks for. Null: not sent, leave as it is. {@code ""} for a
 * service plan, campaign or voice app unlinks it.
 */
record SinchChangeRequest(@Nullable String displayName, @Nullable Sms sms, @Nullable Voice voice,
		@Nullable String callbackUrl) {

	/** {@code smsConfiguration}; both null is the empty object {@code {}}, which Sinch refuses. */
	record Sms(@Nullable String servicePlanId, @Nullable String campaignId) {

		boolean empty() {
			return servicePlanId == null && campaignId == null;
		}
	}

	/** {@code voiceConfiguration}; a null appId is the empty object {@code {}}. */
	record Voice(@Nullable String appId) {
	}
}

package com.numberops.portal.providers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * One number as a carrier reports it, in provider-neutral terms. Fields a carrier does not have
 * are null (Flowroute has no service plan; Sinch has no CNAM switch). {@code raw} is the carrier's
 * own JSON for the number, kept for display and for fields the portal does not map.
 *
 * @param providerNumberId the carrier's id: E.164 for Sinch, 11 digits for Flowroute
 * @param number E.164 with leading +
 */
public record ProviderNumber(ProviderKind provider, String providerNumberId, String number, @Nullable String displayName,
		@Nullable String regionCode, @Nullable String type, Set<String> capabilities, @Nullable BigDecimal monthlyAmount,
		@Nullable String currency, @Nullable Integer paymentIntervalMonths, @Nullable Instant nextChargeDate,
		@Nullable Instant expireAt, @Nullable String smsServicePlanId, @Nullable String smsCampaignId,
		@Nullable ProvisioningState smsProvisioning, @Nullable String voiceAppId,
		@Nullable ProvisioningState voiceProvisioning, @Nullable Boolean cnamLookupsEnabled,
		@Nullable Boolean messagingEnabled, @Nullable String rateCenter, @Nullable String state,
		@Nullable String providerStatus, @Nullable JsonNode raw) {

	public ProviderNumber {
		capabilities = Set.copyOf(capabilities);
	}
}

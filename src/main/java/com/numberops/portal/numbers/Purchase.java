package com.numberops.portal.numbers;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A number being bought, as the mirror shows it from the moment it is asked for: what the offer
 * said of it, where it goes (team, name), and what its provisioning is to apply.
 *
 * @param providerNumberId what the carrier calls it
 * @param smsServicePlanId the SMS service plan the rent links (null: no SMS setup)
 * @param voiceAppId the voice app the rent assigns (null: none)
 */
public record Purchase(String providerNumberId, String number, @Nullable String name, String regionCode, String type,
		boolean smsCapable, boolean voiceCapable, @Nullable Long teamId, BigDecimal monthlyAmount, String currency,
		@Nullable String smsServicePlanId, @Nullable String campaignId, @Nullable String voiceAppId) {
}

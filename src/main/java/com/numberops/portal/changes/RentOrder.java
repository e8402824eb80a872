package com.numberops.portal.changes;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a person asks to buy: a short cart of numbers from one carrier account, and what they are
 * bought for.
 *
 * @param numbers the carrier's ids of the numbers (E.164 at Sinch)
 * @param name the name each number is given ("Growth line" on several becomes "Growth line 1", "2", …)
 */
public record RentOrder(long accountId, List<String> numbers, @Nullable String servicePlanId,
		@Nullable String campaignId, @Nullable String voiceAppId, @Nullable Long teamId, @Nullable String name) {

	public RentOrder {
		numbers = List.copyOf(numbers);
	}
}

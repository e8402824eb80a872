package com.numberops.portal.numbers;

/**
 * How many numbers are linked to one 10DLC campaign, against the per-campaign limit (carriers
 * refuse a link past it with EXCEEDED_10DLC_LIMIT).
 *
 * @param numbers the numbers linked to it that the viewer may see
 */
public record CampaignLoad(String campaignId, long numbers, int limit) {

	/** At or above 80% of the limit (over it included). */
	public boolean near() {
		return numbers * 5 >= (long) limit * 4;
	}

	/** More than the limit: the carrier would have refused the last links. */
	public boolean over() {
		return numbers > limit;
	}
}

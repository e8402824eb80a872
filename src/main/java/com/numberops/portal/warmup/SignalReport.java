package com.numberops.portal.warmup;

import org.jspecify.annotations.Nullable;

/**
 * One number's outcomes for one UTC day, as a sending system reports them (POST
 * /api/warmup-signals), before any rule has looked at it: every part may be missing, the rules
 * ({@link SignalReportRules}) say what is wrong with it. The number is named by the portal's id or
 * by its E.164 number, exactly one of them. A channel left out is not reported (an SMS platform
 * reports SMS, a dialer calls); what was reported for it before stays.
 */
public record SignalReport(@Nullable String phoneNumberId, @Nullable String number, @Nullable String day,
		@Nullable Sms sms, @Nullable Calls calls) {

	/** The day's messages: sent, and of those delivered and refused by the carrier; recipients who opted out. */
	public record Sms(@Nullable Long sent, @Nullable Long delivered, @Nullable Long carrierRejected,
			@Nullable Long optOuts) {
	}

	/** The day's calls: placed, and of those answered and labelled as spam by the far end's carrier. */
	public record Calls(@Nullable Long placed, @Nullable Long answered, @Nullable Long flaggedSpam) {
	}
}

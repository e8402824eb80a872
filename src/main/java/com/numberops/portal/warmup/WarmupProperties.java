package com.numberops.portal.warmup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How warmup runs.
 *
 * @param smsRamp the SMS ramp, {@code days x messages a day} per stage
 * @param callRamp the call ramp: exactly five stages, Stage 0 to Stage 4, {@code days x calls a day}
 * @param attentionBelow a day's delivery (or answer) rate below this percentage puts the warmup in Needs Attention
 * @param recoverAt the rate (percent) a warmup in Needs Attention needs to go back to Warming
 * @param day the length of one ramp day: after each step the next one is due this much later
 * @param interval how often the scheduled job looks for due numbers
 * @param batchSize numbers read per query by the job
 * @param reportFreshDays a live number's delivery report of day D is its signal on the days D to
 *     D + this (a daily batch reports yesterday; one day more for a late batch); older, the number
 *     ramps on schedule
 * @param reportMaxAgeDays the oldest day a delivery report may be for, in days before today (UTC)
 */
@ConfigurationProperties("portal.warmup")
public record WarmupProperties(@DefaultValue("2x20,3x50,4x100,5x200") String smsRamp,
		@DefaultValue("1x5,2x10,2x20,3x40,3x60") String callRamp, @DefaultValue("80") int attentionBelow,
		@DefaultValue("90") int recoverAt, @DefaultValue("1d") Duration day, @DefaultValue("15m") Duration interval,
		@DefaultValue("500") int batchSize, @DefaultValue("2") int reportFreshDays,
		@DefaultValue("30") int reportMaxAgeDays) {

	public WarmupProperties {
		RampPlan.parse(smsRamp);
		if (RampPlan.parse(callRamp).stages().size() != 5) {
			throw new IllegalArgumentException("portal.warmup.call-ramp needs exactly five stages (Stage 0 to Stage 4)");
		}
		if (attentionBelow < 0 || attentionBelow > 100 || recoverAt < attentionBelow || recoverAt > 100) {
			throw new IllegalArgumentException("portal.warmup: 0 <= attention-below <= recover-at <= 100");
		}
		if (reportFreshDays < 0 || reportMaxAgeDays < reportFreshDays) {
			throw new IllegalArgumentException("portal.warmup: 0 <= report-fresh-days <= report-max-age-days");
		}
		if (day.isNegative() || day.isZero() || interval.isNegative() || interval.isZero() || batchSize < 1) {
			throw new IllegalArgumentException("portal.warmup: day, interval and batch size must be positive");
		}
	}

	public RampPlan smsPlan() {
		return RampPlan.parse(smsRamp);
	}

	public RampPlan callPlan() {
		return RampPlan.parse(callRamp);
	}

	public RampPlan plan(Channel channel) {
		return channel == Channel.SMS ? smsPlan() : callPlan();
	}
}

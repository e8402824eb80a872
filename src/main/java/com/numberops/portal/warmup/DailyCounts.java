package com.numberops.portal.warmup;

import java.time.LocalDate;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * One number's reported outcomes on one channel for one UTC day, as stored. {@code attempted} is
 * SMS sent or calls placed, {@code succeeded} delivered or answered; the rest are SMS only
 * (carrier-rejected, opt-outs) or calls only (flagged as spam).
 */
public record DailyCounts(Channel channel, LocalDate day, int attempted, int succeeded,
		@Nullable Integer carrierRejected, @Nullable Integer optOuts, @Nullable Integer flaggedSpam) {

	public static DailyCounts sms(LocalDate day, int sent, int delivered, int carrierRejected, int optOuts) {
		return new DailyCounts(Channel.SMS, day, sent, delivered, carrierRejected, optOuts, null);
	}

	public static DailyCounts calls(LocalDate day, int placed, int answered, int flaggedSpam) {
		return new DailyCounts(Channel.CALL, day, placed, answered, null, null, flaggedSpam);
	}

	/**
	 * The signal the warmup rules read ({@link DeliverySignals}): delivered of sent (SMS) or
	 * answered of placed (calls), in percent, rounded down (79.9 % is below an 80 % threshold).
	 * Empty when nothing was sent or placed: a day without traffic says nothing about health.
	 * Rejections, opt-outs and spam flags are kept and shown, but only this rate moves warmup,
	 * the same rate the sandbox's signals stand in for.
	 */
	public OptionalInt rate() {
		if (attempted == 0) {
			return OptionalInt.empty();
		}
		return OptionalInt.of((int) ((long) succeeded * 100 / attempted));
	}
}

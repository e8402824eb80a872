package com.numberops.portal.warmup;

import java.time.LocalDate;
import java.util.OptionalInt;

/**
 * The port the warmup job reads health from: a number's delivery rate (SMS) or answer rate
 * (calls), in percent, for one ramp day. Empty when there is no signal: the job then advances on
 * schedule and leaves the health score as it is. Which source answers is decided per number, by
 * its account ({@link WarmupJobs}): sandbox numbers the sandbox's made-up signals, live numbers
 * the delivery reports their senders post ({@link WarmupSignals}).
 */
public interface DeliverySignals {

	/**
	 * @param numberId the number's id in the portal
	 * @param number its E.164 number
	 * @param sandbox the number belongs to a sandbox provider account
	 * @param day the ramp day (0-based) the signal is for
	 * @param today the UTC day the job runs on
	 */
	OptionalInt rate(Channel channel, long numberId, String number, boolean sandbox, int day, LocalDate today);
}

package com.numberops.portal.warmup;

import java.util.OptionalInt;

/**
 * The port the warmup job reads health from: a number's delivery rate (SMS) or answer rate
 * (calls), in percent, for one ramp day. Empty when there is no signal: the job then advances on
 * schedule and leaves the health score as it is.
 */
public interface DeliverySignals {

	/**
	 * @param sandbox the number belongs to a sandbox provider account
	 * @param day the ramp day (0-based) the signal is for
	 */
	OptionalInt rate(Channel channel, String number, boolean sandbox, int day);
}

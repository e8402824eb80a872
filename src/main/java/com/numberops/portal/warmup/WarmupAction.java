package com.numberops.portal.warmup;

/**
 * What can happen to a number's warmup. People do the first four (operators, from the number's
 * page); the warmup job and the eligibility check do the rest.
 */
public enum WarmupAction {

	/** An operator starts warmup (the number must be eligible). */
	TURN_ON(true),
	/** An operator stops warmup; turning it on again starts the ramp over. */
	TURN_OFF(true),
	/** An operator holds the ramp, with a reason. */
	PAUSE(true),
	/** An operator lets a paused ramp go on. */
	RESUME(true),
	/** The job: one more day of the ramp, with a good (or no) delivery signal. */
	ADVANCE(false),
	/** The job: the day's delivery signal was poor; the ramp holds. */
	DEGRADE(false),
	/** The job: the delivery signal is good again after poor days. */
	RECOVER(false),
	/** The job: the last day of the ramp went well. */
	COMPLETE(false),
	/** The number became ineligible (disabled, suspended, lost a capability). */
	BLOCK(false),
	/** The number is eligible again. */
	UNBLOCK(false);

	private final boolean byPeople;

	WarmupAction(boolean byPeople) {
		this.byPeople = byPeople;
	}

	public boolean byPeople() {
		return byPeople;
	}
}

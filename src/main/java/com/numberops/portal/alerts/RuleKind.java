package com.numberops.portal.alerts;

/**
 * What a rule watches. Some count what happened in the window (a failure, a change that failed, a
 * sync that failed); the others a state that lasts (not synced, warmup blocked, a request
 * waiting), which fires again each window while it lasts, so nobody forgets it.
 */
public enum RuleKind {

	/** Numbers whose provisioning failed with one carrier error code, in the window. */
	PROVISIONING_FAILED(true, false, true),
	/** Changes that failed or were partly applied, in the window. */
	CHANGE_FAILED(false, false, true),
	/** Carrier accounts whose last sync failed, ended in the window. */
	SYNC_FAILED(false, true, true),
	/** Carrier accounts not synced successfully for longer than the window. */
	SYNC_STALE(false, true, false),
	/** Numbers whose SMS or call warmup is Blocked. */
	WARMUP_BLOCKED(false, false, false),
	/** Override requests waiting for a decision longer than the window. */
	OVERRIDE_WAITING(false, false, false);

	private final boolean needsCode;

	private final boolean fleet;

	private final boolean counted;

	RuleKind(boolean needsCode, boolean fleet, boolean counted) {
		this.needsCode = needsCode;
		this.fleet = fleet;
		this.counted = counted;
	}

	/** Whether the rule names a carrier error code. */
	public boolean needsCode() {
		return needsCode;
	}

	/** Whether it is about the fleet as a whole (carrier accounts), not a team's numbers: everyone sees it. */
	public boolean fleet() {
		return fleet;
	}

	/** Whether it counts events in its window (else a state that lasts, found again each window). */
	public boolean counted() {
		return counted;
	}
}

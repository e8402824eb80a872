package com.numberops.portal.changes;

/** Where a change is on its way to the carrier. */
public enum ChangeState {

	/** Saved, not yet sent (or refused in a way worth retrying, e.g. a 429: see the provider message). */
	PENDING("Pending"),
	/**
	 * Being sent right now, or its last write went unanswered. Either way the carrier may have it:
	 * the next attempt first asks the carrier.
	 */
	IN_PROGRESS("In progress"),
	/** Sent; the carrier's scheduled provisioning (or the release hold) is still running. */
	WAITING_FOR_PROVIDER("Waiting for the provider"),
	SUCCEEDED("Succeeded"),
	/** Refused or failed at the carrier, with its code and message; can be retried. */
	FAILED("Failed"),
	/** Applied in part (Flowroute 207): the failed part can be retried. */
	PARTIAL("Partly applied"),
	CANCELLED("Cancelled");

	private final String label;

	ChangeState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Still owns its fields, and the dispatcher still has work for it (PARTIAL waits for a retry). */
	public boolean open() {
		return this == PENDING || this == IN_PROGRESS || this == WAITING_FOR_PROVIDER || this == PARTIAL;
	}

	/** People may send it again: it failed or half failed. */
	public boolean retryable() {
		return this == FAILED || this == PARTIAL;
	}

	/**
	 * People may call it off: nothing has reached the carrier yet (a release: still on hold), or it
	 * failed or half failed.
	 */
	public boolean cancellable() {
		return this == PENDING || this == FAILED || this == PARTIAL;
	}
}

package com.numberops.portal.overrides;

/** Where an override request is: only a pending one can be decided. */
public enum OverrideState {

	PENDING("Pending"), APPROVED("Approved"), REJECTED("Rejected"), SUPERSEDED("Superseded"),
	CLEARED("Approved, since cleared");

	private final String label;

	OverrideState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}

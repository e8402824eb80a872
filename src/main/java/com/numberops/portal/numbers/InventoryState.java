package com.numberops.portal.numbers;

/** Seed 003's {@code inventoryState}: what the team can use the number for right now. */
public enum InventoryState {

	AVAILABLE("Available"), ASSIGNED("Assigned"), PENDING_VERIFICATION("Pending verification"),
	READY_FOR_SMS("Ready for SMS"), READY_FOR_VOICE("Ready for voice"), RESTRICTED("Restricted"),
	SUSPENDED("Suspended"), FAILED("Failed"), RELEASED("Released"), PENDING_RELEASE("Pending release"),
	WARMUP_ONLY("Warmup-only"), INTERNAL_TEST_ONLY("Internal/test-only");

	private final String value;

	InventoryState(String value) {
		this.value = value;
	}

	public String value() {
		return value;
	}

	public static InventoryState fromValue(String value) {
		for (InventoryState state : values()) {
			if (state.value.equals(value)) {
				return state;
			}
		}
		throw new IllegalArgumentException("Unknown inventory state " + value);
	}
}

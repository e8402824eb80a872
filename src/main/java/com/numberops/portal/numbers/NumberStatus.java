package com.numberops.portal.numbers;

/** Seed 003's {@code status}: where the number stands in its registration lifecycle. */
public enum NumberStatus {

	UNREGISTERED("Unregistered"), PROVISIONING("Provisioning"), FAILED_PROVISIONING("FailedProvisioning"),
	ACTIVE("Active"), EXPIRED("Expired"), SUSPENDED("Suspended"), PENDING_RELEASE("PendingRelease");

	private final String value;

	NumberStatus(String value) {
		this.value = value;
	}

	/** As stored and as the API shows it. */
	public String value() {
		return value;
	}

	public static NumberStatus fromValue(String value) {
		for (NumberStatus status : values()) {
			if (status.value.equals(value)) {
				return status;
			}
		}
		throw new IllegalArgumentException("Unknown status " + value);
	}
}

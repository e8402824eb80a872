package com.numberops.portal.numbers;

import java.time.Instant;

/**
 * The one place where {@code status} and {@code inventoryState} are decided, each by a pure
 * function of {@link StateInputs} and the time. Rules are checked top-down; the first that holds
 * wins. Nothing else in the portal sets either field.
 */
public final class NumberStates {

	private NumberStates() {
	}

	public static NumberStatus status(StateInputs in, Instant now) {
		if (in.released()) {
			// the subscription has ended; the seed has no "Released" status, Expired says the same
			return NumberStatus.EXPIRED;
		}
		if (in.releaseScheduledAt() != null) {
			return NumberStatus.PENDING_RELEASE;
		}
		if (in.expireAt() != null && !now.isBefore(in.expireAt())) {
			return NumberStatus.EXPIRED;
		}
		if (in.providerSuspended() || !in.effectivelyEnabled()) {
			return NumberStatus.SUSPENDED;
		}
		if (in.provisioningFailed()) {
			return NumberStatus.FAILED_PROVISIONING;
		}
		if (in.provisioningRunning()) {
			return NumberStatus.PROVISIONING;
		}
		if (!in.smsLinked() && !in.voiceLinked()) {
			return NumberStatus.UNREGISTERED;
		}
		return NumberStatus.ACTIVE;
	}

	public static InventoryState inventoryState(StateInputs in, Instant now) {
		NumberStatus status = status(in, now);
		if (in.released()) {
			return InventoryState.RELEASED;
		}
		return switch (status) {
			case PENDING_RELEASE -> InventoryState.PENDING_RELEASE;
			case SUSPENDED -> InventoryState.SUSPENDED;
			case EXPIRED, FAILED_PROVISIONING -> InventoryState.FAILED;
			default -> usable(in, status);
		};
	}

	private static InventoryState usable(StateInputs in, NumberStatus status) {
		if (in.internalTestOnly()) {
			return InventoryState.INTERNAL_TEST_ONLY;
		}
		if (in.warmupOnly()) {
			return InventoryState.WARMUP_ONLY;
		}
		if (status == NumberStatus.PROVISIONING) {
			return InventoryState.PENDING_VERIFICATION;
		}
		if (in.smsLinked() && in.tenDlcRequired() && !in.tenDlcLinked()) {
			// US carriers block A2P traffic from a long code without a 10DLC campaign
			return InventoryState.RESTRICTED;
		}
		if (!in.assigned()) {
			return InventoryState.AVAILABLE;
		}
		if (in.smsCapable() && in.smsLinked()) {
			return InventoryState.READY_FOR_SMS;
		}
		if (in.voiceCapable() && in.voiceLinked()) {
			return InventoryState.READY_FOR_VOICE;
		}
		return InventoryState.ASSIGNED;
	}
}

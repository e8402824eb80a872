package com.numberops.portal.numbers;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Everything the derived {@code status} and {@code inventoryState} depend on, and nothing else:
 * provider state, routing and flags of one number.
 *
 * @param released the carrier no longer has the number (released by us, or gone after a complete sync)
 * @param releaseScheduledAt a release on hold: the carrier release runs then, unless cancelled
 * @param providerSuspended the carrier reports the number suspended or blocked
 * @param smsProvisioning Sinch scheduled SMS provisioning (WAITING, IN_PROGRESS, FAILED) or null
 * @param voiceProvisioning the same for voice
 * @param smsLinked an SMS service plan (Sinch) or messaging (Flowroute) is in place
 * @param voiceLinked a voice app (Sinch) or a route (Flowroute) is in place
 * @param tenDlcRequired US long code with SMS: carriers demand a 10DLC campaign
 * @param tenDlcLinked a 10DLC campaign is linked
 * @param effectivelyEnabled the admin override when set, else the number's own enabled flag
 * @param assigned the number belongs to a team or business
 * @param renting bought through the portal and not yet confirmed by the carrier (order status RENTING):
 * Provisioning, whatever its setup (a Flowroute purchase has none to wait for)
 */
public record StateInputs(boolean released, @Nullable Instant releaseScheduledAt, @Nullable Instant expireAt,
		boolean providerSuspended, @Nullable String smsProvisioning, @Nullable String voiceProvisioning,
		boolean smsCapable, boolean voiceCapable, boolean smsLinked, boolean voiceLinked, boolean tenDlcRequired,
		boolean tenDlcLinked, boolean effectivelyEnabled, boolean warmupOnly, boolean internalTestOnly,
		boolean assigned, boolean renting) {

	/** A number the portal did not buy (or whose purchase has settled). */
	public StateInputs(boolean released, @Nullable Instant releaseScheduledAt, @Nullable Instant expireAt,
			boolean providerSuspended, @Nullable String smsProvisioning, @Nullable String voiceProvisioning,
			boolean smsCapable, boolean voiceCapable, boolean smsLinked, boolean voiceLinked, boolean tenDlcRequired,
			boolean tenDlcLinked, boolean effectivelyEnabled, boolean warmupOnly, boolean internalTestOnly,
			boolean assigned) {
		this(released, releaseScheduledAt, expireAt, providerSuspended, smsProvisioning, voiceProvisioning, smsCapable,
				voiceCapable, smsLinked, voiceLinked, tenDlcRequired, tenDlcLinked, effectivelyEnabled, warmupOnly,
				internalTestOnly, assigned, false);
	}

	boolean provisioningFailed() {
		return "FAILED".equals(smsProvisioning) || "FAILED".equals(voiceProvisioning);
	}

	boolean provisioningRunning() {
		return renting || running(smsProvisioning) || running(voiceProvisioning);
	}

	private static boolean running(@Nullable String status) {
		return "WAITING".equals(status) || "IN_PROGRESS".equals(status);
	}
}

package com.numberops.portal.sandbox.flowroute;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of {@code flowroute_numbers}: a number as the simulated Flowroute holds it.
 *
 * @param messageProvisionSettlesAt when a "processing" message provision job is over
 */
record FlowrouteSandboxNumber(String id, @Nullable String alias, boolean cnamLookupsEnabled, boolean messagingEnabled,
		String numberType, @Nullable String rateCenter, @Nullable String state, String isoCountry,
		BigDecimal monthlyCost, BigDecimal setupCost, BigDecimal inboundRate, String rateType, String status,
		String tier, String primaryRouteId, @Nullable String messageProvisionId,
		@Nullable String messageProvisionStatus, @Nullable Instant messageProvisionSettlesAt) {

	static final String PROCESSING = "processing";

	static final String COMPLETE = "complete";

	/**
	 * The number as it is at {@code now}: a provision job whose time has come is complete and the
	 * number can message. Settling on read needs no timer and survives restarts.
	 */
	FlowrouteSandboxNumber settledAt(Instant now) {
		if (PROCESSING.equals(messageProvisionStatus) && messageProvisionSettlesAt != null
				&& !messageProvisionSettlesAt.isAfter(now)) {
			return new FlowrouteSandboxNumber(id, alias, cnamLookupsEnabled, true, numberType, rateCenter, state,
					isoCountry, monthlyCost, setupCost, inboundRate, rateType, status, tier, primaryRouteId,
					messageProvisionId, COMPLETE, messageProvisionSettlesAt);
		}
		return this;
	}

	boolean provisioning() {
		return PROCESSING.equals(messageProvisionStatus);
	}
}

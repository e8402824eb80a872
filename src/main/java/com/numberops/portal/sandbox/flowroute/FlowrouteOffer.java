package com.numberops.portal.sandbox.flowroute;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** One row of {@code flowroute_available_numbers}: a number the simulated Flowroute sells. */
record FlowrouteOffer(String id, String numberType, @Nullable String rateCenter, @Nullable String state,
		String isoCountry, BigDecimal monthlyCost, BigDecimal setupCost, BigDecimal inboundRate, String rateType,
		String tier) {
}

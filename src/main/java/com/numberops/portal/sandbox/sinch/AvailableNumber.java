package com.numberops.portal.sandbox.sinch;

import java.math.BigDecimal;
import java.util.List;

/** One row of {@code sinch_available_numbers}: a number the simulated Sinch offers to rent. */
record AvailableNumber(String phoneNumber, String regionCode, String type, List<String> capabilities, String currency,
		BigDecimal setupAmount, BigDecimal monthlyAmount, int paymentIntervalMonths,
		boolean supportingDocumentationRequired) {

	AvailableNumber {
		capabilities = List.copyOf(capabilities);
	}
}

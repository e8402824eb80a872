package com.numberops.portal.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.numberops.portal.providers.Offer;
import com.numberops.portal.providers.ProviderKind;

/** The daily spend limit, case by case: spent today + the cart's setup and first month against the limit. */
class SpendLimitUnitTest {

	static Offer offer(String setup, String monthly, String currency) {
		return new Offer(ProviderKind.SINCH, "+12065550100", "+12065550100", "US", "LOCAL", Set.of("SMS", "VOICE"),
				new BigDecimal(setup), new BigDecimal(monthly), currency, 1, false, null);
	}

	@ParameterizedTest(name = "spent {0}, cart {1}+{2} x{3} in {4}, limit 100 USD: allowed {5}")
	@CsvSource({ "0, 0.00, 1.00, 1, USD, true", "99, 0.00, 1.00, 1, USD, true", "99, 0.00, 1.01, 1, USD, false",
			"0, 25.00, 1.00, 3, USD, true", "0, 25.00, 1.00, 4, USD, false", "100, 0.00, 0.00, 1, USD, true",
			"0, 0.00, 1.00, 1, CAD, false", "120, 0.00, 1.00, 1, USD, false" })
	void fitsOrNot(String spent, String setup, String monthly, int count, String currency, boolean allowed) {
		List<Offer> cart = java.util.Collections.nCopies(count, offer(setup, monthly, currency));
		assertThat(SpendLimit.refusal(cart, new BigDecimal(spent), new BigDecimal("100"), "USD").isEmpty())
			.isEqualTo(allowed);
	}

	@ParameterizedTest
	@CsvSource({ "99, 0.00, 2.00" })
	void theRefusalSaysWhatIsLeft(String spent, String setup, String monthly) {
		assertThat(SpendLimit.refusal(List.of(offer(setup, monthly, "USD")), new BigDecimal(spent), new BigDecimal("100"),
				"USD")).get()
			.asString()
			.contains("costs 2.00 USD", "99.00 USD already spent", "daily limit of 100.00 USD", "1.00 USD left",
					"PORTAL_BUY_DAILY_LIMIT");
	}
}

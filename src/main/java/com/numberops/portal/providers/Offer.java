package com.numberops.portal.providers;

import java.math.BigDecimal;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A number for sale, in provider-neutral terms.
 *
 * @param providerNumberId what the carrier calls it (E.164 at Sinch, 11 digits at Flowroute)
 * @param number E.164 with leading +
 * @param setupPrice charged once, when bought
 * @param monthlyPrice charged every {@code paymentIntervalMonths}
 * @param place a rate center and state (Flowroute), null where the carrier names none
 */
public record Offer(ProviderKind provider, String providerNumberId, String number, String regionCode, String type,
		Set<String> capabilities, BigDecimal setupPrice, BigDecimal monthlyPrice, String currency,
		int paymentIntervalMonths, boolean documentsRequired, @Nullable String place) {

	public Offer {
		capabilities = Set.copyOf(capabilities);
	}

	/** What buying it costs today: the setup and the first period. */
	public BigDecimal firstCharge() {
		return setupPrice.add(monthlyPrice);
	}

	/** "SMS, VOICE": the capabilities in a stable order, for people. */
	public String capabilitiesText() {
		return String.join(", ", new java.util.TreeSet<>(capabilities));
	}

	public boolean can(String capability) {
		return capabilities.contains(capability);
	}
}

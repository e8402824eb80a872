package com.numberops.portal.changes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import com.numberops.portal.providers.Offer;

/**
 * The daily spend limit on buying numbers, as a rule: what a cart costs today (each number's
 * setup and first month), and whether that fits beside what was already spent today. Offers in
 * another currency than the limit's cannot be counted, so they are refused too.
 */
final class SpendLimit {

	private SpendLimit() {
	}

	static BigDecimal cost(List<Offer> cart) {
		return cart.stream().map(Offer::firstCharge).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** Why the cart may not be bought today, or empty when it may. */
	static Optional<String> refusal(List<Offer> cart, BigDecimal spentToday, BigDecimal limit, String currency) {
		for (Offer offer : cart) {
			if (!offer.currency().equals(currency)) {
				return Optional.of(offer.number() + " is priced in " + offer.currency() + "; the daily limit counts in "
						+ currency + ", so it cannot be bought here.");
			}
		}
		BigDecimal cost = cost(cart);
		BigDecimal after = spentToday.add(cost);
		if (after.compareTo(limit) > 0) {
			BigDecimal left = limit.subtract(spentToday).max(BigDecimal.ZERO);
			return Optional.of("This cart costs " + money(cost, currency) + " today; with " + money(spentToday, currency)
					+ " already spent today it would pass the daily limit of " + money(limit, currency) + " ("
					+ money(left, currency) + " left). Remove numbers, or ask for a higher limit (PORTAL_BUY_DAILY_LIMIT).");
		}
		return Optional.empty();
	}

	static String money(BigDecimal amount, String currency) {
		return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " " + currency;
	}
}

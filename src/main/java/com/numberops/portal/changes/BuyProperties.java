package com.numberops.portal.changes;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Buying numbers ({@code portal.buy.*}).
 *
 * @param dailyLimit the most that rents asked for in one UTC day may cost (setup plus the first
 * month), in {@code currency}; a cart that would go beyond it is refused whole
 * @param currency the account's currency: what the limit counts in, and the only currency offers
 * may be bought in (an offer priced otherwise cannot be counted against the limit)
 * @param cartSize the most numbers one rent may hold
 */
@ConfigurationProperties("portal.buy")
public record BuyProperties(@DefaultValue("100") BigDecimal dailyLimit, @DefaultValue("USD") String currency,
		@DefaultValue("10") int cartSize) {
}

package com.numberops.portal.providers;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A search of numbers for sale.
 *
 * @param pattern digits (Sinch START also takes a leading +), null for none
 * @param match where the pattern sits in the number
 * @param limit at most this many
 */
public record OfferSearch(String regionCode, String type, Set<String> capabilities, @Nullable String pattern,
		Match match, int limit) {

	public enum Match {
		STARTS, CONTAINS, ENDS
	}

	public OfferSearch {
		capabilities = Set.copyOf(capabilities);
	}
}

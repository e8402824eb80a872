package com.numberops.portal.providers;

import java.util.List;

/** A region a carrier sells numbers in (Sinch availableRegions). */
public record OfferRegion(String regionCode, String regionName, List<String> types) {

	public OfferRegion {
		types = List.copyOf(types);
	}
}

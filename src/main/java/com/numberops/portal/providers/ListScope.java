package com.numberops.portal.providers;

import java.util.Map;

/**
 * One listing a full sync must walk: Sinch active numbers are listed per region × type, imported
 * numbers per service plan × campaign, Flowroute all at once. {@code filters} are the query
 * parameters that define the scope.
 */
public record ListScope(String label, Map<String, String> filters) {

	public ListScope {
		filters = Map.copyOf(filters);
	}

	public static ListScope all() {
		return new ListScope("all", Map.of());
	}
}

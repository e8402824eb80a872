package com.numberops.portal.providers;

import java.util.Map;

/**
 * One listing a full sync must walk: Sinch active numbers are listed per region × type, imported
 * numbers per service plan × campaign, Flowroute all at once. {@code filters} are the query
 * parameters that define the scope; {@code mirrorColumns} say which mirrored numbers the scope
 * covers (mirror column → value), so that a complete sync only declares gone what it could have
 * seen. Empty: the scope covers every number of the account.
 */
public record ListScope(String label, Map<String, String> filters, Map<String, String> mirrorColumns) {

	public ListScope {
		filters = Map.copyOf(filters);
		mirrorColumns = Map.copyOf(mirrorColumns);
		if (!mirrorColumns.keySet().stream().allMatch(column -> column.matches("[a-z_]+"))) {
			throw new IllegalArgumentException("mirror columns are plain column names: " + mirrorColumns.keySet());
		}
	}

	public ListScope(String label, Map<String, String> filters) {
		this(label, filters, Map.of());
	}

	public static ListScope all() {
		return new ListScope("all", Map.of());
	}
}

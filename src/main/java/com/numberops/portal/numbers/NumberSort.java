package com.numberops.portal.numbers;

import java.util.Arrays;
import java.util.Optional;

/**
 * The inventory's sorts. Each sorts by one non-null key and the id, both indexed together, so a
 * page is an index range scan from the last row of the previous page (keyset, never OFFSET).
 */
public enum NumberSort {

	NUMBER("number", "p.number", "Number", false),
	NAME("name", "coalesce(p.name, '')", "Name", false),
	MODIFIED("modified", "p.modified_at", "Last modified", true),
	HEALTH("health", "coalesce(p.warmup_health_score, -1)", "Warmup health", false);

	private final String param;

	private final String key;

	private final String label;

	private final boolean descending;

	NumberSort(String param, String key, String label, boolean descending) {
		this.param = param;
		this.key = key;
		this.label = label;
		this.descending = descending;
	}

	public static Optional<NumberSort> fromParam(String value) {
		return Arrays.stream(values()).filter(sort -> sort.param.equals(value)).findFirst();
	}

	/** The value as it appears in URLs ({@code sort=name}). */
	public String param() {
		return param;
	}

	public String label() {
		return label;
	}

	/** The SQL expression sorted on (always non-null). */
	String key() {
		return key;
	}

	public boolean descending() {
		return descending;
	}
}

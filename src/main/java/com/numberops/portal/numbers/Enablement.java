package com.numberops.portal.numbers;

import org.jspecify.annotations.Nullable;

/**
 * Whether a number is effectively enabled: an admin's override when one is set, else the number's
 * own flag. The rule in Java and, for set-wise reads, the same rule in SQL.
 */
public final class Enablement {

	private Enablement() {
	}

	public static boolean effective(boolean enabled, @Nullable Boolean override) {
		return override != null ? override : enabled;
	}

	/**
	 * The rule as a SQL expression on {@code phone_numbers}.
	 *
	 * @param alias the table's alias with its dot ("p."), or "" for bare columns
	 */
	public static String sql(String alias) {
		return "coalesce(" + alias + "override_enabled, " + alias + "enabled)";
	}
}

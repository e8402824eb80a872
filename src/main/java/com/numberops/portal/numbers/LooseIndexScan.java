package com.numberops.portal.numbers;

import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The distinct values of one indexed column of {@code phone_numbers p}, in order, by a loose index
 * scan: each step asks the column's index for the next larger value, so the cost follows the
 * number of distinct values, not of rows (a plain distinct over a million rows is far too slow
 * for a drop-down). Shared by the inventory's facets and the SMS choices of an edit.
 */
final class LooseIndexScan {

	private LooseIndexScan() {
	}

	/**
	 * @param condition what else a row must satisfy (a scope, an account), on {@code p}; its
	 *     parameters are in {@code params}
	 */
	static List<String> distinct(NamedParameterJdbcTemplate jdbc, String column, String condition,
			MapSqlParameterSource params, int max) {
		params.addValue("loose_max", max);
		return jdbc.queryForList("""
				with recursive present(value, n) as (
				    (select %1$s, 1 from phone_numbers p where %1$s is not null and %2$s order by %1$s limit 1)
				    union all
				    select (select %1$s from phone_numbers p where %1$s > present.value and %2$s order by %1$s limit 1), n + 1
				    from present where present.value is not null and n < :loose_max
				)
				select value from present where value is not null""".formatted(column, condition), params, String.class);
	}
}

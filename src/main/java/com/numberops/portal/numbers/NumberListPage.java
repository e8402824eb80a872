package com.numberops.portal.numbers;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of the inventory. {@code matches} is exact up to {@link NumberQueries#COUNT_CAP};
 * beyond it {@code matchesCapped} is set (counted, or certain from a sample) and the page says
 * "more than".
 */
public record NumberListPage(List<NumberRow> rows, @Nullable String nextCursor, long matches, boolean matchesCapped) {

	public boolean empty() {
		return rows.isEmpty();
	}
}

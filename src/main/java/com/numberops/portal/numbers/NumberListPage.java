package com.numberops.portal.numbers;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of the inventory. {@code matches} is exact up to {@link NumberQueries#COUNT_CAP};
 * beyond it {@code matchesCapped} is set (counted, or certain from a sample) and the page says
 * "more than". {@code previousCursor}: where the page before this one ends (null on the first).
 */
public record NumberListPage(List<NumberRow> rows, @Nullable String nextCursor, long matches, boolean matchesCapped,
		@Nullable String previousCursor) {

	/** A page with nothing before it (the first). */
	public NumberListPage(List<NumberRow> rows, @Nullable String nextCursor, long matches, boolean matchesCapped) {
		this(rows, nextCursor, matches, matchesCapped, null);
	}

	public boolean empty() {
		return rows.isEmpty();
	}
}

package com.numberops.portal.numbers;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a number's events, newest first.
 *
 * @param olderCursor where the next (older) page starts; null on the last page
 * @param problem why the requested page could not be shown (the newest page is shown instead)
 * @param paged the page is not the newest one
 */
public record NumberTimeline(List<NumberEvent> events, @Nullable String olderCursor, @Nullable String problem,
		boolean paged) {
}

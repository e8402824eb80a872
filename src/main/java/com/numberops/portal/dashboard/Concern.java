package com.numberops.portal.dashboard;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One line of the worklist: what it is ({@code key}, stable, for ids and tests: e.g.
 * {@code provisioning-CAMPAIGN_NOT_AVAILABLE}, {@code changes-failed}), how many, the page that
 * lists exactly those ({@code link}, relative), what it means and what to do, and the first few
 * (at most {@link NeedsAttention#FIRST}).
 */
public record Concern(String key, String title, long count, String link, @Nullable String explanation,
		@Nullable String whatToDo, List<Item> first) {

	public Concern {
		first = List.copyOf(first);
	}
}

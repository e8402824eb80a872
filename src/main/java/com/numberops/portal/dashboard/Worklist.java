package com.numberops.portal.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * "Needs attention today": the concerns that hold something for this person, most urgent first,
 * as read at {@code at}.
 */
public record Worklist(List<Concern> concerns, Instant at) {

	public Worklist {
		concerns = List.copyOf(concerns);
	}

	public boolean empty() {
		return concerns.isEmpty();
	}
}

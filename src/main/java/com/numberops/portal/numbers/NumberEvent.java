package com.numberops.portal.numbers;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a number's event trail: who or what did it, what changed (before → after), and
 * where it came from (the portal, a provider sync, a webhook, the scheduler, the API).
 */
public record NumberEvent(long id, String type, String title, @Nullable String details, @Nullable String field,
		@Nullable String before, @Nullable String after, String source, @Nullable Long actorId, @Nullable String actorName,
		Instant createdAt) {

	/** A field changed from one value to another (as opposed to a plain happening). */
	public boolean change() {
		return field != null && (before != null || after != null);
	}
}

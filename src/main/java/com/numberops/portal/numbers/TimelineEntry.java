package com.numberops.portal.numbers;

import org.jspecify.annotations.Nullable;

/**
 * One line of a number's timeline ({@code number_events}), as the module that caused it words it.
 * Written only by {@link PhoneNumbers}, in the transaction of the change it records.
 *
 * @param field the field that changed, if one did ({@code before} → {@code after})
 */
public record TimelineEntry(String type, String title, @Nullable String details, @Nullable String field,
		@Nullable String before, @Nullable String after) {

	/** Something that happened to the number without a field of it changing (a change retried, a request). */
	public static TimelineEntry of(String type, String title, @Nullable String details) {
		return new TimelineEntry(type, title, details, null, null, null);
	}

	/** The same line, about this field. */
	public TimelineEntry withField(@Nullable String field) {
		return new TimelineEntry(type, title, details, field, before, after);
	}
}

package com.numberops.portal.dashboard.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Times as people read them on the dashboard: "21:50 UTC", "12 min ago", "5 Dec 2026 16:36 UTC". */
public record Times(Instant now) {

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	public String clock(Instant at) {
		return CLOCK.format(at);
	}

	public String full(@Nullable Instant at) {
		return at == null ? "" : FULL.format(at);
	}

	/** How long ago, in the largest whole unit ("just now", "5 min ago", "3 h ago", "2 days ago"); ahead: "in …". */
	public String ago(@Nullable Instant at) {
		if (at == null) {
			return "";
		}
		Duration between = Duration.between(at, now);
		boolean future = between.isNegative();
		Duration span = between.abs();
		String amount;
		if (span.toMinutes() < 1) {
			return "just now";
		}
		else if (span.toHours() < 1) {
			amount = span.toMinutes() + " min";
		}
		else if (span.toDays() < 2) {
			amount = span.toHours() + " h";
		}
		else {
			amount = span.toDays() + " days";
		}
		return future ? "in " + amount : amount + " ago";
	}
}

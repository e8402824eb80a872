package com.numberops.portal.system;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Times as people read them, in one person's zone, seen from one moment: "12 Dec 2026 16:36 UTC",
 * "3 hours ago", "in 7 days". The one formatter of every page (templates reach it through the
 * {@code @times} bean, {@link PageTimes}), so that no page shows a raw instant and every "ago"
 * reads the same.
 */
public final class Times {

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", Locale.ENGLISH);

	private static final DateTimeFormatter PRECISE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss z",
			Locale.ENGLISH);

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss z", Locale.ENGLISH);

	private final ZoneId zone;

	private final Instant now;

	private Times(ZoneId zone, Instant now) {
		// the offset Z reads "Z"; the region UTC reads "UTC"
		this.zone = zone.normalized().equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : zone;
		this.now = now;
	}

	public static Times in(ZoneId zone, Instant now) {
		return new Times(zone, now);
	}

	/** For text that is stored and read by anyone later (a change's summary): in UTC. */
	public static Times utc(Instant now) {
		return new Times(ZoneOffset.UTC, now);
	}

	public ZoneId zone() {
		return zone;
	}

	/** "12 Dec 2026 16:36 UTC"; nothing for no time. */
	public String at(@Nullable Instant at) {
		return at == null ? "" : AT.withZone(zone).format(at);
	}

	/** With seconds, where they tell events apart (a timeline): "12 Dec 2026 16:36:05 UTC". */
	public String precise(@Nullable Instant at) {
		return at == null ? "" : PRECISE.withZone(zone).format(at);
	}

	/** The time of day only, for "updated 16:36:05 UTC". */
	public String clock(@Nullable Instant at) {
		return at == null ? "" : CLOCK.withZone(zone).format(at);
	}

	/** "13 Dec 2026 16:36 UTC (in 7 days)": when, and how far from now. */
	public String atAndRelative(@Nullable Instant at) {
		return at == null ? "" : at(at) + " (" + relative(at) + ")";
	}

	/**
	 * How far from now, in the largest unit that reads naturally, rounded to the nearest whole one:
	 * "just now", "1 minute ago", "3 hours ago", "in 7 days" (a hold of seven days, looked at a
	 * second later, still reads "in 7 days").
	 */
	public String relative(@Nullable Instant at) {
		if (at == null) {
			return "";
		}
		Duration between = Duration.between(now, at);
		boolean future = !between.isNegative() && !between.isZero();
		long seconds = between.abs().getSeconds();
		if (seconds < 60) {
			return future ? "in under a minute" : "just now";
		}
		String span = span(between.abs());
		return future ? "in " + span : span + " ago";
	}

	/** A length of time in the same words: "1 minute", "3 hours", "7 days"; under a minute: "under a minute". */
	public static String span(Duration duration) {
		long seconds = duration.abs().getSeconds();
		if (seconds < 60) {
			return "under a minute";
		}
		long minutes = Math.round(seconds / 60.0);
		if (minutes < 60) {
			return plural(minutes, "minute");
		}
		long hours = Math.round(seconds / 3600.0);
		if (hours < 24) {
			return plural(hours, "hour");
		}
		return plural(Math.round(seconds / 86400.0), "day");
	}

	private static String plural(long amount, String unit) {
		return amount + " " + unit + (amount == 1 ? "" : "s");
	}
}

package com.numberops.portal.users;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * How long a new token lives: 7, 30 or 90 days, or until the end of a chosen day (UTC). Every
 * token expires, at most {@link #MAX_DAYS} days after it was made: a token nobody remembers should
 * not open the API forever, and a year covers a yearly rotation. (No "never expires", even for
 * admins: an admin's token is the most worth stealing.)
 */
public enum ApiTokenLifetime {

	DAYS_7(7), DAYS_30(30), DAYS_90(90), UNTIL_DATE(0);

	public static final int MAX_DAYS = 366;

	private final int days;

	ApiTokenLifetime(int days) {
		this.days = days;
	}

	public int days() {
		return days;
	}

	/**
	 * When a token made at {@code now} expires, or why it cannot: a date must lie after today and
	 * within {@link #MAX_DAYS}; the token then lives until that day ends (midnight UTC after it).
	 */
	public Expiry expiry(@Nullable LocalDate date, Instant now) {
		if (this != UNTIL_DATE) {
			return Expiry.at(now.plus(Duration.ofDays(days)));
		}
		if (date == null) {
			return Expiry.refused("Choose the day the token expires.");
		}
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		if (!date.isAfter(today)) {
			return Expiry.refused("Choose a day after today.");
		}
		Instant end = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		return refusalFor(end, now).map(Expiry::refused).orElseGet(() -> Expiry.at(end));
	}

	/** Why a token made at {@code now} may not expire at {@code expiresAt}, if it may not: the service's own check. */
	public static Optional<String> refusalFor(Instant expiresAt, Instant now) {
		if (!expiresAt.isAfter(now)) {
			return Optional.of("A token must expire in the future.");
		}
		if (expiresAt.isAfter(now.plus(Duration.ofDays(MAX_DAYS + 1)))) {
			return Optional.of("A token lives at most " + MAX_DAYS + " days; choose an earlier day.");
		}
		return Optional.empty();
	}

	/** Either when the token expires or why it cannot be made. */
	public record Expiry(@Nullable Instant expiresAt, @Nullable String refusal) {

		static Expiry at(Instant expiresAt) {
			return new Expiry(expiresAt, null);
		}

		static Expiry refused(String refusal) {
			return new Expiry(null, refusal);
		}
	}
}

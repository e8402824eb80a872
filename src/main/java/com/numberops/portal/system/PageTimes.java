package com.numberops.portal.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.TimeZone;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.stereotype.Component;

/**
 * {@link Times} for the person this request is for, as templates call it ({@code ${@times.at(x)}})
 * and controllers (a toast's "held until"). The zone is the request's time zone, which the users
 * module resolves from the signed-in person's setting; without one (no person, a job): UTC, never
 * the server's default zone.
 */
@Component("times")
public class PageTimes {

	private final Clock clock;

	PageTimes(Clock clock) {
		this.clock = clock;
	}

	/** The request's person's zone; UTC when none is known. */
	public static ZoneId zone() {
		LocaleContext context = LocaleContextHolder.getLocaleContext();
		if (context instanceof TimeZoneAwareLocaleContext zoned) {
			TimeZone zone = zoned.getTimeZone();
			if (zone != null) {
				return zone.toZoneId();
			}
		}
		return ZoneOffset.UTC;
	}

	public Times now() {
		return Times.in(zone(), clock.instant());
	}

	/** Now, in the person's zone. */
	public String current() {
		Instant now = clock.instant();
		return Times.in(zone(), now).at(now);
	}

	public String at(@Nullable Instant at) {
		return now().at(at);
	}

	public String precise(@Nullable Instant at) {
		return now().precise(at);
	}

	public String clock(@Nullable Instant at) {
		return now().clock(at);
	}

	public String relative(@Nullable Instant at) {
		return now().relative(at);
	}

	public String atAndRelative(@Nullable Instant at) {
		return now().atAndRelative(at);
	}

	/** The zone's name as the person chose it, for "times in Europe/Berlin". */
	public String zoneName() {
		return zone().getId();
	}
}

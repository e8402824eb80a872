package com.numberops.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TimesUnitTest {

	private static final Instant NOW = Instant.parse("2026-12-05T16:36:05.123456789Z");

	private static final Times UTC = Times.in(ZoneOffset.UTC, NOW);

	static Stream<Arguments> relative() {
		return Stream.of(
				// offset from now,                 words
				Arguments.of(Duration.ZERO, "just now"),
				Arguments.of(Duration.ofSeconds(-59), "just now"),
				Arguments.of(Duration.ofSeconds(59), "in under a minute"),
				Arguments.of(Duration.ofSeconds(-60), "1 minute ago"),
				Arguments.of(Duration.ofSeconds(60), "in 1 minute"),
				Arguments.of(Duration.ofSeconds(-89), "1 minute ago"),
				Arguments.of(Duration.ofSeconds(-90), "2 minutes ago"),
				Arguments.of(Duration.ofMinutes(-59), "59 minutes ago"),
				Arguments.of(Duration.ofSeconds(-(59 * 60 + 29)), "59 minutes ago"),
				Arguments.of(Duration.ofSeconds(-(59 * 60 + 30)), "1 hour ago"),
				Arguments.of(Duration.ofMinutes(-90), "2 hours ago"),
				Arguments.of(Duration.ofHours(-3), "3 hours ago"),
				Arguments.of(Duration.ofHours(3), "in 3 hours"),
				Arguments.of(Duration.ofMinutes(-(23 * 60 + 29)), "23 hours ago"),
				Arguments.of(Duration.ofMinutes(-(23 * 60 + 30)), "1 day ago"),
				Arguments.of(Duration.ofHours(-36), "2 days ago"),
				Arguments.of(Duration.ofDays(7), "in 7 days"),
				// a seven-day hold, read a little later, still reads seven days
				Arguments.of(Duration.ofDays(7).minusSeconds(5), "in 7 days"),
				Arguments.of(Duration.ofDays(-400), "400 days ago"));
	}

	@ParameterizedTest(name = "{0} from now reads \"{1}\"")
	@MethodSource("relative")
	void relativeTimesReadInTheLargestNaturalUnitRounded(Duration offset, String words) {
		assertThat(UTC.relative(NOW.plus(offset))).isEqualTo(words);
	}

	static Stream<Arguments> zones() {
		return Stream.of(
				// zone,                  at,                                  precise
				Arguments.of("UTC", "5 Dec 2026 16:36 UTC", "5 Dec 2026 16:36:05 UTC", "16:36:05 UTC"),
				Arguments.of("Europe/Berlin", "5 Dec 2026 17:36 CET", "5 Dec 2026 17:36:05 CET", "17:36:05 CET"),
				Arguments.of("America/New_York", "5 Dec 2026 11:36 EST", "5 Dec 2026 11:36:05 EST", "11:36:05 EST"),
				// the date moves with the zone
				Arguments.of("Pacific/Auckland", "6 Dec 2026 05:36 NZDT", "6 Dec 2026 05:36:05 NZDT", "05:36:05 NZDT"));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("zones")
	void anInstantReadsInThePersonsZoneWithoutNanoseconds(String zone, String at, String precise, String clock) {
		Times times = Times.in(ZoneId.of(zone), NOW);
		assertThat(times.at(NOW)).isEqualTo(at);
		assertThat(times.precise(NOW)).isEqualTo(precise);
		assertThat(times.clock(NOW)).isEqualTo(clock);
		// how far away does not depend on the zone
		assertThat(times.relative(NOW.plus(Duration.ofDays(7)))).isEqualTo("in 7 days");
	}

	@Test
	void aHoldEndReadsWhenAndHowFar() {
		assertThat(UTC.atAndRelative(NOW.plus(Duration.ofDays(7)))).isEqualTo("12 Dec 2026 16:36 UTC (in 7 days)");
	}

	@Test
	void noTimeReadsAsNothing() {
		assertThat(UTC.at(null)).isEmpty();
		assertThat(UTC.precise(null)).isEmpty();
		assertThat(UTC.relative(null)).isEmpty();
		assertThat(UTC.atAndRelative(null)).isEmpty();
	}

	static Stream<Arguments> spans() {
		return Stream.of(Arguments.of(Duration.ofSeconds(30), "under a minute"),
				Arguments.of(Duration.ofMinutes(1), "1 minute"), Arguments.of(Duration.ofMinutes(15), "15 minutes"),
				Arguments.of(Duration.ofHours(1), "1 hour"), Arguments.of(Duration.ofHours(26), "1 day"),
				Arguments.of(Duration.ofDays(3), "3 days"));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("spans")
	void spansUseTheSameWords(Duration span, String words) {
		assertThat(Times.span(span)).isEqualTo(words);
	}
}

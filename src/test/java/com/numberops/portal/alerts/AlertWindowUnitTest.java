package com.numberops.portal.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A rule's windows and threshold, and the retries' backoff: tables of cases, no Spring. */
class AlertWindowUnitTest {

	@ParameterizedTest(name = "{0} in windows of {1} min: window from {2}, counting since {3}")
	@CsvSource({
			// now,                   minutes, window start,           counted since
			"2026-12-06T10:00:00Z,    60,      2026-12-06T10:00:00Z,   2026-12-06T09:00:00Z",
			"2026-12-06T10:59:59Z,    60,      2026-12-06T10:00:00Z,   2026-12-06T09:59:59Z",
			"2026-12-06T11:00:00Z,    60,      2026-12-06T11:00:00Z,   2026-12-06T10:00:00Z",
			"2026-12-06T10:07:30Z,    15,      2026-12-06T10:00:00Z,   2026-12-06T09:52:30Z",
			"2026-12-06T10:15:00Z,    15,      2026-12-06T10:15:00Z,   2026-12-06T10:00:00Z",
			"2026-12-06T10:00:59Z,    1,       2026-12-06T10:00:00Z,   2026-12-06T09:59:59Z",
			"2026-12-06T23:59:00Z,    1440,    2026-12-06T00:00:00Z,   2026-12-05T23:59:00Z",
			"2026-12-06T10:00:00Z,    10080,   2026-12-03T00:00:00Z,   2026-11-29T10:00:00Z" })
	void everyMomentOfAPeriodNamesTheSameWindow(Instant now, long minutes, Instant start, Instant since) {
		AlertWindow window = AlertWindow.at(now, Duration.ofMinutes(minutes));
		assertThat(window.start()).isEqualTo(start);
		assertThat(window.since()).isEqualTo(since);
	}

	@ParameterizedTest(name = "{0} found, threshold {1}: fires {2}")
	@CsvSource({ "0, 1, false", "1, 1, true", "4, 5, false", "5, 5, true", "6, 5, true", "1000, 1000, true",
			"999, 1000, false", "5, 0, false", "5, -3, false" })
	void firesFromTheThresholdUp(long found, int threshold, boolean fires) {
		assertThat(AlertWindow.fires(found, threshold)).isEqualTo(fires);
	}

	@ParameterizedTest(name = "a window of {0}")
	@CsvSource({ "PT0S", "-PT1M" })
	void aWindowLasts(Duration length) {
		assertThatThrownBy(() -> AlertWindow.at(Instant.EPOCH, length)).isInstanceOf(IllegalArgumentException.class);
	}

	@ParameterizedTest(name = "after attempt {0}: wait {1}")
	@CsvSource({ "0, PT0S", "1, PT30S", "2, PT1M", "3, PT2M", "4, PT4M", "7, PT32M", "8, PT1H", "9, PT1H", "50, PT1H" })
	void retriesDoubleUpToTheLongestWait(int attempts, Duration wait) {
		assertThat(new Backoff(Duration.ofSeconds(30), Duration.ofHours(1)).after(attempts)).isEqualTo(wait);
	}
}

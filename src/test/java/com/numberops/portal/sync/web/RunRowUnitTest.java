package com.numberops.portal.sync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.numberops.portal.sync.SyncRun;
import com.numberops.portal.sync.SyncTrigger;

/** How the Sync page words a run: times, durations, triggers, progress. */
class RunRowUnitTest {

	private static final Instant START = Instant.parse("2026-11-22T23:59:58.500Z");

	@ParameterizedTest(name = "{0} ms -> {1}")
	@CsvSource({ "0, 0.0 s", "400, 0.4 s", "12345, 12.3 s", "59999, 59.9 s", "60000, 1 min 00 s", "185000, 3 min 05 s",
			"3720000, 1 h 02 min" })
	void durationsReadLikeAPersonWouldSayThem(long millis, String expected) {
		assertThat(Durations.readable(Duration.ofMillis(millis))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "PT15M, 15 min", "PT1H, 1 h", "PT30S, 30 s", "PT90S, 90 s" })
	void intervalsKeepTheirUnit(Duration interval, String expected) {
		assertThat(Durations.interval(interval)).isEqualTo(expected);
	}

	@Test
	void aFinishedRunShowsItsEndAsATimeOnTheSameDayAndInFullOnTheNext() {
		RunRow sameDay = new RunRow(run(SyncRun.SUCCEEDED, Instant.parse("2026-11-22T23:59:59.700Z"), 1, 1, null, 300));
		assertThat(sameDay.started()).isEqualTo("22 Nov 2026 23:59:58 UTC");
		assertThat(sameDay.finished()).isEqualTo("23:59:59 UTC");
		assertThat(sameDay.duration()).isEqualTo("1.2 s");
		assertThat(sameDay.status()).isEqualTo("Succeeded");
		assertThat(sameDay.statusCss()).isEqualTo("text-bg-success");

		RunRow nextDay = new RunRow(run(SyncRun.SUCCEEDED, Instant.parse("2026-11-23T00:00:02Z"), 1, 1, null, 300));
		assertThat(nextDay.finished()).isEqualTo("23 Nov 2026 00:00:02 UTC");
	}

	@Test
	void aRunningRunHasNoEndYet() {
		RunRow running = new RunRow(run(SyncRun.RUNNING, null, 1, 0, 300, 120));
		assertThat(running.finished()).isEqualTo("—");
		assertThat(running.duration()).isEqualTo("—");
		assertThat(running.status()).isEqualTo("Running");
	}

	@Test
	void progressCountsAgainstTheTotalOnlyWhenOneListingHoldsEverything() {
		assertThat(new RunRow(run(SyncRun.RUNNING, null, 1, 0, 300, 120)).progress()).isEqualTo("120 of 300 numbers fetched");
		assertThat(new RunRow(run(SyncRun.RUNNING, null, 1, 0, null, 1)).progress()).isEqualTo("1 number fetched");
		// Sinch: 9 listings, the totals of the later ones are not known yet
		assertThat(new RunRow(run(SyncRun.RUNNING, null, 9, 2, 70, 70)).progress())
			.isEqualTo("70 numbers fetched · listing 3 of 9");
		assertThat(new RunRow(run(SyncRun.RUNNING, null, 9, 9, 300, 300)).progress())
			.isEqualTo("300 numbers fetched · listing 9 of 9");
	}

	@Test
	void triggersAndFailures() {
		SyncRun failed = new SyncRun(1, 1, SyncTrigger.MANUAL, SyncRun.FAILED, "operator", START, START.plusSeconds(1), 1, 0,
				0, null, 0, 0, 0, 0, 0, 1, null);
		RunRow row = new RunRow(failed);
		assertThat(row.trigger()).isEqualTo("Sync now");
		assertThat(row.statusCss()).isEqualTo("text-bg-danger");
		assertThat(row.failure()).isEqualTo("No reason was recorded.");
		assertThat(new RunRow(run(SyncRun.SUCCEEDED, START.plusSeconds(1), 1, 1, null, 0)).trigger()).isEqualTo("Scheduled");
	}

	@ParameterizedTest(name = "{0}, message \"{1}\" -> {2} {3}")
	@CsvSource(nullValues = "null", value = { "FAILED, boom, Failed:, text-bg-danger", "FAILED, null, Failed:, text-bg-danger",
			"INTERRUPTED, 'The portal instance running it (a) stopped', Interrupted:, text-bg-warning",
			"SUCCEEDED, '2 numbers missing from the listings could not be read', Note:, text-bg-success",
			"SUCCEEDED, null, null, text-bg-success", "RUNNING, null, null, text-bg-primary" })
	void theLineUnderARunSaysWhyItFailedWasInterruptedOrWhatItLeftUndone(String status, @Nullable String message,
			@Nullable String label, String css) {
		SyncRun run = new SyncRun(1, 1, SyncTrigger.MANUAL, status, "operator", START,
				SyncRun.RUNNING.equals(status) ? null : START.plusSeconds(1), 1, 1, 1, null, 0, 0, 0, 0, 0, 0, message);
		assertThat(new RunRow(run).problemLabel()).isEqualTo(label);
		assertThat(new RunRow(run).statusCss()).isEqualTo(css);
	}

	@Test
	void anInterruptedRunIsNamedSo() {
		assertThat(new RunRow(run(SyncRun.INTERRUPTED, START.plusSeconds(1), 1, 0, null, 0)).status()).isEqualTo("Interrupted");
	}

	private static SyncRun run(String status, @Nullable Instant finished, int scopesTotal, int scopesDone,
			@Nullable Integer expected, int fetched) {
		return new SyncRun(7, 1, SyncTrigger.SCHEDULED, status, null, START, finished, scopesTotal, scopesDone, 1, expected,
				fetched, 0, 0, fetched, 0, 0, null);
	}
}

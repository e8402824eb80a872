package com.numberops.portal.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.OptionalInt;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where a warmup's health comes from ({@link HealthSource}) and the rate a day's counts give
 * ({@link DailyCounts#rate}), as tables: the job feeds that rate to the same attention and
 * recovery rules the sandbox's signals feed.
 */
class HealthSourceUnitTest {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

	@ParameterizedTest(name = "sandbox={0}, newest report {1} → {2}, signal {3}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			true  | -          | SANDBOX  | -
			true  | 2026-12-06 | SANDBOX  | -
			false | -          | NONE     | -
			false | 2026-12-06 | REPORTED | 60
			false | 2026-12-05 | REPORTED | 60
			false | 2026-12-04 | REPORTED | 60
			false | 2026-12-03 | STALE    | -
			false | 2026-11-01 | STALE    | -
			false | 2026-12-07 | STALE    | -
			""")
	void sources(boolean sandbox, LocalDate reported, HealthSource.Kind kind, Integer signal) {
		DailyCounts latest = reported == null ? null : DailyCounts.sms(reported, 100, 60, 10, 2);
		HealthSource source = HealthSource.of(sandbox, latest, TODAY, 2);
		assertThat(source.kind()).isEqualTo(kind);
		assertThat(source.reportedRate()).isEqualTo(signal == null ? OptionalInt.empty() : OptionalInt.of(signal));
	}

	@ParameterizedTest(name = "{0} of {1} → {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			100 | 100 | 100
			100 | 95  | 95
			1000| 799 | 79
			3   | 2   | 66
			1   | 0   | 0
			0   | 0   | -
			100000000 | 99999999 | 99
			""")
	void rates(int attempted, int succeeded, Integer rate) {
		OptionalInt expected = rate == null ? OptionalInt.empty() : OptionalInt.of(rate);
		assertThat(DailyCounts.sms(TODAY, attempted, succeeded, 0, 0).rate()).isEqualTo(expected);
		assertThat(DailyCounts.calls(TODAY, attempted, succeeded, 0).rate()).isEqualTo(expected);
	}
}

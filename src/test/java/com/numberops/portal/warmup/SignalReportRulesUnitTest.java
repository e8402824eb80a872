package com.numberops.portal.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.numberops.portal.numbers.FieldProblem;

/**
 * {@link SignalReportRules} as a table: one report, its parts written compactly
 * ({@code id|number|day|sent,delivered,rejected,optOuts|placed,answered,spam}, "-" for a part left
 * out), and the field of the first problem with words of its message, or "ok" (and why it is).
 */
class SignalReportRulesUnitTest {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

	@ParameterizedTest(name = "{0} | {1} | {2} | {3} | {4} → {5} {6}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			12 | -            | 2026-12-06 | 100,90,5,1 | 10,8,0  | ok                   |
			-  | +14155550100 | 2026-12-05 | 100,90,5,1 | -       | ok                   |
			12 | -            | 2026-12-05 | -          | 10,10,2 | ok                   |
			12 | -            | 2026-11-06 | 0,0,0,0    | 0,0,0   | ok                   | the oldest day taken
			12 | -            | 2026-12-06 | 100,100,0,0| -       | ok                   | all delivered
			12 | -            | 2026-12-06 | 100,90,10,0| -       | ok                   | delivered and rejected make sent
			12 | +14155550100 | 2026-12-06 | 1,1,0,0    | -       | reports[0].number    | not both
			-  | -            | 2026-12-06 | 1,1,0,0    | -       | reports[0].phoneNumberId | is required
			12a| -            | 2026-12-06 | 1,1,0,0    | -       | reports[0].phoneNumberId | digits only
			0  | -            | 2026-12-06 | 1,1,0,0    | -       | reports[0].phoneNumberId | digits only
			-  | 4155550100   | 2026-12-06 | 1,1,0,0    | -       | reports[0].number    | E.164
			12 | -            | -          | 1,1,0,0    | -       | reports[0].day       | is required
			12 | -            | 06/12/2026 | 1,1,0,0    | -       | reports[0].day       | YYYY-MM-DD
			12 | -            | 2026-12-07 | 1,1,0,0    | -       | reports[0].day       | in the future
			12 | -            | 2026-11-05 | 1,1,0,0    | -       | reports[0].day       | more than 30 days ago
			12 | -            | 2026-12-06 | -          | -       | reports[0].sms       | sms, calls or both
			12 | -            | 2026-12-06 | -1,0,0,0   | -       | reports[0].sms.sent  | cannot be negative
			12 | -            | 2026-12-06 | 10,-1,0,0  | -       | reports[0].sms.delivered | cannot be negative
			12 | -            | 2026-12-06 | 10,1,-1,0  | -       | reports[0].sms.carrierRejected | cannot be negative
			12 | -            | 2026-12-06 | 10,1,0,-3  | -       | reports[0].sms.optOuts | cannot be negative
			12 | -            | 2026-12-06 | 10,11,0,0  | -       | reports[0].sms.delivered | is more than sent
			12 | -            | 2026-12-06 | 10,8,3,0   | -       | reports[0].sms.carrierRejected | together are more than sent
			12 | -            | 2026-12-06 | 100000001,0,0,0 | - | reports[0].sms.sent  | at most 100000000
			12 | -            | 2026-12-06 | 10,,0,0    | -       | reports[0].sms.delivered | is required
			12 | -            | 2026-12-06 | -          | 10,11,0 | reports[0].calls.answered | is more than placed
			12 | -            | 2026-12-06 | -          | 10,5,11 | reports[0].calls.flaggedSpam | is more than placed
			12 | -            | 2026-12-06 | -          | -1,0,0  | reports[0].calls.placed | cannot be negative
			""")
	void oneReport(String id, String number, String day, String sms, String calls, String field, String words) {
		SignalReportRules.Result result = SignalReportRules.check(List.of(report(id, number, day, sms, calls)), TODAY, 30);
		if ("ok".equals(field)) {
			assertThat(result.problems()).isEmpty();
			assertThat(result.reports()).hasSize(1);
			SignalReportRules.Checked checked = result.reports().get(0);
			assertThat(checked.day()).isEqualTo(LocalDate.parse(day));
			assertThat(checked.sms() != null).isEqualTo(sms != null);
			assertThat(checked.calls() != null).isEqualTo(calls != null);
		}
		else {
			assertThat(result.problems()).isNotEmpty();
			assertThat(result.problems().get(0).field()).isEqualTo(field);
			assertThat(result.problems().get(0).message()).contains(words);
			assertThat(result.reports()).as("nothing of a refused batch is handed on").isEmpty();
		}
	}

	@Test
	void oneBadReportRefusesTheBatchAndEveryProblemNamesItsReport() {
		List<SignalReport> batch = new ArrayList<>(Collections.nCopies(3, report("7", null, "2026-12-06", "10,9,0,0", null)));
		batch.set(1, report("8", null, "2026-12-06", "10,11,0,0", "5,6,0"));
		SignalReportRules.Result result = SignalReportRules.check(batch, TODAY, 30);
		assertThat(result.problems()).extracting(FieldProblem::field)
			.containsExactly("reports[1].sms.delivered", "reports[1].calls.answered");
		assertThat(result.reports()).isEmpty();
	}

	@Test
	void aBatchHasOneToAThousandReports() {
		assertThat(SignalReportRules.check(List.of(), TODAY, 30).problems()).extracting(FieldProblem::field)
			.containsExactly("reports");
		SignalReport good = report("7", null, "2026-12-06", "10,9,0,0", null);
		assertThat(SignalReportRules.check(Collections.nCopies(1_000, good), TODAY, 30).problems()).isEmpty();
		List<FieldProblem> tooMany = SignalReportRules.check(Collections.nCopies(1_001, good), TODAY, 30).problems();
		assertThat(tooMany).extracting(FieldProblem::field).containsExactly("reports");
		assertThat(tooMany.get(0).message()).contains("At most 1000 reports", "has 1001");
	}

	static SignalReport report(String id, String number, String day, String sms, String calls) {
		SignalReport.Sms s = null;
		if (sms != null) {
			Long[] c = counts(sms, 4);
			s = new SignalReport.Sms(c[0], c[1], c[2], c[3]);
		}
		SignalReport.Calls k = null;
		if (calls != null) {
			Long[] c = counts(calls, 3);
			k = new SignalReport.Calls(c[0], c[1], c[2]);
		}
		return new SignalReport(id, number, day, s, k);
	}

	private static Long[] counts(String text, int size) {
		String[] parts = text.split(",", -1);
		Long[] counts = new Long[size];
		for (int i = 0; i < size; i++) {
			counts[i] = parts[i].isBlank() ? null : Long.parseLong(parts[i].strip());
		}
		return counts;
	}
}

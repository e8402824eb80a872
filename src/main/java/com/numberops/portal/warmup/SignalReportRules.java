package com.numberops.portal.warmup;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.numbers.FieldProblem;

/**
 * What a batch of delivery reports must be before anything of it is stored: the checks that need
 * no database (the numbers' existence and team scope are the service's). Every problem names its
 * field as the JSON body does, {@code reports[3].sms.delivered}, so a client sees which report and
 * which count; one problem anywhere refuses the whole batch.
 */
public final class SignalReportRules {

	/** The most reports one request may carry. */
	public static final int MAX_REPORTS = 1_000;

	/** The largest count of a day: far beyond what one number can send or place in a day. */
	public static final long MAX_COUNT = 100_000_000;

	private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

	private SignalReportRules() {
	}

	/** A report that passed: its number (by id or E.164) still to be found, its counts per channel. */
	public record Checked(int index, @Nullable Long phoneNumberId, @Nullable String number, LocalDate day,
			@Nullable DailyCounts sms, @Nullable DailyCounts calls) {

		public String field() {
			return "reports[" + index + "]." + (phoneNumberId != null ? "phoneNumberId" : "number");
		}
	}

	/** The batch checked: the problems (none: every report is in {@code reports}). */
	public record Result(List<FieldProblem> problems, List<Checked> reports) {
	}

	/**
	 * @param today the UTC day now: a report of a later day is refused
	 * @param maxAgeDays how many days back a report may be ({@code today - maxAgeDays} is the oldest)
	 */
	public static Result check(List<SignalReport> reports, LocalDate today, int maxAgeDays) {
		List<FieldProblem> problems = new ArrayList<>();
		if (reports.isEmpty()) {
			problems.add(new FieldProblem("reports", "Send at least one report."));
			return new Result(problems, List.of());
		}
		if (reports.size() > MAX_REPORTS) {
			problems.add(new FieldProblem("reports", "At most " + MAX_REPORTS + " reports per request; this one has "
					+ reports.size() + ". Send them in several requests."));
			return new Result(problems, List.of());
		}
		List<Checked> checked = new ArrayList<>();
		for (int i = 0; i < reports.size(); i++) {
			Checked one = check(i, reports.get(i), today, maxAgeDays, problems);
			if (one != null) {
				checked.add(one);
			}
		}
		return new Result(problems, problems.isEmpty() ? checked : List.of());
	}

	private static @Nullable Checked check(int index, SignalReport report, LocalDate today, int maxAgeDays,
			List<FieldProblem> problems) {
		String at = "reports[" + index + "].";
		int before = problems.size();
		Long id = null;
		String number = null;
		boolean byId = report.phoneNumberId() != null && !report.phoneNumberId().isBlank();
		boolean byNumber = report.number() != null && !report.number().isBlank();
		if (byId && byNumber) {
			problems.add(new FieldProblem(at + "number", "Name the number by phoneNumberId or by number, not both."));
		}
		else if (!byId && !byNumber) {
			problems.add(new FieldProblem(at + "phoneNumberId", "Name the number: phoneNumberId or number is required."));
		}
		else if (byId) {
			String text = report.phoneNumberId().strip();
			if (ID.matcher(text).matches()) {
				id = Long.parseLong(text);
			}
			else {
				problems.add(new FieldProblem(at + "phoneNumberId", "phoneNumberId is the portal's id of the number: digits only."));
			}
		}
		else {
			number = report.number().strip();
			if (!E164.matcher(number).matches()) {
				problems.add(new FieldProblem(at + "number", "number is an E.164 number such as +14155550100."));
			}
		}
		LocalDate day = day(at, report.day(), today, maxAgeDays, problems);
		if (report.sms() == null && report.calls() == null) {
			problems.add(new FieldProblem(at + "sms", "Report sms, calls or both."));
		}
		DailyCounts sms = report.sms() == null || day == null ? null : sms(at + "sms.", report.sms(), day, problems);
		DailyCounts calls = report.calls() == null || day == null ? null : calls(at + "calls.", report.calls(), day, problems);
		if (problems.size() > before || day == null) {
			return null;
		}
		return new Checked(index, id, number, day, sms, calls);
	}

	private static @Nullable LocalDate day(String at, @Nullable String text, LocalDate today, int maxAgeDays,
			List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(new FieldProblem(at + "day", "day is required: the UTC day the counts are for, as YYYY-MM-DD."));
			return null;
		}
		LocalDate day;
		try {
			day = LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException notADate) {
			problems.add(new FieldProblem(at + "day", "day must be a date as YYYY-MM-DD, not \"" + shortened(text) + "\"."));
			return null;
		}
		if (day.isAfter(today)) {
			problems.add(new FieldProblem(at + "day", "day " + day + " is in the future: today is " + today + " (UTC)."));
			return null;
		}
		if (day.isBefore(today.minusDays(maxAgeDays))) {
			problems.add(new FieldProblem(at + "day", "day " + day + " is more than " + maxAgeDays
					+ " days ago: reports that old are no longer taken."));
			return null;
		}
		return day;
	}

	private static @Nullable DailyCounts sms(String at, SignalReport.Sms sms, LocalDate day, List<FieldProblem> problems) {
		int before = problems.size();
		Integer sent = count(at, "sent", sms.sent(), problems);
		Integer delivered = count(at, "delivered", sms.delivered(), problems);
		Integer rejected = count(at, "carrierRejected", sms.carrierRejected(), problems);
		Integer optOuts = count(at, "optOuts", sms.optOuts(), problems);
		if (problems.size() > before) {
			return null;
		}
		if (delivered > sent) {
			problems.add(new FieldProblem(at + "delivered", "delivered (" + delivered + ") is more than sent (" + sent + ")."));
		}
		else if (delivered + rejected > sent) {
			problems.add(new FieldProblem(at + "carrierRejected", "delivered (" + delivered + ") and carrierRejected ("
					+ rejected + ") together are more than sent (" + sent + "): a rejected message was not delivered."));
		}
		return problems.size() > before ? null : DailyCounts.sms(day, sent, delivered, rejected, optOuts);
	}

	private static @Nullable DailyCounts calls(String at, SignalReport.Calls calls, LocalDate day,
			List<FieldProblem> problems) {
		int before = problems.size();
		Integer placed = count(at, "placed", calls.placed(), problems);
		Integer answered = count(at, "answered", calls.answered(), problems);
		Integer spam = count(at, "flaggedSpam", calls.flaggedSpam(), problems);
		if (problems.size() > before) {
			return null;
		}
		if (answered > placed) {
			problems.add(new FieldProblem(at + "answered", "answered (" + answered + ") is more than placed (" + placed + ")."));
		}
		if (spam > placed) {
			problems.add(new FieldProblem(at + "flaggedSpam", "flaggedSpam (" + spam + ") is more than placed (" + placed + ")."));
		}
		return problems.size() > before ? null : DailyCounts.calls(day, placed, answered, spam);
	}

	private static @Nullable Integer count(String at, String name, @Nullable Long value, List<FieldProblem> problems) {
		if (value == null) {
			problems.add(new FieldProblem(at + name, name + " is required (0 when there were none)."));
			return null;
		}
		if (value < 0) {
			problems.add(new FieldProblem(at + name, name + " cannot be negative (" + value + ")."));
			return null;
		}
		if (value > MAX_COUNT) {
			problems.add(new FieldProblem(at + name, name + " is at most " + MAX_COUNT + " a day (" + value + ")."));
			return null;
		}
		return value.intValue();
	}

	private static String shortened(String text) {
		return text.length() <= 20 ? text : text.substring(0, 20) + "…";
	}
}

package com.numberops.portal.warmup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.numbers.EditRefused;
import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.users.PortalPrincipal;

/**
 * Delivery reports of live numbers, from the systems that send through them, and where each
 * warmup's health comes from. A batch is taken whole or not at all: every report passes
 * {@link SignalReportRules}, names a live number the reporter's teams hold (another team's number
 * is refused exactly like one that does not exist), and no two reports speak for the same number,
 * channel and day; then each day's counts replace what was reported for that day before, and
 * identical counts change nothing. The warmup job reads them through {@link DeliverySignals}.
 */
@Service
public class WarmupSignals {

	private final WarmupSignalStore store;

	private final WarmupProperties properties;

	private final Clock clock;

	WarmupSignals(WarmupSignalStore store, WarmupProperties properties, Clock clock) {
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	/** What a batch did: days stored for the first time, days whose counts were replaced, days sent again unchanged. */
	public record Received(int created, int replaced, int unchanged) {
	}

	/** Both warmups' health sources of one number. */
	public record Sources(HealthSource sms, HealthSource calls, int freshDays) {
	}

	/**
	 * Stores a batch of reports, or nothing of it.
	 *
	 * @throws EditRefused naming every problem by its field ({@code reports[3].sms.delivered})
	 */
	@Transactional
	@PreAuthorize("hasRole('OPERATOR')")
	public Received report(PortalPrincipal user, List<SignalReport> reports) {
		LocalDate today = today();
		SignalReportRules.Result checked = SignalReportRules.check(reports, today, properties.reportMaxAgeDays());
		if (!checked.problems().isEmpty()) {
			throw new EditRefused(checked.problems());
		}
		Set<Long> ids = new HashSet<>();
		Set<String> numbers = new HashSet<>();
		for (SignalReportRules.Checked report : checked.reports()) {
			if (report.phoneNumberId() != null) {
				ids.add(report.phoneNumberId());
			}
			if (report.number() != null) {
				numbers.add(report.number());
			}
		}
		Map<Long, WarmupSignalStore.Target> byId = new HashMap<>();
		Map<String, List<WarmupSignalStore.Target>> byNumber = new HashMap<>();
		for (WarmupSignalStore.Target target : store.find(Viewer.of(user), ids, numbers)) {
			byId.put(target.id(), target);
			byNumber.computeIfAbsent(target.number(), n -> new ArrayList<>()).add(target);
		}
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		List<Map.Entry<Long, DailyCounts>> days = new ArrayList<>();
		for (SignalReportRules.Checked report : checked.reports()) {
			WarmupSignalStore.Target target = target(report, byId, byNumber, problems);
			if (target == null) {
				continue;
			}
			if (target.sandbox()) {
				problems.add(new FieldProblem(report.field(), "Number " + target.number()
						+ " is on a sandbox account: its warmup reads the sandbox's signals, not reports."));
				continue;
			}
			for (DailyCounts counts : new DailyCounts[] { report.sms(), report.calls() }) {
				if (counts == null) {
					continue;
				}
				Integer earlier = seen.putIfAbsent(target.id() + "|" + counts.channel() + "|" + counts.day(), report.index());
				if (earlier != null) {
					problems.add(new FieldProblem("reports[" + report.index() + "].day", "Report " + report.index()
							+ " repeats report " + earlier + ": the same number, channel and day. Send one per day."));
					break;
				}
				days.add(Map.entry(target.id(), counts));
			}
		}
		if (!problems.isEmpty()) {
			throw new EditRefused(problems);
		}
		int created = 0;
		int replaced = 0;
		int unchanged = 0;
		String by = user.getDisplayName() + " (" + user.getUsername() + ")";
		for (Map.Entry<Long, DailyCounts> day : days) {
			switch (store.put(day.getKey(), day.getValue(), user.getUserId(), by, clock.instant())) {
				case CREATED -> created++;
				case REPLACED -> replaced++;
				case UNCHANGED -> unchanged++;
			}
		}
		return new Received(created, replaced, unchanged);
	}

	private static WarmupSignalStore.@Nullable Target target(SignalReportRules.Checked report,
			Map<Long, WarmupSignalStore.Target> byId, Map<String, List<WarmupSignalStore.Target>> byNumber,
			List<FieldProblem> problems) {
		if (report.phoneNumberId() != null) {
			WarmupSignalStore.Target target = byId.get(report.phoneNumberId());
			if (target == null) {
				// the same words whether it does not exist or belongs to another team: ids reveal nothing
				problems.add(new FieldProblem(report.field(), "No number with id " + report.phoneNumberId() + "."));
			}
			return target;
		}
		List<WarmupSignalStore.Target> targets = byNumber.getOrDefault(report.number(), List.of());
		if (targets.isEmpty()) {
			problems.add(new FieldProblem(report.field(), "No number " + report.number() + "."));
			return null;
		}
		if (targets.size() > 1) {
			problems.add(new FieldProblem(report.field(), "Several numbers are " + report.number()
					+ " (one released and bought again, or at two carriers): name it by phoneNumberId."));
			return null;
		}
		return targets.get(0);
	}

	/** Where a number's warmups take their health from today (for its page). */
	public Sources sources(long numberId) {
		LocalDate today = today();
		boolean sandbox = store.sandbox(numberId).orElse(false);
		return new Sources(source(Channel.SMS, numberId, sandbox, today), source(Channel.CALL, numberId, sandbox, today),
				properties.reportFreshDays());
	}

	/** One warmup's health source on a day: the job's signal and the page's words come from here. */
	HealthSource source(Channel channel, long numberId, boolean sandbox, LocalDate today) {
		DailyCounts latest = sandbox ? null : store.latest(numberId, channel, today).orElse(null);
		return HealthSource.of(sandbox, latest, today, properties.reportFreshDays());
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}
}

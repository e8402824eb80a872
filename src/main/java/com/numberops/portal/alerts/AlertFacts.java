package com.numberops.portal.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.changes.Change;
import com.numberops.portal.changes.ChangeLog;
import com.numberops.portal.changes.ChangeState;
import com.numberops.portal.numbers.CallWarmupState;
import com.numberops.portal.numbers.FlaggedNumbers;
import com.numberops.portal.numbers.FlaggedNumbers.Flagged;
import com.numberops.portal.numbers.FlaggedNumbers.FlaggedNumber;
import com.numberops.portal.numbers.FlaggedNumbers.Line;
import com.numberops.portal.numbers.NumberFilter.Parameter;
import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.numbers.WarmupState;
import com.numberops.portal.overrides.ApprovalItem;
import com.numberops.portal.overrides.Overrides;
import com.numberops.portal.providers.ProvisioningErrors;
import com.numberops.portal.sync.SyncHealth;
import com.numberops.portal.system.Times;
import com.numberops.portal.users.Section;

/**
 * What a rule finds now, read through the module that owns each fact, with the condition of the
 * page its link opens (as the dashboard's worklist does): the Numbers page filtered to the carrier
 * error code or the warmup state, the Changes page filtered to the state, the Sync page, the
 * Approvals page. Never another module's tables.
 */
@Service
class AlertFacts {

	/** The first few found an alert keeps. */
	static final int FIRST = 10;

	/** What a rule found: how many, a title, the page that lists them, the first few. */
	record Finding(long found, String title, String link, List<AlertItem> items) {
	}

	private final FlaggedNumbers numbers;

	private final ChangeLog changes;

	private final SyncHealth syncs;

	private final Overrides overrides;

	private final MessageSourceAccessor text;

	AlertFacts(FlaggedNumbers numbers, ChangeLog changes, SyncHealth syncs, Overrides overrides, MessageSource messages) {
		this.numbers = numbers;
		this.changes = changes;
		this.syncs = syncs;
		this.overrides = overrides;
		this.text = new MessageSourceAccessor(messages);
	}

	@Transactional(readOnly = true)
	Finding find(AlertRule rule, AlertWindow window) {
		Viewer viewer = rule.teamId() == null ? Viewer.jobs() : new Viewer(0, Set.of(rule.teamId()));
		String span = Times.span(rule.window());
		return switch (rule.kind()) {
			case PROVISIONING_FAILED -> {
				String code = rule.errorCode() == null ? "" : rule.errorCode();
				Flagged flagged = numbers.failedProvisioningSince(viewer, code, window.since(), FIRST);
				ProvisioningErrors.Explained explained = ProvisioningErrors.explain(code);
				String named = explained.known() ? explained.title() + " (" + code + ")" : code;
				yield new Finding(flagged.count(), message("alerts.found.PROVISIONING_FAILED", flagged.count(), named, span),
						flagged.link(), numberItems(flagged));
			}
			case CHANGE_FAILED -> {
				ChangeLog.Flagged failed = changes.flaggedSince(viewer, ChangeState.FAILED, window.since(), FIRST);
				ChangeLog.Flagged partial = changes.flaggedSince(viewer, ChangeState.PARTIAL, window.since(), FIRST);
				List<AlertItem> items = new ArrayList<>();
				failed.first().forEach(change -> items.add(changeItem(change)));
				partial.first().stream().limit(Math.max(0, FIRST - items.size())).forEach(change -> items.add(changeItem(change)));
				String link = (failed.count() == 0 && partial.count() > 0 ? ChangeLog.Filter.inState(ChangeState.PARTIAL)
						: ChangeLog.Filter.inState(ChangeState.FAILED)).link();
				yield new Finding(failed.count() + partial.count(),
						message("alerts.found.CHANGE_FAILED", failed.count(), partial.count(), span), link, items);
			}
			case SYNC_FAILED -> {
				List<SyncHealth.Trouble> troubles = syncs.failed()
					.stream()
					.filter(trouble -> trouble.at() != null && !trouble.at().isBefore(window.since()))
					.toList();
				yield new Finding(troubles.size(), message("alerts.found.SYNC_FAILED", troubles.size(), span),
						SyncHealth.page(), syncItems(troubles));
			}
			case SYNC_STALE -> {
				List<SyncHealth.Trouble> troubles = syncs.notSyncedFor(rule.window());
				yield new Finding(troubles.size(), message("alerts.found.SYNC_STALE", troubles.size(), span),
						SyncHealth.page(), syncItems(troubles));
			}
			case WARMUP_BLOCKED -> {
				Flagged sms = numbers.matching(viewer, Map.of(Parameter.WARMUP, WarmupState.BLOCKED.label()),
						Line.SMS_WARMUP, FIRST);
				Flagged calls = numbers.matching(viewer, Map.of(Parameter.CALL_WARMUP, CallWarmupState.BLOCKED.label()),
						Line.CALL_WARMUP, FIRST);
				List<AlertItem> items = new ArrayList<>(numberItems(sms));
				numberItems(calls).stream().limit(Math.max(0, FIRST - items.size())).forEach(items::add);
				String link = sms.count() == 0 && calls.count() > 0 ? calls.link() : sms.link();
				yield new Finding(sms.count() + calls.count(),
						message("alerts.found.WARMUP_BLOCKED", sms.count(), calls.count()), link, items);
			}
			case OVERRIDE_WAITING -> {
				Overrides.Waiting waiting = overrides.waitingLongerThan(viewer, rule.window(), FIRST);
				List<AlertItem> items = new ArrayList<>();
				for (ApprovalItem item : waiting.newest()) {
					items.add(new AlertItem(label(item.number(), item.numberName()),
							message("alerts.item.waiting", item.request().requestedBy(), item.age(waiting.now())),
							Section.APPROVALS.href() + "#request-" + item.request().id()));
				}
				yield new Finding(waiting.count(), message("alerts.found.OVERRIDE_WAITING", waiting.count(), span),
						Section.APPROVALS.href(), items);
			}
		};
	}

	private String message(String key, Object... args) {
		return text.getMessage(key, args);
	}

	private static List<AlertItem> numberItems(Flagged flagged) {
		List<AlertItem> items = new ArrayList<>();
		for (FlaggedNumber number : flagged.first()) {
			items.add(new AlertItem(label(number.number(), number.name()), number.detail(), number.link()));
		}
		return items;
	}

	private static AlertItem changeItem(Change change) {
		String carrier = change.providerCode() == null ? change.state().name()
				: change.state().name() + " · " + change.providerCode()
						+ (change.providerMessage() == null ? "" : ": " + change.providerMessage());
		return new AlertItem(change.number() + " · " + change.summary(), carrier,
				"/numbers/" + change.numberId() + "#change-" + change.id());
	}

	private static List<AlertItem> syncItems(List<SyncHealth.Trouble> troubles) {
		return troubles.stream()
			.limit(FIRST)
			.map(trouble -> new AlertItem(trouble.account().name(), trouble.detail(), trouble.link()))
			.toList();
	}

	private static String label(String number, @Nullable String name) {
		return name == null || name.isBlank() ? number : number + " · " + name;
	}
}

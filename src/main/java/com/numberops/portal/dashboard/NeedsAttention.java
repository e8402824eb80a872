package com.numberops.portal.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
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
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Section;

/**
 * "Needs attention today": what in this person's teams is failing, stuck, about to happen or
 * changed behind the portal's back, most urgent first, each with how many, the page that lists
 * exactly those, and the newest few. Every count comes from the owning module with the same
 * condition as the page its link opens (numbers' filters, the Changes page's filter, the
 * Approvals page's pending requests, the Sync page's runs), so a count and its page never
 * disagree; each is an index read (db/migration/V15__needs_attention_indexes.sql). Sync
 * problems are the fleet's, shown to everyone, as the Sync page is.
 */
@Service
public class NeedsAttention {

	/** Items shown per concern. */
	public static final int FIRST = 5;

	private final FlaggedNumbers numbers;

	private final ChangeLog changes;

	private final Overrides overrides;

	private final SyncHealth syncs;

	private final AttentionProperties properties;

	private final Clock clock;

	NeedsAttention(FlaggedNumbers numbers, ChangeLog changes, Overrides overrides, SyncHealth syncs,
			AttentionProperties properties, Clock clock) {
		this.numbers = numbers;
		this.changes = changes;
		this.overrides = overrides;
		this.syncs = syncs;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * This person's worklist: only concerns that hold something, in a fixed order of urgency:
	 * failed provisioning (by error code, the largest first), failed and partly applied changes,
	 * releases about to happen, failed and stale syncs, numbers gone from the carrier, override
	 * requests waiting (admins), overdue changes, blocked and troubled warmup, drift.
	 */
	@Transactional(readOnly = true)
	public Worklist today(PortalPrincipal user) {
		Viewer viewer = Viewer.of(user);
		List<Concern> concerns = new ArrayList<>();
		for (FlaggedNumbers.FailedWith failed : numbers.failedProvisioning(viewer, FIRST)) {
			ProvisioningErrors.Explained code = ProvisioningErrors.explain(failed.code());
			concerns.add(numberConcern("provisioning-" + failed.code(), "Provisioning failed: " + code.title() + " ("
					+ failed.code() + ")", failed.flagged(), code.explanation(), code.whatToDo()));
		}
		concerns.add(changeConcern("changes-failed", "Changes that failed", ChangeLog.Filter.inState(ChangeState.FAILED),
				viewer, "The carrier refused these changes or they failed for good after their retries.",
				"Open the change to read the carrier's code, then retry it, restore the previous configuration, or cancel it."));
		concerns.add(changeConcern("changes-partial", "Changes partly applied", ChangeLog.Filter.inState(ChangeState.PARTIAL),
				viewer, "The carrier applied part of these changes (Flowroute 207: the number was updated but messaging was not enabled).",
				"Retry the failed part from the Changes page, or cancel it."));
		concerns.add(numberConcern("releases-ending", "Releases whose hold ends within " + words(properties.releaseWithin()),
				numbers.matching(viewer, Map.of(Parameter.RELEASE_WITHIN, period(properties.releaseWithin())), Line.RELEASE,
						FIRST),
				"When the hold ends the number goes back to the carrier for good.",
				"Check each release is still wanted; cancel it on the number's page while the hold lasts."));
		List<SyncHealth.Trouble> failedSyncs = syncs.failed();
		concerns.add(new Concern("sync-failed", "Syncs that failed", failedSyncs.size(), SyncHealth.page(),
				"The last sync of these carrier accounts failed or was cut off: the mirror may miss the carrier's latest changes.",
				"Read the error on the Sync page, fix its cause (credentials, carrier outage) and run Sync now.",
				syncItems(failedSyncs)));
		List<SyncHealth.Trouble> staleSyncs = syncs.stale();
		concerns.add(new Concern("sync-stale", "Accounts not synced for more than " + SyncHealth.STALE_INTERVALS + " intervals",
				staleSyncs.size(), SyncHealth.page(),
				"No sync of these accounts has succeeded for more than two of their scheduled intervals: the mirror is that old.",
				"Open the Sync page, look at the latest runs and run Sync now.", syncItems(staleSyncs)));
		concerns.add(numberConcern("vanished", "Numbers gone from the carrier in the last " + words(properties.vanishedWithin()),
				numbers.matching(viewer, Map.of(Parameter.VANISHED, period(properties.vanishedWithin())), Line.VANISHED, FIRST),
				"A complete sync no longer found these numbers at the carrier: they were released or moved outside the portal.",
				"Check with the carrier whether the release was intended; reassign whatever used these numbers."));
		if (user.getRole().includes(Section.APPROVALS.requiredRole())) {
			concerns.add(approvals(user));
		}
		concerns.add(changeConcern("changes-overdue", "Changes on their way longer than " + words(changes.overdueAfter()),
				ChangeLog.Filter.overdueOnes(), viewer,
				"These changes have been waiting for the carrier longer than expected (retries, a carrier outage, scheduled provisioning that does not end).",
				"Open the change: its next attempt and the carrier's last answer say why; retry or cancel it."));
		concerns.add(warmup("warmup-sms-blocked", "SMS warmup blocked", Parameter.WARMUP, WarmupState.BLOCKED.label(),
				Line.SMS_WARMUP, viewer, "SMS warmup stopped because the number may not send (disabled, overridden off, or not eligible).",
				"Open the number: fix its enablement or eligibility, then resume warmup."));
		concerns.add(warmup("warmup-call-blocked", "Call warmup blocked", Parameter.CALL_WARMUP,
				CallWarmupState.BLOCKED.label(), Line.CALL_WARMUP, viewer,
				"Call warmup stopped because the number may not call (disabled, overridden off, or not eligible).",
				"Open the number: fix its enablement or eligibility, then resume call warmup."));
		concerns.add(warmup("warmup-sms-attention", "SMS warmup needs attention", Parameter.WARMUP,
				WarmupState.NEEDS_ATTENTION.label(), Line.SMS_WARMUP, viewer,
				"Delivery signals of these numbers' SMS warmup went bad (failures, complaints), so their ramp is held.",
				"Read the health reason on the number's page; pause warmup or fix the messaging before it resumes."));
		concerns.add(warmup("warmup-call-attention", "Call warmup needs attention", Parameter.CALL_WARMUP,
				CallWarmupState.NEEDS_ATTENTION.label(), Line.CALL_WARMUP, viewer,
				"These numbers' calls during warmup did poorly (short calls, spam labels), so their stage is held.",
				"Read the health reason on the number's page; pause call warmup or fix the calling before it resumes."));
		concerns.add(numberConcern("drift", "Changed at the carrier in the last " + words(properties.driftWithin()),
				numbers.matching(viewer, Map.of(Parameter.DRIFT, period(properties.driftWithin())), Line.DRIFT, FIRST),
				"A sync or a carrier notification found these numbers changed outside the portal.",
				"Check each change was intended (its timeline shows before and after); edit the number back in the portal if not."));
		return new Worklist(concerns.stream().filter(concern -> concern.count() > 0).toList(), clock.instant());
	}

	private Concern approvals(PortalPrincipal user) {
		Overrides.Waiting waiting = overrides.waiting(user, FIRST);
		List<Item> items = new ArrayList<>();
		for (ApprovalItem item : waiting.newest()) {
			items.add(new Item(label(item.number(), item.numberName()),
					item.request().requestedLabel() + ", asked by " + item.request().requestedBy() + ", waiting "
							+ item.age(waiting.now()) + ": " + item.request().reason(),
					Section.APPROVALS.href() + "#request-" + item.request().id(), item.request().requestedAt()));
		}
		return new Concern("approvals-waiting", "Override requests waiting for a decision", waiting.count(),
				Section.APPROVALS.href(), "Operators asked to force these numbers enabled or disabled.",
				"Approve or reject each on the Approvals page (not your own).", items);
	}

	private Concern warmup(String key, String title, Parameter parameter, String state, Line line, Viewer viewer,
			String explanation, String whatToDo) {
		return numberConcern(key, title, numbers.matching(viewer, Map.of(parameter, state), line, FIRST), explanation,
				whatToDo);
	}

	private static Concern numberConcern(String key, String title, Flagged flagged, @Nullable String explanation,
			@Nullable String whatToDo) {
		List<Item> items = new ArrayList<>();
		for (FlaggedNumber number : flagged.first()) {
			items.add(new Item(label(number.number(), number.name()), number.detail(), number.link(), number.at()));
		}
		return new Concern(key, title, flagged.count(), flagged.link(), explanation, whatToDo, items);
	}

	private Concern changeConcern(String key, String title, ChangeLog.Filter filter, Viewer viewer, String explanation,
			String whatToDo) {
		ChangeLog.Flagged flagged = changes.flagged(viewer, filter, FIRST);
		List<Item> items = new ArrayList<>();
		for (Change change : flagged.first()) {
			String carrier = change.providerCode() == null ? null
					: change.providerCode() + (change.providerMessage() == null ? "" : ": " + change.providerMessage());
			items.add(new Item(change.number() + " · " + change.summary(), carrier,
					"/numbers/" + change.numberId() + "#change-" + change.id(), change.createdAt()));
		}
		return new Concern(key, title, flagged.count(), filter.link(), explanation, whatToDo, items);
	}

	private static List<Item> syncItems(List<SyncHealth.Trouble> troubles) {
		return troubles.stream()
			.limit(FIRST)
			.map(trouble -> new Item(trouble.account().name(), trouble.detail(), trouble.link(), trouble.at()))
			.toList();
	}

	private static String label(String number, @Nullable String name) {
		return name == null || name.isBlank() ? number : number + " · " + name;
	}

	/** A period as the Numbers page reads it: whole days from three days up ("7d"), hours below ("48h"). */
	static String period(Duration duration) {
		long hours = Math.max(1, duration.toHours());
		return hours % 24 == 0 && hours >= 72 ? hours / 24 + "d" : hours + "h";
	}

	/** "48 hours", "7 days", "1 hour". */
	static String words(Duration duration) {
		long minutes = duration.toMinutes();
		if (minutes < 60) {
			return minutes == 1 ? "1 minute" : minutes + " minutes";
		}
		long hours = duration.toHours();
		if (hours % 24 == 0 && hours >= 72) {
			return hours / 24 + " days";
		}
		return hours == 1 ? "1 hour" : hours + " hours";
	}
}

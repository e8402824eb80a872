package com.numberops.portal.changes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.numbers.Actor;
import com.numberops.portal.numbers.EditRefused;
import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.numbers.IntentField;
import com.numberops.portal.numbers.NumberRef;
import com.numberops.portal.numbers.PhoneNumbers;
import com.numberops.portal.numbers.TimelineEntry;
import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.system.Times;
import com.numberops.portal.system.UnknownTarget;
import com.numberops.portal.users.PortalPrincipal;

/**
 * Every edit of a number goes through here: scoped to the person's teams, authorised by role,
 * checked by {@link EditRules}, refused on a conflicting concurrent edit, and then, in one
 * transaction, applied to the mirror where the portal keeps the intent, recorded as an event and
 * as a change (the outbox), and handed to the dispatcher. A refusal changes nothing and sends
 * nothing.
 */
@Service
public class NumberEdits {



	private final NamedParameterJdbcTemplate jdbc;

	private final PendingChanges changes;

	private final ChangeDispatch dispatch;

	private final ChangesProperties properties;

	private final Clock clock;

	private final PhoneNumbers numbers;

	NumberEdits(NamedParameterJdbcTemplate jdbc, PendingChanges changes, ChangeDispatch dispatch,
			ChangesProperties properties, Clock clock, PhoneNumbers numbers) {
		this.numbers = numbers;
		this.jdbc = jdbc;
		this.changes = changes;
		this.dispatch = dispatch;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Makes one edit.
	 *
	 * @param basedOnVersion the number's version the person saw, if the form carried it
	 * @param basedOnValue the value the person saw, if the form carried it: a different version
	 *     whose value of this field is still that one is no conflict (a sync touched other fields)
	 */
	@Transactional
	@PreAuthorize("hasRole(#edit.kind().requiredRole().name())")
	public Change submit(PortalPrincipal user, long numberId, Edit edit, @Nullable Long basedOnVersion,
			@Nullable String basedOnValue) {
		return submit(user, numberId, edit, basedOnVersion, basedOnValue, null, false);
	}

	/**
	 * What an edit would do, checked as {@link #submit} checks it (role, team, rules) but changing
	 * nothing: the step where a person confirms a release before it is made.
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole(#edit.kind().requiredRole().name())")
	public Preview preview(PortalPrincipal user, long numberId, Edit edit) {
		NumberSnapshot number = snapshot(user, numberId, false).orElseThrow(() -> new UnknownTarget("Number " + numberId));
		List<FieldProblem> problems = EditRules.check(number, edit, changes.openOfKind(numberId, edit.kind()));
		if (!problems.isEmpty()) {
			throw new EditRefused(problems);
		}
		return new Preview(number.number(), runsAt(edit.kind(), clock.instant()));
	}

	/**
	 * When an edit made now would reach the carrier: a release at the end of its hold, anything else
	 * at once. The one place the hold is added, for single and bulk releases and their previews.
	 */
	Instant runsAt(ChangeKind kind, Instant now) {
		return kind == ChangeKind.RELEASE ? now.plus(properties.releaseHold()) : now;
	}

	/**
	 * An edit not made yet.
	 *
	 * @param runsAt when it would reach the carrier: a release, at the end of its hold
	 */
	public record Preview(String number, Instant runsAt) {
	}

	/** What a bulk edit calls per number: the same path, tagged with its batch. */
	@Transactional
	@PreAuthorize("hasRole(#edit.kind().requiredRole().name())")
	public Change submitInBatch(PortalPrincipal user, long numberId, Edit edit, long batchId) {
		return submit(user, numberId, edit, null, null, batchId, false);
	}

	/** @param restore the edit restores what a failed change replaced ({@link EditRules#checkRestore}) */
	private Change submit(PortalPrincipal user, long numberId, Edit edit, @Nullable Long basedOnVersion,
			@Nullable String basedOnValue, @Nullable Long batchId, boolean restore) {
		NumberSnapshot number = snapshot(user, numberId, true).orElseThrow(() -> new UnknownTarget("Number " + numberId));
		ChangeKind kind = edit.kind();
		String before = number.currentValue(kind);
		if (basedOnVersion != null && basedOnVersion != number.version()
				&& (basedOnValue == null || !basedOnValue.equals(before))) {
			throw new EditConflict(kind, before, number.version());
		}
		ChangeState open = changes.openOfKind(numberId, kind);
		List<FieldProblem> problems = restore ? EditRules.checkRestore(number, edit, open)
				: EditRules.check(number, edit, open);
		if (!problems.isEmpty()) {
			throw new EditRefused(problems);
		}
		Instant now = clock.instant();
		Instant runAt = runsAt(kind, now);
		Map<String, String> previous = previous(number, kind);
		String summary = kind.label() + ": " + orNone(before) + " → " + orNone(edit.shownValue());
		NumberRef ref = NumberRef.at(numberId, number.version());
		Actor actor = actor(user);
		String field = field(kind);
		IntentField intent = kind.intentField();
		if (kind == ChangeKind.RELEASE) {
			String reason = edit.payload().get("reason");
			// stored text, read later by anyone in any zone: UTC, never a raw instant
			String until = Times.utc(now).at(runAt);
			summary = "Release after a hold until " + until + ": " + reason;
			numbers.holdRelease(ref, reason, runAt, actor, new TimelineEntry("EDIT_REQUESTED", kind.label() + " requested",
					"Held until " + until + " (cancellable until then). Reason: " + reason, field, before,
					edit.shownValue()));
		}
		else {
			TimelineEntry entry = kind.providerBound()
					? new TimelineEntry("EDIT_REQUESTED", kind.label() + " requested",
							"On its way to " + number.provider().label() + ".", field, before, edit.shownValue())
					: new TimelineEntry("EDITED", kind.label() + " changed", null, field, before, edit.shownValue());
			if (intent != null) {
				numbers.recordIntent(ref, intent, intended(edit, intent), actor, entry);
			}
			else {
				numbers.recordRequest(ref, actor, entry);
			}
		}
		ChangeState state = kind.providerBound() ? ChangeState.PENDING : ChangeState.SUCCEEDED;
		long id = changes.insert(numberId, batchId, kind, edit.payload(), previous, state, summary,
				kind.providerBound() ? runAt : null, user.getUserId(), user.getUsername(), number.provider().name(), now);
		if (kind.providerBound()) {
			dispatch.schedule(id, runAt);
		}
		return changes.find(id).orElseThrow();
	}

	/** Calls a change off: before it reached the carrier, after it failed, or during a release hold. */
	@Transactional
	@PreAuthorize("hasRole('OPERATOR')")
	public Change cancel(PortalPrincipal user, long changeId) {
		Change change = actionable(user, changeId);
		Change locked = changes.lock(changeId).orElseThrow(() -> new EditRefused("",
				"This change is being sent to the carrier right now; try again in a moment."));
		if (locked.kind() == ChangeKind.RENT && locked.step() != null) {
			throw new EditRefused("", "The carrier has rented the number already; release it instead.");
		}
		if (!locked.cancellable()) {
			throw new EditRefused("", "A change that is " + locked.state().label().toLowerCase(java.util.Locale.ROOT)
					+ " can no longer be cancelled.");
		}
		Instant now = clock.instant();
		changes.cancel(locked, user.getUsername(), now);
		dispatch.unschedule(changeId);
		giveBack(locked, actor(user), TimelineEntry.of("CHANGE_CANCELLED", change.kind().label() + " cancelled",
				change.summary()).withField(field(change.kind())), numbers);
		return changes.find(changeId).orElseThrow();
	}

	/** Sends a failed or partly applied change again, from the start. */
	@Transactional
	@PreAuthorize("hasRole('OPERATOR')")
	public Change retry(PortalPrincipal user, long changeId) {
		Change change = actionable(user, changeId);
		Change locked = changes.lock(changeId).orElseThrow(() -> new EditRefused("",
				"This change is being sent to the carrier right now; try again in a moment."));
		if (!locked.retryable()) {
			throw new EditRefused("", "Only a failed or partly applied change can be retried.");
		}
		if (locked.kind() == ChangeKind.RENT) {
			throw new EditRefused("", locked.step() == null
					? "A rent the carrier refused is not sent again: search for a number and rent it anew."
					: "The number is rented; fix its SMS or voice setup with an edit of the number.");
		}
		if (changes.openOfKind(change.numberId(), change.kind()) != null && locked.state() != ChangeState.PARTIAL) {
			throw new EditRefused("", "Another " + EditRules.inSentence(change.kind().label())
					+ " change of this number is on its way.");
		}
		Instant now = clock.instant();
		changes.move(locked, ChangeState.PENDING, null, now, locked.providerCode(), locked.providerMessage(),
				locked.attempts(), now);
		dispatch.schedule(changeId, now);
		numbers.note(change.numberId(), actor(user), TimelineEntry.of("CHANGE_RETRIED", change.kind().label() + " retried",
				change.summary()).withField(field(change.kind())));
		return changes.find(changeId).orElseThrow();
	}

	/**
	 * After a failed SMS reassignment: link again what the number had before it. Never refused as
	 * "nothing to change" (the mirror's values are not the carrier's settled ones), and planned from
	 * what the carrier reports, like any SMS change: when the unlink failed, the carrier still shows
	 * the previous plan and campaign beside its failed job, and they are sent again so that it
	 * provisions them afresh; when the carrier already has them settled, it succeeds at once.
	 */
	@Transactional
	@PreAuthorize("hasRole('OPERATOR')")
	public Change restorePrevious(PortalPrincipal user, long changeId) {
		Change change = actionable(user, changeId);
		if (!change.restorable()) {
			throw new EditRefused("", "Only a failed SMS reassignment can be restored.");
		}
		return submit(user, change.numberId(), new Edit.SmsAssignment(change.previous().get("servicePlanId"),
				change.previous().get("campaignId")), null, null, change.batchId(), true);
	}

	/**
	 * A change this person may see (else a 404) and may retry, cancel or restore: they need the role
	 * its kind of edit needs ({@link ChangeKind#allows}; a release: admin), else a 403. The methods'
	 * {@code hasRole('OPERATOR')} is only the floor, the least any kind needs.
	 */
	private Change actionable(PortalPrincipal user, long changeId) {
		Change change = visible(user, changeId);
		if (!change.kind().allows(user.getRole())) {
			throw new AccessDeniedException("Only " + change.kind().requiredRole().label().toLowerCase(java.util.Locale.ROOT)
					+ "s may act on a " + EditRules.inSentence(change.kind().label()) + " change.");
		}
		return change;
	}

	/** A change this person may see (their teams' numbers), else a 404. */
	@Transactional(readOnly = true)
	public Change visible(PortalPrincipal user, long changeId) {
		Change change = changes.find(changeId).orElseThrow(() -> new UnknownTarget("Change " + changeId));
		if (snapshot(user, change.numberId(), false).isEmpty()) {
			throw new UnknownTarget("Change " + changeId);
		}
		return change;
	}

	private static final String SNAPSHOT = """
			select id, number, provider, provider_account_id, provider_phone_number_id, country_code, cap_sms, cap_voice,
			       name, sms_service_plan_id, ten_dlc_campaign_id, campaign_id, voice_app_id, cnam_lookups_enabled,
			       messaging_enabled, enabled, provider_released_at, provider_missing_since, provider_release_scheduled_at,
			       sms_provisioning_status, version
			from phone_numbers p""";

	/** The number as the rules see it, locked for the edit, or empty if this person may not see it. */
	Optional<NumberSnapshot> snapshot(PortalPrincipal user, long numberId, boolean lock) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", numberId);
		return jdbc.query(SNAPSHOT + " where id = :id and " + scope(user, params) + (lock ? " for update" : ""), params,
				NumberEdits::snapshot).stream().findFirst();
	}

	/** Those of these numbers this person may see, as the rules see them, by id (bulk previews). */
	Map<Long, NumberSnapshot> snapshots(PortalPrincipal user, java.util.Collection<Long> ids) {
		MapSqlParameterSource params = new MapSqlParameterSource("ids", ids.toArray(Long[]::new));
		Map<Long, NumberSnapshot> found = new java.util.LinkedHashMap<>();
		jdbc.query(SNAPSHOT + " where id = any(:ids) and " + scope(user, params), params, NumberEdits::snapshot)
			.forEach(number -> found.put(number.id(), number));
		return found;
	}

	/** A team-limited person's numbers are their teams' only: the inventory's own scope. */
	private static String scope(PortalPrincipal user, MapSqlParameterSource params) {
		return Viewer.of(user).condition(params);
	}

	private static NumberSnapshot snapshot(ResultSet rs, int row) throws SQLException {
		Timestamp scheduled = rs.getTimestamp("provider_release_scheduled_at");
		return new NumberSnapshot(rs.getLong("id"), rs.getString("number"), ProviderKind.valueOf(rs.getString("provider")),
				rs.getLong("provider_account_id"), rs.getString("provider_phone_number_id"), rs.getString("country_code"),
				rs.getBoolean("cap_sms"), rs.getBoolean("cap_voice"), rs.getString("name"),
				rs.getString("sms_service_plan_id"), rs.getString("ten_dlc_campaign_id"), rs.getString("campaign_id"),
				rs.getString("voice_app_id"), (Boolean) rs.getObject("cnam_lookups_enabled"),
				(Boolean) rs.getObject("messaging_enabled"), rs.getBoolean("enabled"),
				rs.getTimestamp("provider_released_at") != null || rs.getTimestamp("provider_missing_since") != null,
				scheduled == null ? null : scheduled.toInstant(), "FAILED".equals(rs.getString("sms_provisioning_status")),
				rs.getLong("version"));
	}

	/** The values before, in the mirror's columns: for "restore previous" and for a cancel. */
	private static Map<String, String> previous(NumberSnapshot number, ChangeKind kind) {
		Map<String, String> previous = new HashMap<>();
		switch (kind) {
			case RENAME -> putIfSet(previous, "name", number.name());
			case SMS_CONFIGURATION -> {
				previous.put("servicePlanId", number.servicePlanId() == null ? "" : number.servicePlanId());
				previous.put("campaignId", number.tenDlcCampaignId() == null ? "" : number.tenDlcCampaignId());
			}
			case VOICE_APP -> putIfSet(previous, "appId", number.voiceAppId());
			case CNAM_LOOKUPS -> putIfSet(previous, "cnam_lookups_enabled", string(number.cnamLookups()));
			case MESSAGING -> putIfSet(previous, "messaging_enabled", string(number.messaging()));
			case BUSINESS_CAMPAIGN -> putIfSet(previous, "campaign_id", number.businessCampaignId());
			case ENABLEMENT -> previous.put("enabled", String.valueOf(number.enabled()));
			default -> {
			}
		}
		return previous;
	}

	/**
	 * A change that did not happen gives its field back: the value before it, or the release hold
	 * cleared; a kind that keeps no intent only tells the timeline.
	 */
	static void giveBack(Change change, Actor actor, TimelineEntry entry, PhoneNumbers numbers) {
		NumberRef ref = NumberRef.of(change.numberId());
		IntentField intent = change.kind().intentField();
		if (change.kind() == ChangeKind.RELEASE) {
			numbers.cancelRelease(ref, actor, entry);
		}
		else if (change.kind() == ChangeKind.RENT) {
			numbers.purchaseFailed(ref, actor, entry);
		}
		else if (intent != null) {
			numbers.restoreIntent(ref, intent, intent.parse(change.previous().get(intent.column())), actor, entry);
		}
		else {
			numbers.note(change.numberId(), actor, entry);
		}
	}

	/** The edit's value as its field holds it. */
	private static @Nullable Object intended(Edit edit, IntentField intent) {
		Map<String, String> payload = edit.payload();
		return switch (intent) {
			case NAME -> payload.get("name");
			case BUSINESS_CAMPAIGN -> intent.parse(payload.get("campaignId"));
			case CNAM_LOOKUPS, MESSAGING, ENABLED -> Boolean.valueOf(payload.get("enabled"));
		};
	}

	/** The timeline's field of a change: its kind. */
	static String field(ChangeKind kind) {
		return kind.name().toLowerCase(java.util.Locale.ROOT);
	}

	private static Actor actor(PortalPrincipal user) {
		return Actor.person(user.getUserId(), user.getDisplayName());
	}

	private static String orNone(String value) {
		return value.isEmpty() ? "none" : value;
	}

	private static void putIfSet(Map<String, String> map, String key, @Nullable String value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	private static @Nullable String string(@Nullable Boolean value) {
		return value == null ? null : value.toString();
	}


}

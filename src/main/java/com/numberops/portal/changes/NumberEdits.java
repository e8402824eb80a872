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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.numbers.DerivedStates;
import com.numberops.portal.numbers.EditRefused;
import com.numberops.portal.numbers.EffectiveEnablementChanged;
import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.numbers.NumberEventLog;
import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.providers.ProviderKind;
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

	private final DerivedStates derivedStates;

	private final ChangesProperties properties;

	private final Clock clock;

	private final MirrorIntents intents;

	private final ApplicationEventPublisher events;

	private final NumberEventLog eventLog;

	NumberEdits(NamedParameterJdbcTemplate jdbc, PendingChanges changes, ChangeDispatch dispatch,
			DerivedStates derivedStates, ChangesProperties properties, Clock clock, MirrorIntents intents,
			ApplicationEventPublisher events, NumberEventLog eventLog) {
		this.eventLog = eventLog;
		this.intents = intents;
		this.events = events;
		this.jdbc = jdbc;
		this.changes = changes;
		this.dispatch = dispatch;
		this.derivedStates = derivedStates;
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
		Instant runAt = now;
		Map<String, String> previous = previous(number, kind);
		String summary = kind.label() + ": " + orNone(before) + " → " + orNone(edit.shownValue());
		if (MirrorIntents.kept(kind)) {
			intents.write(numberId, edit);
			if (kind == ChangeKind.ENABLEMENT) {
				derivedStates.recompute(List.of(numberId));
				events.publishEvent(new EffectiveEnablementChanged(numberId, user.getDisplayName()));
			}
		}
		else if (kind == ChangeKind.RELEASE) {
			runAt = now.plus(properties.releaseHold());
			holdRelease(number, user, edit.payload().get("reason"), now, runAt);
			summary = "Release after a hold until " + runAt + ": " + edit.payload().get("reason");
		}
		else {
			touch(number, now);
		}
		event(numberId, kind.providerBound() ? "EDIT_REQUESTED" : "EDITED",
				kind.providerBound() ? kind.label() + " requested" : kind.label() + " changed",
				kind == ChangeKind.RELEASE ? "Held until " + runAt + " (cancellable until then). Reason: " + edit.payload().get("reason")
						: kind.providerBound() ? "On its way to " + number.provider().label() + "." : null,
				kind.name().toLowerCase(java.util.Locale.ROOT), before, edit.shownValue(), user, now);
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
		if (!locked.cancellable()) {
			throw new EditRefused("", "A change that is " + locked.state().label().toLowerCase(java.util.Locale.ROOT)
					+ " can no longer be cancelled.");
		}
		Instant now = clock.instant();
		changes.cancel(locked, user.getUsername(), now);
		dispatch.unschedule(changeId);
		restoreIntent(locked, now);
		event(change.numberId(), "CHANGE_CANCELLED", change.kind().label() + " cancelled", change.summary(),
				change.kind().name().toLowerCase(java.util.Locale.ROOT), null, null, user, now);
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
		if (changes.openOfKind(change.numberId(), change.kind()) != null && locked.state() != ChangeState.PARTIAL) {
			throw new EditRefused("", "Another " + EditRules.inSentence(change.kind().label())
					+ " change of this number is on its way.");
		}
		Instant now = clock.instant();
		changes.move(locked, ChangeState.PENDING, null, now, locked.providerCode(), locked.providerMessage(),
				locked.attempts(), now);
		dispatch.schedule(changeId, now);
		event(change.numberId(), "CHANGE_RETRIED", change.kind().label() + " retried", change.summary(),
				change.kind().name().toLowerCase(java.util.Locale.ROOT), null, null, user, now);
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

	/** A change that keeps no intent in the mirror still moves the version: the form someone else holds is stale. */
	private void touch(NumberSnapshot number, Instant now) {
		jdbc.update("update phone_numbers set modified_at = :now, version = version + 1 where id = :id",
				new MapSqlParameterSource("id", number.id()).addValue("now", Timestamp.from(now)));
	}

	private void holdRelease(NumberSnapshot number, PortalPrincipal user, @Nullable String reason, Instant now,
			Instant at) {
		jdbc.update("""
				update phone_numbers set provider_release_requested_at = :now, provider_release_hold_starts_at = :now,
				    provider_release_scheduled_at = :at, provider_release_reason = :reason,
				    provider_release_requested_by_user_id = :userId, provider_release_requested_by_name = :userName,
				    modified_at = :now, version = version + 1
				where id = :id""", new MapSqlParameterSource("id", number.id()).addValue("now", Timestamp.from(now))
			.addValue("at", Timestamp.from(at))
			.addValue("reason", reason)
			.addValue("userId", String.valueOf(user.getUserId()))
			.addValue("userName", user.getDisplayName()));
		derivedStates.recompute(List.of(number.id()));
	}

	/** A cancelled change gives its columns back: the value before, or the hold cleared. */
	private void restoreIntent(Change change, Instant now) {
		switch (change.kind()) {
			case RELEASE -> {
				jdbc.update("""
						update phone_numbers set provider_release_requested_at = null, provider_release_hold_starts_at = null,
						    provider_release_scheduled_at = null, provider_release_reason = null,
						    provider_release_requested_by_user_id = null, provider_release_requested_by_name = null,
						    modified_at = :now, version = version + 1
						where id = :id""", new MapSqlParameterSource("id", change.numberId()).addValue("now", Timestamp.from(now)));
				derivedStates.recompute(List.of(change.numberId()));
			}
			default -> intents.restore(change);
		}
	}

	private void event(long numberId, String type, String title, @Nullable String details, String field,
			@Nullable String before, @Nullable String after, PortalPrincipal user, Instant now) {
		eventLog.record(numberId, type, title, details, field, before, after,
				NumberEventLog.Actor.person(user.getUserId(), user.getDisplayName()), now);
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

package com.numberops.portal.numbers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderNumber;

/**
 * The owner of the number record: every change of a {@code phone_numbers} row and every line of
 * its timeline goes through a verb here. Each verb, in the caller's transaction,
 * <ul>
 * <li>applies its change and moves the version (when the caller names the version it based the
 * change on, a row that moved on meanwhile is refused with {@link NumberChanged});</li>
 * <li>re-derives status and inventory state from the row as it now is ({@link NumberStates});</li>
 * <li>writes the event on the timeline;</li>
 * <li>announces a change of the effective enablement ({@link EffectiveEnablementChanged}).</li>
 * </ul>
 * The callers decide whether the change is allowed (edit rules, override approval, warmup
 * transitions); the verbs keep the record consistent whoever calls them. The sync's page-wise
 * reconciliation is the one bulk path ({@link #reconcile}).
 */
@Service
public class PhoneNumbers {

	private final NamedParameterJdbcTemplate jdbc;

	private final NumberEventLog timeline;

	private final CarrierMirror mirror;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PhoneNumbers(NamedParameterJdbcTemplate jdbc, NumberEventLog timeline, CarrierMirror mirror,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.timeline = timeline;
		this.mirror = mirror;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Shows a person's edit in the mirror before the carrier has it (or for good, where no carrier
	 * is involved): the field takes the new value, and the next sync compares it afresh.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long recordIntent(NumberRef ref, IntentField field, @Nullable Object value, Actor actor,
			TimelineEntry entry) {
		return setIntent(ref, field, value, actor, entry);
	}

	/**
	 * Gives a field back the value it had before a change that did not happen (cancelled, or
	 * refused by the carrier before anything was applied).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long restoreIntent(NumberRef ref, IntentField field, @Nullable Object value, Actor actor,
			@Nullable TimelineEntry entry) {
		if (value == null && !field.nullable()) {
			if (entry != null) {
				timeline.record(ref.id(), entry, actor, clock.instant());
			}
			return currentVersion(ref);
		}
		return setIntent(ref, field, value, actor, entry);
	}

	/**
	 * provider_state_hash is cleared: the carrier may still report the other value, and the next
	 * sync must compare and write rather than skip the number as "unchanged".
	 */
	private long setIntent(NumberRef ref, IntentField field, @Nullable Object value, Actor actor,
			@Nullable TimelineEntry entry) {
		return apply(ref, field.column() + " = :value, provider_state_hash = null",
				new MapSqlParameterSource("value", value), actor, entry, field == IntentField.ENABLED);
	}

	/**
	 * A change requested that keeps no intent in the mirror (SMS configuration, voice app): the
	 * mirror shows the carrier's state meanwhile, but the version moves, so a form someone else
	 * holds is stale.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long recordRequest(NumberRef ref, Actor actor, TimelineEntry entry) {
		return apply(ref, null, new MapSqlParameterSource(), actor, entry, false);
	}

	/** Puts a release on hold until {@code until}: cancellable until then, sent to the carrier after. */
	@Transactional(propagation = Propagation.MANDATORY)
	public long holdRelease(NumberRef ref, @Nullable String reason, Instant until, Actor actor, TimelineEntry entry) {
		return apply(ref, """
				provider_release_requested_at = :now, provider_release_hold_starts_at = :now,
				provider_release_scheduled_at = :at, provider_release_reason = :reason,
				provider_release_requested_by_user_id = :userId, provider_release_requested_by_name = :userName""",
				new MapSqlParameterSource("at", Timestamp.from(until)).addValue("reason", reason)
					.addValue("userId", actor.userId() == null ? null : String.valueOf(actor.userId()))
					.addValue("userName", actor.name()),
				actor, entry, false);
	}

	/** Calls a held release off: the number stays. */
	@Transactional(propagation = Propagation.MANDATORY)
	public long cancelRelease(NumberRef ref, Actor actor, TimelineEntry entry) {
		return apply(ref, """
				provider_release_requested_at = null, provider_release_hold_starts_at = null,
				provider_release_scheduled_at = null, provider_release_reason = null,
				provider_release_requested_by_user_id = null, provider_release_requested_by_name = null""",
				new MapSqlParameterSource(), actor, entry, false);
	}

	/**
	 * A number being bought enters the mirror at once, before the carrier has answered: status
	 * Provisioning (its SMS / voice setup WAITING), the team and name it was bought for, the
	 * purchase's order status RENTING. The sync and the rent change settle it from what the carrier
	 * then reports. Refused with {@link EditRefused} when the mirror already holds the number.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long recordPurchase(ProviderAccount account, Purchase purchase, Actor actor, TimelineEntry entry) {
		Instant now = clock.instant();
		boolean sms = purchase.smsServicePlanId() != null;
		boolean voice = purchase.voiceAppId() != null;
		MapSqlParameterSource params = new MapSqlParameterSource("number", purchase.number())
			.addValue("name", purchase.name())
			.addValue("country", purchase.regionCode())
			.addValue("type", purchase.type())
			.addValue("team", purchase.teamId())
			.addValue("account", account.id())
			.addValue("provider", account.provider().name())
			.addValue("providerId", purchase.providerNumberId())
			.addValue("smsStatus", sms ? "WAITING" : null)
			.addValue("plan", purchase.smsServicePlanId())
			.addValue("campaign", purchase.campaignId())
			.addValue("voiceStatus", voice ? "WAITING" : null)
			.addValue("capSms", purchase.smsCapable())
			.addValue("capVoice", purchase.voiceCapable())
			.addValue("capWarmup", NumberCapabilities.warmupCapable(purchase.type(), purchase.smsCapable(),
					purchase.voiceCapable()))
			.addValue("amount", purchase.monthlyAmount())
			.addValue("currency", purchase.currency())
			.addValue("now", Timestamp.from(now));
		List<Long> ids = jdbc.queryForList("""
				insert into phone_numbers (number, name, country_code, number_type, team_id, provider_account_id, provider,
				    provider_phone_number_id, provider_order_status, sms_provisioning_status,
				    sms_provisioning_target_plan_id, sms_provisioning_target_campaign_id, voice_provisioning_status,
				    cap_sms, cap_voice, cap_warmup, billing_monthly_amount, billing_currency, inventory_state, status,
				    created_at, modified_at)
				values (:number, :name, :country, :type, :team, :account, :provider, :providerId, 'RENTING', :smsStatus,
				    :plan, :campaign, :voiceStatus, :capSms, :capVoice, :capWarmup, :amount, :currency,
				    'Pending verification', 'Provisioning', :now, :now)
				on conflict (provider_account_id, provider_phone_number_id) do update
				set name = excluded.name, team_id = excluded.team_id, provider_order_status = 'RENTING',
				    provider_released_at = null, provider_missing_since = null, provider_release_requested_at = null,
				    provider_release_hold_starts_at = null, provider_release_scheduled_at = null,
				    provider_release_reason = null, provider_release_requested_by_user_id = null,
				    provider_release_requested_by_name = null, sms_service_plan_id = null, ten_dlc_campaign_id = null,
				    voice_app_id = null, sms_provisioning_status = excluded.sms_provisioning_status,
				    sms_provisioning_target_plan_id = excluded.sms_provisioning_target_plan_id,
				    sms_provisioning_target_campaign_id = excluded.sms_provisioning_target_campaign_id,
				    voice_provisioning_status = excluded.voice_provisioning_status, provider_state_hash = null,
				    billing_monthly_amount = excluded.billing_monthly_amount, billing_currency = excluded.billing_currency,
				    modified_at = excluded.modified_at, version = phone_numbers.version + 1
				-- a number the account had once (released, or a purchase that did not happen) is bought anew,
				-- keeping its timeline; one the account holds now is not bought twice
				where phone_numbers.provider_released_at is not null or phone_numbers.provider_missing_since is not null
				returning id""", params, Long.class);
		if (ids.isEmpty()) {
			throw new EditRefused("numbers", purchase.number() + " is already in the inventory.");
		}
		long id = ids.get(0);
		mirror.rederive(List.of(id), false);
		timeline.record(id, entry, actor, now);
		return id;
	}

	/** The carrier has the number now (the rent settled): the order is done. */
	@Transactional(propagation = Propagation.MANDATORY)
	public long markPurchased(NumberRef ref, Actor actor, TimelineEntry entry) {
		return apply(ref, "provider_order_status = 'RENTED'", new MapSqlParameterSource(), actor, entry, false);
	}

	/**
	 * The number was not bought (the carrier refused, or the rent was called off before it was
	 * sent): it stays on the timeline, released, with no setup running.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long purchaseFailed(NumberRef ref, Actor actor, TimelineEntry entry) {
		return apply(ref, """
				provider_order_status = 'NOT_RENTED', provider_released_at = :now, sms_provisioning_status = null,
				voice_provisioning_status = null""", new MapSqlParameterSource(), actor, entry, false);
	}

	/** The carrier took the number back (our release, after its hold). */
	@Transactional(propagation = Propagation.MANDATORY)
	public long markReleased(NumberRef ref, Actor actor, TimelineEntry entry) {
		return apply(ref, "provider_released_at = :now", new MapSqlParameterSource(), actor, entry, false);
	}

	/** An admin's approved override: the number is forced enabled or disabled, whatever its own flag. */
	@Transactional(propagation = Propagation.MANDATORY)
	public long applyOverride(NumberRef ref, boolean enabled, String reason, Actor actor, TimelineEntry entry) {
		return apply(ref, """
				override_enabled = :enabled, override_reason = :reason, override_updated_by_user_id = :userId,
				override_updated_at = :now""",
				new MapSqlParameterSource("enabled", enabled).addValue("reason", reason)
					.addValue("userId", actor.userId() == null ? null : String.valueOf(actor.userId())),
				actor, entry, true);
	}

	/** Removes the override: the number's own enabled flag decides again. */
	@Transactional(propagation = Propagation.MANDATORY)
	public long clearOverride(NumberRef ref, Actor actor, TimelineEntry entry) {
		return apply(ref, """
				override_enabled = null, override_reason = null, override_updated_by_user_id = null,
				override_updated_at = null""", new MapSqlParameterSource(), actor, entry, true);
	}

	/**
	 * The SMS warmup's new state (the warmup module's machine decided the transition).
	 *
	 * @param entry the transition's event, or null when nothing worth a line happened (a quiet day)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long moveSmsWarmup(NumberRef ref, SmsWarmup warmup, Actor actor, @Nullable TimelineEntry entry) {
		return apply(ref, """
				warmup_enabled = :enabled, warmup_state = :state, warmup_ramp_day = :day,
				warmup_progress_percent = :progress, warmup_health_score = :health, warmup_next_action_at = :next,
				warmup_pause_reason = :pause, health_status = :state, health_reason = :reason""",
				new MapSqlParameterSource("enabled", warmup.enabled()).addValue("state", warmup.state())
					.addValue("day", warmup.day())
					.addValue("progress", warmup.progressPercent())
					.addValue("health", warmup.healthScore())
					.addValue("next", timestamp(warmup.nextActionAt()))
					.addValue("pause", warmup.pauseReason())
					.addValue("reason", warmup.healthReason()),
				actor, entry, false);
	}

	/** The call warmup's new state; see {@link #moveSmsWarmup}. */
	@Transactional(propagation = Propagation.MANDATORY)
	public long moveCallWarmup(NumberRef ref, CallWarmup warmup, Actor actor, @Nullable TimelineEntry entry) {
		return apply(ref, """
				call_warmup_enabled = :enabled, call_warmup_state = :state, call_warmup_ramp_day = :day,
				call_warmup_stage = :stage, call_warmup_next_action_at = :next, call_warmup_pause_reason = :pause,
				call_warmup_health_reason = :reason""",
				new MapSqlParameterSource("enabled", warmup.enabled()).addValue("state", warmup.state())
					.addValue("day", warmup.day())
					.addValue("stage", warmup.stage())
					.addValue("next", timestamp(warmup.nextActionAt()))
					.addValue("pause", warmup.pauseReason())
					.addValue("reason", warmup.healthReason()),
				actor, entry, false);
	}

	/** The SMS warmup columns of a number, as the warmup module decided them. */
	public record SmsWarmup(boolean enabled, String state, int day, @Nullable Integer progressPercent,
			@Nullable Integer healthScore, @Nullable Instant nextActionAt, @Nullable String pauseReason,
			@Nullable String healthReason) {
	}

	/** The call warmup columns of a number, as the warmup module decided them. */
	public record CallWarmup(boolean enabled, String state, int day, @Nullable Integer stage,
			@Nullable Instant nextActionAt, @Nullable String pauseReason, @Nullable String healthReason) {
	}

	/**
	 * Something happened that the timeline tells but that changes no field of the number (a change
	 * retried or settled at the carrier, an override asked for or rejected); the version stays.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void note(long numberId, Actor actor, TimelineEntry entry) {
		timeline.record(numberId, entry, actor, clock.instant());
	}

	/**
	 * The carrier's numbers into the mirror, a page at a time: new ones inserted, changed ones
	 * updated with one event per changed field, unchanged ones untouched. Fields an open change
	 * holds keep the portal's intent.
	 *
	 * @param teamsByName the teams by lower-case name, to place new numbers ({@link CarrierMirror})
	 */
	@Transactional
	public PageOutcome reconcile(ProviderAccount account, List<ProviderNumber> numbers, String source,
			Map<String, Long> teamsByName) {
		return mirror.write(account, numbers, source, teamsByName);
	}

	/**
	 * The carrier confirmed these numbers gone (404 for a number no listing had): each is marked
	 * missing, once, with its event; answers the ones really marked.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Long> markVanished(Collection<Long> ids, String carrier, String source) {
		return mirror.markVanished(ids, carrier, source);
	}

	/**
	 * Brings stored status and inventory state in line with the rules for these numbers, for what
	 * time alone changes (an expiry passing). Answers how many rows changed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int rederive(Collection<Long> ids) {
		return mirror.rederive(ids);
	}

	/**
	 * The one way a verb writes the row: its assignments plus the version and the time, the
	 * derived states from the row as updated, the event, and the enablement announcement.
	 */
	private long apply(NumberRef ref, @Nullable String assignments, MapSqlParameterSource params, Actor actor,
			@Nullable TimelineEntry entry, boolean enablementMayChange) {
		Instant now = clock.instant();
		params.addValue("id", ref.id()).addValue("version", ref.version()).addValue("now", Timestamp.from(now));
		String sql = "update phone_numbers set " + (assignments == null ? "" : assignments + ", ")
				+ "modified_at = :now, version = version + 1 where id = :id"
				+ (ref.version() == null ? "" : " and version = :version") + " returning version";
		List<Long> versions = jdbc.queryForList(sql, params, Long.class);
		if (versions.isEmpty()) {
			throw new NumberChanged(ref);
		}
		mirror.rederive(List.of(ref.id()), false);
		if (entry != null) {
			timeline.record(ref.id(), entry, actor, now);
		}
		if (enablementMayChange) {
			events.publishEvent(new EffectiveEnablementChanged(ref.id(), actor.name() == null ? actor.source() : actor.name()));
		}
		return versions.get(0);
	}

	private long currentVersion(NumberRef ref) {
		List<Long> versions = jdbc.queryForList("select version from phone_numbers where id = :id",
				Map.of("id", ref.id()), Long.class);
		if (versions.isEmpty() || (ref.version() != null && !ref.version().equals(versions.get(0)))) {
			throw new NumberChanged(ref);
		}
		return versions.get(0);
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}

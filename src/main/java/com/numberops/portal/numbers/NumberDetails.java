package com.numberops.portal.numbers;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of one number for the detail page: the whole record, its pending changes and its event
 * timeline. Every query carries the viewer's team scope in SQL, so a number of another team
 * reads exactly like a number that does not exist.
 */
@Service
public class NumberDetails {

	public static final int TIMELINE_PAGE_SIZE = 25;

	/** Settled changes are history; the page lists the most recent ones after every open one. */
	static final int PENDING_CHANGES_SHOWN = 20;

	private final NamedParameterJdbcTemplate jdbc;

	private final ChangesOfNumber changes;

	NumberDetails(NamedParameterJdbcTemplate jdbc, ChangesOfNumber changes) {
		this.jdbc = jdbc;
		this.changes = changes;
	}

	/** The number, when it exists and the viewer may see it. */
	@Transactional(readOnly = true)
	public Optional<NumberRecord> find(Viewer viewer, long id) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		String scope = viewer.condition(params);
		List<NumberRecord> found = jdbc.query("""
				select p.*, jsonb_pretty(p.provider_raw) as provider_raw_pretty, t.name as team_name,
				       a.name as account_name, a.account_ref, ou.display_name as override_updated_by_name
				from phone_numbers p
				join provider_accounts a on a.id = p.provider_account_id
				left join teams t on t.id = p.team_id
				left join users ou on ou.id::text = p.override_updated_by_user_id
				where p.id = :id and %s""".formatted(scope), params, (rs, i) -> record(rs));
		return found.stream().findFirst();
	}

	/**
	 * Those of these numbers the viewer may see, whole, in the order of {@code ids} (the JSON API's
	 * list: the inventory's keyset page picks the ids, this reads their records by primary key).
	 */
	@Transactional(readOnly = true)
	public List<NumberRecord> findAll(Viewer viewer, List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		MapSqlParameterSource params = new MapSqlParameterSource("ids", ids.toArray(Long[]::new));
		String scope = viewer.condition(params);
		List<NumberRecord> found = jdbc.query("""
				select p.*, null as provider_raw_pretty, t.name as team_name, a.name as account_name, a.account_ref
				from phone_numbers p
				join provider_accounts a on a.id = p.provider_account_id
				left join teams t on t.id = p.team_id
				where p.id = any(:ids) and %s""".formatted(scope), params, (rs, i) -> record(rs));
		java.util.Map<Long, NumberRecord> byId = new java.util.HashMap<>();
		found.forEach(number -> byId.put(number.id(), number));
		return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	/** The number's changes bound for the carrier: every open one, then the latest settled ones. */
	@Transactional(readOnly = true)
	public List<PendingChange> pendingChanges(Viewer viewer, long id) {
		return visible(viewer, id) ? changes.latest(id, PENDING_CHANGES_SHOWN) : List.of();
	}

	private boolean visible(Viewer viewer, long id) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		return Boolean.TRUE.equals(jdbc.queryForObject(
				"select exists (select 1 from phone_numbers p where p.id = :id and " + viewer.condition(params) + ")", params,
				Boolean.class));
	}

	/**
	 * One page of the number's events, newest first, older than the cursor (keyset on the
	 * timeline index: created_at, id). A cursor that cannot be read gives the newest page and
	 * says why. Empty when the viewer may not see the number.
	 */
	@Transactional(readOnly = true)
	public Optional<NumberTimeline> timeline(Viewer viewer, long id, @Nullable String before) {
		if (!visible(viewer, id)) {
			return Optional.empty();
		}
		MapSqlParameterSource params = new MapSqlParameterSource("id", id).addValue("limit", TIMELINE_PAGE_SIZE + 1);
		String problem = null;
		Optional<EventCursor> cursor = Optional.empty();
		if (before != null && !before.isBlank()) {
			cursor = EventCursor.decode(before.strip());
			if (cursor.isEmpty()) {
				problem = "That link to older events is not valid (any more): showing the newest events.";
			}
		}
		String keyset = "";
		if (cursor.isPresent()) {
			keyset = " and (e.created_at, e.id) < (:beforeAt, :beforeId)";
			params.addValue("beforeAt", Timestamp.from(cursor.get().createdAt()));
			params.addValue("beforeId", cursor.get().id());
		}
		List<NumberEvent> events = new ArrayList<>(jdbc.query("""
				select e.id, e.type, e.title, e.details, e.field, e.before_value, e.after_value, e.source,
				       e.actor_id, e.actor_name, e.created_at
				from number_events e
				where e.phone_number_id = :id%s
				order by e.created_at desc, e.id desc
				limit :limit""".formatted(keyset), params,
				(rs, i) -> new NumberEvent(rs.getLong("id"), rs.getString("type"), rs.getString("title"),
						rs.getString("details"), rs.getString("field"), rs.getString("before_value"),
						rs.getString("after_value"), rs.getString("source"), (Long) rs.getObject("actor_id"),
						rs.getString("actor_name"),
						instant(rs, "created_at"))));
		String older = null;
		if (events.size() > TIMELINE_PAGE_SIZE) {
			events.remove(events.size() - 1);
			NumberEvent last = events.get(events.size() - 1);
			older = new EventCursor(last.createdAt(), last.id()).encode();
		}
		return Optional.of(new NumberTimeline(events, older, problem, cursor.isPresent()));
	}

	/** Where a timeline page ends: the last event's time and id, as an opaque URL-safe token. */
	record EventCursor(Instant createdAt, long id) {

		String encode() {
			String plain = createdAt + "/" + id;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
		}

		static Optional<EventCursor> decode(String token) {
			if (token.length() > 100) {
				return Optional.empty();
			}
			try {
				String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
				int slash = plain.lastIndexOf('/');
				if (slash < 1) {
					return Optional.empty();
				}
				Instant at = Instant.parse(plain.substring(0, slash));
				long id = Long.parseLong(plain.substring(slash + 1));
				return id < 1 ? Optional.empty() : Optional.of(new EventCursor(at, id));
			}
			catch (IllegalArgumentException | DateTimeParseException malformed) {
				return Optional.empty();
			}
		}
	}

	private static NumberRecord record(ResultSet rs) throws SQLException {
		return new NumberRecord(
				new NumberRecord.Identity(rs.getLong("id"), rs.getString("number"), rs.getString("name"),
						rs.getString("country_code"), rs.getString("number_type"), rs.getString("inventory_state"),
						rs.getString("status"), instant(rs, "created_at"), instant(rs, "modified_at"),
						rs.getLong("version")),
				new NumberRecord.Ownership(rs.getString("business_id"), rs.getString("business_name"),
						rs.getString("owner_user_id"), rs.getString("owner_user_name"), (Long) rs.getObject("team_id"),
						rs.getString("team_name"), rs.getString("campaign_id"), rs.getString("source_id"),
						rs.getBoolean("leadping_owned")),
				new NumberRecord.Provider(rs.getString("provider"), rs.getLong("provider_account_id"),
						rs.getString("account_name"), rs.getString("account_ref"),
						rs.getString("provider_phone_number_id"), rs.getString("provider_order_id"),
						rs.getString("provider_order_status"), rs.getString("provider_status"),
						rs.getString("provider_error"), instant(rs, "provider_synced_at"),
						instant(rs, "provider_expire_at"), instant(rs, "provider_missing_since")),
				new NumberRecord.Release(instant(rs, "provider_released_at"), instant(rs, "provider_release_requested_at"),
						instant(rs, "provider_release_hold_starts_at"), instant(rs, "provider_release_scheduled_at"),
						rs.getString("provider_release_reason"), rs.getString("provider_release_requested_by_user_id"),
						rs.getString("provider_release_requested_by_name"),
						rs.getBoolean("provider_release_unassign_at_hold_start")),
				new NumberRecord.ProviderConfiguration(rs.getString("sms_service_plan_id"),
						rs.getString("sms_provisioning_status"), strings(rs.getArray("sms_provisioning_error_codes")),
						rs.getString("sms_provisioning_target_plan_id"),
						rs.getString("sms_provisioning_target_campaign_id"), rs.getString("voice_app_id"),
						rs.getString("voice_provisioning_status"), strings(rs.getArray("voice_provisioning_error_codes")),
						(Boolean) rs.getObject("cnam_lookups_enabled"), (Boolean) rs.getObject("messaging_enabled")),
				new NumberRecord.Capabilities(rs.getBoolean("cap_sms"), rs.getBoolean("cap_voice"),
						rs.getBoolean("cap_warmup"), rs.getBoolean("cap_testing")),
				new NumberRecord.Routing(rs.getBoolean("routing_sms_enabled"), rs.getBoolean("routing_voice_enabled"),
						rs.getBoolean("routing_warmup_only"), rs.getBoolean("routing_internal_test_only"),
						rs.getString("routing_team_id"), rs.getString("routing_source_id"),
						rs.getString("routing_campaign_id"), rs.getString("routing_messaging_profile_id"),
						rs.getString("routing_voice_connection_id")),
				new NumberRecord.TenDlc(rs.getString("ten_dlc_brand_id"), rs.getString("ten_dlc_campaign_id"),
						rs.getString("ten_dlc_campaign_status"), rs.getString("ten_dlc_assignment_status"),
						rs.getString("ten_dlc_messaging_profile_id"), instant(rs, "ten_dlc_status_updated_at"),
						rs.getString("ten_dlc_failure_reason"), rs.getString("ten_dlc_last_provider_event_id")),
				new NumberRecord.Billing(rs.getString("billing_business_id"), rs.getString("billing_business_name"),
						rs.getString("billing_user_id"), rs.getString("billing_user_name"),
						rs.getString("billing_subscription_item_id"), decimal(rs, "billing_monthly_amount"),
						rs.getString("billing_currency"), rs.getString("billing_channel")),
				new NumberRecord.Location(rs.getString("location_name"), rs.getString("location_state"),
						rs.getString("location_country_code"), decimal(rs, "location_latitude"),
						decimal(rs, "location_longitude"), rs.getString("location_time_zone_id")),
				new NumberRecord.Enablement(rs.getBoolean("enabled"), (Boolean) rs.getObject("override_enabled"),
						rs.getString("override_reason"), rs.getString("override_updated_by_user_id"),
						rs.getString("override_updated_by_name"), instant(rs, "override_updated_at")),
				new NumberRecord.Flags(rs.getBoolean("is_preferred"), rs.getBoolean("is_default"),
						rs.getBoolean("is_internal_pool"), rs.getBoolean("is_approved_test_destination"),
						rs.getBoolean("is_messaging_program_approved")),
				new NumberRecord.SmsWarmup(rs.getBoolean("warmup_enabled"), rs.getString("warmup_state"),
						(Integer) rs.getObject("warmup_health_score"), (Integer) rs.getObject("warmup_progress_percent"),
						instant(rs, "warmup_next_action_at"), rs.getString("warmup_pause_reason")),
				new NumberRecord.CallWarmup(rs.getBoolean("call_warmup_enabled"), rs.getString("call_warmup_state"),
						shortValue(rs, "call_warmup_stage"), instant(rs, "call_warmup_next_action_at"),
						rs.getString("call_warmup_pause_reason"), rs.getString("call_warmup_health_reason")),
				new NumberRecord.Health(rs.getString("health_status"), rs.getString("health_reason")),
				rs.getString("provider_raw_pretty"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static @Nullable BigDecimal decimal(ResultSet rs, String column) throws SQLException {
		return rs.getBigDecimal(column);
	}

	private static @Nullable Integer shortValue(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static List<String> strings(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
	}
}

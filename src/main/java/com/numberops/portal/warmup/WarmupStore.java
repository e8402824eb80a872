package com.numberops.portal.warmup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.numberops.portal.numbers.NumberEventLog;

/** The warmup columns of phone_numbers and the events of their transitions. */
@Component
class WarmupStore {

	/** The SQL twin of {@link WarmupEligibility} (a superset filter: Java has the last word). */
	private static final String SMS_ELIGIBLE = "(cap_warmup and cap_sms and status = 'Active' and coalesce(override_enabled, enabled))";

	private static final String CALL_ELIGIBLE = "(cap_warmup and cap_voice and status = 'Active' and coalesce(override_enabled, enabled))";

	private final NamedParameterJdbcTemplate jdbc;

	private final NumberEventLog eventLog;

	WarmupStore(NamedParameterJdbcTemplate jdbc, NumberEventLog eventLog) {
		this.eventLog = eventLog;
		this.jdbc = jdbc;
	}

	/**
	 * The number, locked, if these teams may see it.
	 *
	 * @param teams empty: every team
	 */
	Optional<WarmupNumber> lock(long id, Set<Long> teams) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		String scope = "true";
		if (!teams.isEmpty()) {
			scope = "p.team_id = any(:teams)";
			params.addValue("teams", teams.toArray(Long[]::new));
		}
		return jdbc.query("""
				select p.id, p.number, a.mode, p.cap_sms, p.cap_voice, p.cap_warmup, p.status, p.enabled, p.override_enabled,
				       p.warmup_enabled, p.warmup_state, p.warmup_ramp_day, p.warmup_health_score, p.warmup_pause_reason,
				       p.health_reason, p.call_warmup_enabled, p.call_warmup_state, p.call_warmup_ramp_day, p.call_warmup_stage,
				       p.call_warmup_pause_reason, p.call_warmup_health_reason, p.warmup_next_action_at, p.call_warmup_next_action_at
				from phone_numbers p join provider_accounts a on a.id = p.provider_account_id
				where p.id = :id and %s
				for update of p""".formatted(scope), params, WarmupStore::row).stream().findFirst();
	}

	private static WarmupNumber row(ResultSet rs, int i) throws SQLException {
		WarmupEligibility.Facts facts = new WarmupEligibility.Facts(rs.getBoolean("cap_sms"), rs.getBoolean("cap_voice"),
				rs.getBoolean("cap_warmup"), rs.getString("status"), rs.getBoolean("enabled"),
				(Boolean) rs.getObject("override_enabled"));
		Object stage = rs.getObject("call_warmup_stage");
		return new WarmupNumber(rs.getLong("id"), rs.getString("number"), "SANDBOX".equals(rs.getString("mode")), facts,
				rs.getBoolean("warmup_enabled"), WarmupState.of(rs.getString("warmup_state")), rs.getInt("warmup_ramp_day"),
				(Integer) rs.getObject("warmup_health_score"), rs.getString("warmup_pause_reason"),
				rs.getString("health_reason"), instant(rs, "warmup_next_action_at"), rs.getBoolean("call_warmup_enabled"), rs.getString("call_warmup_state"),
				CallWarmupState.of(rs.getString("call_warmup_state")), rs.getInt("call_warmup_ramp_day"),
				stage == null ? null : ((Number) stage).intValue(), rs.getString("call_warmup_pause_reason"),
				rs.getString("call_warmup_health_reason"), instant(rs, "call_warmup_next_action_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	/** Numbers whose warmup step is due, after {@code after} in id order. */
	List<Long> due(Instant now, long after, int limit) {
		return jdbc.queryForList("""
				select id from phone_numbers
				where id > :after
				  and ((warmup_enabled and warmup_next_action_at <= :now
				        and warmup_state in ('Warming', 'Healthy', 'Needs Attention'))
				    or (call_warmup_enabled and call_warmup_next_action_at <= :now
				        and call_warmup_state in ('Warming', 'Needs Attention')))
				order by id limit :limit""", new MapSqlParameterSource("now", Timestamp.from(now)).addValue("after", after)
			.addValue("limit", limit), Long.class);
	}

	/** Numbers whose eligibility may no longer match their warmup state (blocked or not). */
	List<Long> eligibilityToCheck(long after, int limit) {
		return jdbc.queryForList("""
				select id from phone_numbers
				where id > :after
				  and ((warmup_enabled and (warmup_state = 'Blocked' or not %1$s))
				    or (call_warmup_enabled and (call_warmup_state = 'Blocked' or not %2$s))
				    or call_warmup_state = 'Not Eligible'
				    or (call_warmup_state = 'Not Started' and not %2$s))
				order by id limit :limit""".formatted(SMS_ELIGIBLE, CALL_ELIGIBLE),
				new MapSqlParameterSource("after", after).addValue("limit", limit), Long.class);
	}

	void writeSms(long id, boolean enabled, WarmupState state, int day, @Nullable Integer progress,
			@Nullable Integer health, @Nullable Instant next, @Nullable String pauseReason, @Nullable String healthReason,
			Instant now) {
		jdbc.update("""
				update phone_numbers set warmup_enabled = :enabled, warmup_state = :state, warmup_ramp_day = :day,
				    warmup_progress_percent = :progress, warmup_health_score = :health, warmup_next_action_at = :next,
				    warmup_pause_reason = :pause, health_status = :state, health_reason = :reason,
				    modified_at = :now, version = version + 1
				where id = :id""", new MapSqlParameterSource("id", id).addValue("enabled", enabled)
			.addValue("state", state.label())
			.addValue("day", day)
			.addValue("progress", progress)
			.addValue("health", health)
			.addValue("next", timestamp(next))
			.addValue("pause", pauseReason)
			.addValue("reason", healthReason)
			.addValue("now", Timestamp.from(now)));
	}

	void writeCall(long id, boolean enabled, CallWarmupState state, int day, @Nullable Integer stage,
			@Nullable Instant next, @Nullable String pauseReason, @Nullable String healthReason, Instant now) {
		jdbc.update("""
				update phone_numbers set call_warmup_enabled = :enabled, call_warmup_state = :state,
				    call_warmup_ramp_day = :day, call_warmup_stage = :stage, call_warmup_next_action_at = :next,
				    call_warmup_pause_reason = :pause, call_warmup_health_reason = :reason,
				    modified_at = :now, version = version + 1
				where id = :id""", new MapSqlParameterSource("id", id).addValue("enabled", enabled)
			.addValue("state", state.label())
			.addValue("day", day)
			.addValue("stage", stage)
			.addValue("next", timestamp(next))
			.addValue("pause", pauseReason)
			.addValue("reason", healthReason)
			.addValue("now", Timestamp.from(now)));
	}

	void event(long id, Channel channel, String title, @Nullable String details, String before, String after,
			NumberEventLog.Actor actor, Instant now) {
		eventLog.record(id, channel == Channel.SMS ? "WARMUP" : "CALL_WARMUP", title, details,
				channel == Channel.SMS ? "warmup_state" : "call_warmup_state", before, after, actor, now);
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	/** Who made a transition: a person from the portal, or the scheduler. */
	/** The warmup job, as the timeline names it. */
	static final NumberEventLog.Actor JOB = NumberEventLog.Actor.scheduler("Warmup job");
}

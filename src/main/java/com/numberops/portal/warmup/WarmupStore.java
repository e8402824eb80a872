package com.numberops.portal.warmup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.numberops.portal.numbers.WarmupState;
import com.numberops.portal.numbers.CallWarmupState;
import com.numberops.portal.numbers.Actor;
import com.numberops.portal.numbers.Enablement;
import com.numberops.portal.numbers.NumberStatus;
import com.numberops.portal.numbers.Viewer;

/** The warmup columns of phone_numbers and the events of their transitions. */
@Component
class WarmupStore {

	/** The SQL twin of {@link WarmupEligibility} (a superset filter: Java has the last word). */
	private static final String SMS_ELIGIBLE = "(cap_warmup and cap_sms and status = '" + NumberStatus.ACTIVE.value()
			+ "' and " + Enablement.sql("") + ")";

	private static final String CALL_ELIGIBLE = "(cap_warmup and cap_voice and status = '" + NumberStatus.ACTIVE.value()
			+ "' and " + Enablement.sql("") + ")";

	/** The states the job moves along the ramp ({@link WarmupState#ramping()}), for the due query. */
	private static final String RAMPING_SMS = WarmupState
		.sqlList(java.util.Arrays.stream(WarmupState.values()).filter(WarmupState::ramping).toArray(WarmupState[]::new));

	private static final String RAMPING_CALL = CallWarmupState.sqlList(
			java.util.Arrays.stream(CallWarmupState.values()).filter(CallWarmupState::ramping).toArray(CallWarmupState[]::new));

	private final NamedParameterJdbcTemplate jdbc;

	WarmupStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The number, locked, if this viewer may see it (the job: {@link Viewer#jobs()}). */
	Optional<WarmupNumber> lock(long id, Viewer viewer) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		String scope = viewer.condition(params);
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
				        and warmup_state in (%s))
				    or (call_warmup_enabled and call_warmup_next_action_at <= :now
				        and call_warmup_state in (%s)))
				order by id limit :limit""".formatted(RAMPING_SMS, RAMPING_CALL), new MapSqlParameterSource("now", Timestamp.from(now)).addValue("after", after)
			.addValue("limit", limit), Long.class);
	}

	/** Numbers whose eligibility may no longer match their warmup state (blocked or not). */
	List<Long> eligibilityToCheck(long after, int limit) {
		return jdbc.queryForList("""
				select id from phone_numbers
				where id > :after
				  and ((warmup_enabled and (warmup_state = %3$s or not %1$s))
				    or (call_warmup_enabled and (call_warmup_state = %4$s or not %2$s))
				    or call_warmup_state = %5$s
				    or (call_warmup_state = %6$s and not %2$s))
				order by id limit :limit""".formatted(SMS_ELIGIBLE, CALL_ELIGIBLE,
						WarmupState.sqlList(WarmupState.BLOCKED), CallWarmupState.sqlList(CallWarmupState.BLOCKED),
						CallWarmupState.sqlList(CallWarmupState.NOT_ELIGIBLE), CallWarmupState.sqlList(CallWarmupState.NOT_STARTED)),
				new MapSqlParameterSource("after", after).addValue("limit", limit), Long.class);
	}

	/** The warmup job, as the timeline names it. */
	static final Actor JOB = Actor.scheduler("Warmup job");
}

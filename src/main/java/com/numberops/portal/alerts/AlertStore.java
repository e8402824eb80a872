package com.numberops.portal.alerts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The alerts module's tables (V25), and only its: rules, channels, alerts, deliveries, reads. */
@Repository
class AlertStore {

	private static final TypeReference<List<AlertItem>> ITEMS = new TypeReference<>() {
	};

	private static final String ALERT_COLUMNS = """
			a.id, a.rule_id, r.name as rule_name, r.kind, a.window_start, a.fired_at, a.team_id, a.fleet, a.title,
			a.found, a.link, a.items""";

	/** A person may see an alert: it is the fleet's, or their teams' (all teams: every alert). */
	static final String VISIBLE = "(a.fleet or cast(:teams as bigint[]) = '{}' or a.team_id = any(cast(:teams as bigint[])))";

	/** An alert the bell shows: one of its rule's channels is the portal. */
	static final String IN_PORTAL = """
			exists (select 1 from alert_deliveries d join alert_channels c on c.id = d.channel_id
			        where d.alert_id = a.id and c.kind = 'PORTAL')""";

	private final NamedParameterJdbcTemplate jdbc;

	private final JsonMapper json;

	AlertStore(NamedParameterJdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	// rules

	long insertRule(String name, RuleKind kind, @Nullable String code, int threshold, int windowMinutes,
			@Nullable Long teamId, Collection<Long> channelIds, String by) {
		Long id = jdbc.queryForObject("""
				insert into alert_rules (name, kind, error_code, threshold, window_minutes, team_id, channel_ids, created_by)
				values (:name, :kind, :code, :threshold, :window, :team, cast(:channels as bigint[]), :by) returning id""",
				new MapSqlParameterSource("name", name).addValue("kind", kind.name())
					.addValue("code", code)
					.addValue("threshold", threshold)
					.addValue("window", windowMinutes)
					.addValue("team", teamId)
					.addValue("channels", channelIds.toArray(Long[]::new))
					.addValue("by", by),
				Long.class);
		return id == null ? 0 : id;
	}

	List<AlertRule> rules(boolean enabledOnly) {
		return jdbc.query("select * from alert_rules" + (enabledOnly ? " where enabled" : "") + " order by id",
				AlertStore::rule);
	}

	boolean enableRule(long id, boolean enabled) {
		return jdbc.update("update alert_rules set enabled = :enabled where id = :id",
				new MapSqlParameterSource("id", id).addValue("enabled", enabled)) == 1;
	}

	// channels

	long insertChannel(ChannelKind kind, String name, @Nullable String target, @Nullable String secret, String by) {
		Long id = jdbc.queryForObject("""
				insert into alert_channels (kind, name, target, secret, created_by)
				values (:kind, :name, :target, :secret, :by) returning id""",
				new MapSqlParameterSource("kind", kind.name()).addValue("name", name)
					.addValue("target", target)
					.addValue("secret", secret)
					.addValue("by", by),
				Long.class);
		return id == null ? 0 : id;
	}

	List<AlertChannel> channels() {
		return jdbc.query("select * from alert_channels order by id", AlertStore::channel);
	}

	List<AlertChannel> enabledChannels(Collection<Long> ids) {
		return jdbc.query("select * from alert_channels where enabled and id = any(cast(:ids as bigint[])) order by id",
				new MapSqlParameterSource("ids", ids.toArray(Long[]::new)), AlertStore::channel);
	}

	private static AlertChannel channel(ResultSet rs, int row) throws SQLException {
		return new AlertChannel(rs.getLong("id"), ChannelKind.valueOf(rs.getString("kind")), rs.getString("name"),
				rs.getString("target"), rs.getBoolean("enabled"), instant(rs, "created_at"), rs.getString("created_by"));
	}

	boolean enableChannel(long id, boolean enabled) {
		return jdbc.update("update alert_channels set enabled = :enabled where id = :id",
				new MapSqlParameterSource("id", id).addValue("enabled", enabled)) == 1;
	}

	// alerts

	boolean fired(long ruleId, Instant windowStart) {
		Boolean fired = jdbc.queryForObject(
				"select exists (select 1 from alerts where rule_id = :rule and window_start = :start)",
				new MapSqlParameterSource("rule", ruleId).addValue("start", Timestamp.from(windowStart)), Boolean.class);
		return Boolean.TRUE.equals(fired);
	}

	/** The alert of a rule's window, unless it fired already (on this instance or another): then nothing. */
	Optional<Long> insertAlert(AlertRule rule, Instant windowStart, Instant now, AlertFacts.Finding finding) {
		List<Long> id = jdbc.queryForList("""
				insert into alerts (rule_id, window_start, fired_at, team_id, fleet, title, found, link, items)
				values (:rule, :start, :now, :team, :fleet, :title, :found, :link, cast(:items as jsonb))
				on conflict (rule_id, window_start) do nothing returning id""",
				new MapSqlParameterSource("rule", rule.id()).addValue("start", Timestamp.from(windowStart))
					.addValue("now", Timestamp.from(now))
					.addValue("team", rule.kind().fleet() ? null : rule.teamId())
					.addValue("fleet", rule.kind().fleet())
					.addValue("title", finding.title())
					.addValue("found", finding.found())
					.addValue("link", finding.link())
					.addValue("items", json.writeValueAsString(finding.items())),
				Long.class);
		return id.stream().findFirst();
	}

	Optional<Alert> alert(long id) {
		return jdbc.query("select " + ALERT_COLUMNS + " from alerts a join alert_rules r on r.id = a.rule_id where a.id = :id",
				new MapSqlParameterSource("id", id), this::mapAlert).stream().findFirst();
	}

	List<Alert> recentAlerts(int limit) {
		return jdbc.query("select " + ALERT_COLUMNS
				+ " from alerts a join alert_rules r on r.id = a.rule_id order by a.fired_at desc, a.id desc limit :limit",
				new MapSqlParameterSource("limit", limit), this::mapAlert);
	}

	List<Alert> alertsOfRule(long ruleId) {
		return jdbc.query("select " + ALERT_COLUMNS
				+ " from alerts a join alert_rules r on r.id = a.rule_id where a.rule_id = :rule order by a.id",
				new MapSqlParameterSource("rule", ruleId), this::mapAlert);
	}

	// the bell

	List<Alert> inbox(Collection<Long> teams, int limit) {
		return jdbc.query("select " + ALERT_COLUMNS + " from alerts a join alert_rules r on r.id = a.rule_id where "
				+ VISIBLE + " and " + IN_PORTAL + " order by a.id desc limit :limit",
				new MapSqlParameterSource("teams", teams.toArray(Long[]::new)).addValue("limit", limit), this::mapAlert);
	}

	long unread(long userId, Collection<Long> teams) {
		Long count = jdbc.queryForObject("select count(*) from alerts a where " + VISIBLE + " and " + IN_PORTAL
				+ " and a.id > coalesce((select seen_alert_id from alert_reads where user_id = :user), 0)",
				new MapSqlParameterSource("teams", teams.toArray(Long[]::new)).addValue("user", userId), Long.class);
		return count == null ? 0 : count;
	}

	long seen(long userId) {
		List<Long> seen = jdbc.queryForList("select seen_alert_id from alert_reads where user_id = :user",
				new MapSqlParameterSource("user", userId), Long.class);
		return seen.isEmpty() ? 0 : seen.get(0);
	}

	void markSeen(long userId, long alertId) {
		jdbc.update("""
				insert into alert_reads (user_id, seen_alert_id) values (:user, :alert)
				on conflict (user_id) do update set seen_alert_id = greatest(alert_reads.seen_alert_id, excluded.seen_alert_id)""",
				new MapSqlParameterSource("user", userId).addValue("alert", alertId));
	}

	// deliveries

	/**
	 * One delivery per alert and channel, due now; a second insert for the pair adds nothing. The
	 * bell's is delivered as it is made: the alert is in the portal once it is committed.
	 */
	void insertDelivery(long alertId, AlertChannel channel, Instant now) {
		boolean portal = channel.kind() == ChannelKind.PORTAL;
		List<Long> id = jdbc.queryForList("""
				insert into alert_deliveries (alert_id, channel_id, state, attempts, next_attempt_at, delivered_at)
				values (:alert, :channel, :state, :attempts, :due, :delivered)
				on conflict (alert_id, channel_id) do nothing returning id""",
				new MapSqlParameterSource("alert", alertId).addValue("channel", channel.id())
					.addValue("state", portal ? "DELIVERED" : "PENDING")
					.addValue("attempts", portal ? 1 : 0)
					.addValue("due", portal ? null : Timestamp.from(now))
					.addValue("delivered", portal ? Timestamp.from(now) : null),
				Long.class);
		if (portal && !id.isEmpty()) {
			attempt(id.get(0), now, "DELIVERED", null, null);
		}
	}

	/** A delivery ready to be sent: the alert, where to, and the channel's secret. */
	record Claimed(long id, long alertId, long channelId, ChannelKind kind, String channelName, @Nullable String target,
			@Nullable String secret, int attempts) {
	}

	/**
	 * Claims the due deliveries: each moves its next attempt past {@code until}, so no other run sends
	 * it meanwhile, and counts the attempt. Rows another transaction holds are skipped.
	 */
	List<Claimed> claimDue(Instant now, Instant until, int limit) {
		return jdbc.query("""
				update alert_deliveries d set next_attempt_at = :until, attempts = d.attempts + 1
				from alert_channels c
				where c.id = d.channel_id and d.id in (
				    select id from alert_deliveries where state = 'PENDING' and next_attempt_at <= :now
				    order by next_attempt_at, id limit :limit for update skip locked)
				returning d.id, d.alert_id, d.channel_id, c.kind, c.name, c.target, c.secret, d.attempts""",
				new MapSqlParameterSource("now", Timestamp.from(now)).addValue("until", Timestamp.from(until))
					.addValue("limit", limit),
				(rs, i) -> new Claimed(rs.getLong("id"), rs.getLong("alert_id"), rs.getLong("channel_id"),
						ChannelKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("target"),
						rs.getString("secret"), rs.getInt("attempts")));
	}

	void delivered(long id, Instant at, @Nullable Integer status) {
		jdbc.update("""
				update alert_deliveries set state = 'DELIVERED', delivered_at = :at, next_attempt_at = null, last_error = null
				where id = :id and state = 'PENDING'""", new MapSqlParameterSource("id", id).addValue("at", Timestamp.from(at)));
		attempt(id, at, "DELIVERED", status, null);
	}

	void retry(long id, Instant at, Instant next, @Nullable Integer status, String error) {
		jdbc.update("""
				update alert_deliveries set next_attempt_at = :next, last_error = :error
				where id = :id and state = 'PENDING'""",
				new MapSqlParameterSource("id", id).addValue("next", Timestamp.from(next)).addValue("error", error));
		attempt(id, at, "RETRY", status, error);
	}

	void failed(long id, Instant at, @Nullable Integer status, String error) {
		jdbc.update("""
				update alert_deliveries set state = 'FAILED', next_attempt_at = null, last_error = :error
				where id = :id and state = 'PENDING'""", new MapSqlParameterSource("id", id).addValue("error", error));
		attempt(id, at, "FAILED", status, error);
	}

	private void attempt(long id, Instant at, String outcome, @Nullable Integer status, @Nullable String error) {
		jdbc.update("""
				insert into alert_delivery_attempts (delivery_id, attempted_at, outcome, status, error)
				values (:id, :at, :outcome, :status, :error)""",
				new MapSqlParameterSource("id", id).addValue("at", Timestamp.from(at))
					.addValue("outcome", outcome)
					.addValue("status", status)
					.addValue("error", error));
	}

	List<Delivery> deliveries(@Nullable Long alertId, int limit) {
		return jdbc.query("""
				select d.*, a.title, a.fired_at, c.name as channel_name, c.kind as channel_kind
				from alert_deliveries d join alerts a on a.id = d.alert_id join alert_channels c on c.id = d.channel_id
				where (cast(:alert as bigint) is null or d.alert_id = :alert)
				order by d.id desc limit :limit""", new MapSqlParameterSource("alert", alertId).addValue("limit", limit),
				(rs, i) -> new Delivery(rs.getLong("id"), rs.getLong("alert_id"), rs.getString("title"),
						instant(rs, "fired_at"), rs.getLong("channel_id"), rs.getString("channel_name"),
						ChannelKind.valueOf(rs.getString("channel_kind")), Delivery.State.valueOf(rs.getString("state")),
						rs.getInt("attempts"), nullableInstant(rs, "next_attempt_at"), rs.getString("last_error"),
						nullableInstant(rs, "delivered_at")));
	}

	/** The delivery log of one delivery: each attempt's outcome, status and error, oldest first. */
	record Attempt(Instant at, String outcome, @Nullable Integer status, @Nullable String error) {
	}

	List<Attempt> attempts(long deliveryId) {
		return jdbc.query("select * from alert_delivery_attempts where delivery_id = :id order by id",
				new MapSqlParameterSource("id", deliveryId), (rs, i) -> new Attempt(instant(rs, "attempted_at"),
						rs.getString("outcome"), (Integer) rs.getObject("status"), rs.getString("error")));
	}

	private Alert mapAlert(ResultSet rs, int row) throws SQLException {
		return new Alert(rs.getLong("id"), rs.getLong("rule_id"), rs.getString("rule_name"),
				RuleKind.valueOf(rs.getString("kind")), instant(rs, "window_start"), instant(rs, "fired_at"),
				(Long) rs.getObject("team_id"), rs.getBoolean("fleet"), rs.getString("title"), rs.getLong("found"),
				rs.getString("link"), json.readValue(rs.getString("items"), ITEMS));
	}

	private static AlertRule rule(ResultSet rs, int row) throws SQLException {
		Array channels = rs.getArray("channel_ids");
		List<Long> ids = new ArrayList<>();
		if (channels != null) {
			Arrays.stream((Long[]) channels.getArray()).forEach(ids::add);
		}
		return new AlertRule(rs.getLong("id"), rs.getString("name"), RuleKind.valueOf(rs.getString("kind")),
				rs.getString("error_code"), rs.getInt("threshold"), rs.getInt("window_minutes"),
				(Long) rs.getObject("team_id"), ids, rs.getBoolean("enabled"), instant(rs, "created_at"),
				rs.getString("created_by"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}
}

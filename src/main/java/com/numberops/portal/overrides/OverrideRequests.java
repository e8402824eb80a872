package com.numberops.portal.overrides;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.numberops.portal.numbers.Viewer;

/** The override_requests table. Every read that lists requests is scoped to the reader's teams. */
@Repository
public class OverrideRequests {

	private static final String COLUMNS = """
			r.id, r.phone_number_id, r.requested_enabled, r.reason, r.state, r.requested_by_id, r.requested_by,
			r.requested_at, r.decided_by_id, r.decided_by, r.decided_at, r.decision_comment, r.superseded_by,
			r.cleared_by, r.cleared_at, r.version""";

	private static final String ITEM_COLUMNS = COLUMNS + """
			, p.number, p.name, p.enabled, p.override_enabled, p.inventory_state, p.status""";

	private final NamedParameterJdbcTemplate jdbc;

	OverrideRequests(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long numberId, boolean enabled, String reason, long requestedById, String requestedBy, Instant now) {
		return jdbc.queryForObject("""
				insert into override_requests (phone_number_id, requested_enabled, reason, requested_by_id, requested_by,
				    requested_at)
				values (:number, :enabled, :reason, :byId, :by, :now) returning id""",
				new MapSqlParameterSource("number", numberId).addValue("enabled", enabled)
					.addValue("reason", reason)
					.addValue("byId", requestedById)
					.addValue("by", requestedBy)
					.addValue("now", Timestamp.from(now)),
				Long.class);
	}

	Optional<OverrideRequest> find(long id) {
		return jdbc.query("select " + COLUMNS + " from override_requests r where r.id = :id",
				new MapSqlParameterSource("id", id), OverrideRequests::request).stream().findFirst();
	}

	/** The request, locked for a decision (lock the number first: numbers, then requests, everywhere). */
	Optional<OverrideRequest> lock(long id) {
		return jdbc.query("select " + COLUMNS + " from override_requests r where r.id = :id for update",
				new MapSqlParameterSource("id", id), OverrideRequests::request).stream().findFirst();
	}

	Optional<OverrideRequest> pendingFor(long numberId) {
		return jdbc.query("select " + COLUMNS + " from override_requests r where r.phone_number_id = :number"
				+ " and r.state = 'PENDING' for update", new MapSqlParameterSource("number", numberId),
				OverrideRequests::request).stream().findFirst();
	}

	/** The approved request whose override the number carries now, if an approval set it. */
	Optional<OverrideRequest> inEffectFor(long numberId) {
		return jdbc.query("select " + COLUMNS + " from override_requests r where r.phone_number_id = :number"
				+ " and r.state = 'APPROVED' order by r.decided_at desc, r.id desc limit 1 for update",
				new MapSqlParameterSource("number", numberId), OverrideRequests::request).stream().findFirst();
	}

	public Optional<OverrideRequest> latestFor(long numberId) {
		return jdbc.query("select " + COLUMNS + " from override_requests r where r.phone_number_id = :number"
				+ " order by r.requested_at desc, r.id desc limit 1", new MapSqlParameterSource("number", numberId),
				OverrideRequests::request).stream().findFirst();
	}

	/** Step one of a supersede: the older request stops being pending, so the newer one may be inserted. */
	void supersede(long id, Instant now) {
		jdbc.update("""
				update override_requests set state = 'SUPERSEDED', decided_at = :now, version = version + 1
				where id = :id and state = 'PENDING'""",
				new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(now)));
	}

	/** Step two: the superseded request points at the one that replaced it. */
	void supersededBy(long id, long newerId) {
		jdbc.update("update override_requests set superseded_by = :newer where id = :id and state = 'SUPERSEDED'",
				new MapSqlParameterSource("id", id).addValue("newer", newerId));
	}

	void decide(long id, OverrideState state, long deciderId, String decider, @Nullable String comment, Instant now) {
		jdbc.update("""
				update override_requests set state = :state, decided_by_id = :byId, decided_by = :by, decided_at = :now,
				    decision_comment = :comment, version = version + 1
				where id = :id and state = 'PENDING'""",
				new MapSqlParameterSource("id", id).addValue("state", state.name())
					.addValue("byId", deciderId)
					.addValue("by", decider)
					.addValue("comment", comment)
					.addValue("now", Timestamp.from(now)));
	}

	void cleared(long id, String by, Instant now) {
		jdbc.update("""
				update override_requests set state = 'CLEARED', cleared_by = :by, cleared_at = :now, version = version + 1
				where id = :id and state = 'APPROVED'""",
				new MapSqlParameterSource("id", id).addValue("by", by).addValue("now", Timestamp.from(now)));
	}

	/** The context of a pending request changed (its number's override was cleared): pages showing it are stale. */
	void touch(long id) {
		jdbc.update("update override_requests set version = version + 1 where id = :id",
				new MapSqlParameterSource("id", id));
	}

	/** How many requests wait for a decision, of this viewer's numbers: the navigation badge. */
	public long countPending(Viewer viewer) {
		if (!viewer.limited()) {
			Long count = jdbc.queryForObject("select count(*) from override_requests where state = 'PENDING'",
					new MapSqlParameterSource(), Long.class);
			return count == null ? 0 : count;
		}
		MapSqlParameterSource params = new MapSqlParameterSource();
		Long count = jdbc.queryForObject("""
				select count(*) from override_requests r join phone_numbers p on p.id = r.phone_number_id
				where r.state = 'PENDING' and %s""".formatted(viewer.condition(params)), params, Long.class);
		return count == null ? 0 : count;
	}

	/** Pending requests of this viewer's numbers asked for before {@code before}: how many. */
	public long countPendingBefore(Viewer viewer, Instant before) {
		MapSqlParameterSource params = new MapSqlParameterSource("before", Timestamp.from(before));
		Long count = jdbc.queryForObject("""
				select count(*) from override_requests r join phone_numbers p on p.id = r.phone_number_id
				where r.state = 'PENDING' and r.requested_at < :before and %s""".formatted(viewer.condition(params)),
				params, Long.class);
		return count == null ? 0 : count;
	}

	/** Pending requests of this viewer's numbers asked for before {@code before}, the longest waiting first. */
	public List<ApprovalItem> oldestPendingBefore(Viewer viewer, Instant before, int limit) {
		return items("r.state = 'PENDING' and r.requested_at < :before", "r.requested_at, r.id", viewer, limit,
				new MapSqlParameterSource("before", Timestamp.from(before)));
	}

	/** Pending requests of this viewer's numbers, oldest first. */
	public List<ApprovalItem> pending(Viewer viewer, int limit) {
		return items("r.state = 'PENDING'", "r.requested_at, r.id", viewer, limit);
	}

	/** Pending requests of this viewer's numbers, the newest first (the dashboard's worklist): the pending index walked backwards. */
	public List<ApprovalItem> newestPending(Viewer viewer, int limit) {
		return items("r.state = 'PENDING'", "r.requested_at desc, r.id desc", viewer, limit);
	}

	/** Decided requests (approved, rejected, superseded, cleared) of this viewer's numbers, newest decision first. */
	public List<ApprovalItem> recentDecisions(Viewer viewer, int limit) {
		return items("r.decided_at is not null", "r.decided_at desc, r.id desc", viewer, limit);
	}

	private List<ApprovalItem> items(String condition, String order, Viewer viewer, int limit) {
		return items(condition, order, viewer, limit, new MapSqlParameterSource());
	}

	private List<ApprovalItem> items(String condition, String order, Viewer viewer, int limit,
			MapSqlParameterSource params) {
		params.addValue("limit", limit);
		String scope = viewer.condition(params);
		return jdbc.query("select " + ITEM_COLUMNS + """
				 from override_requests r join phone_numbers p on p.id = r.phone_number_id
				where %s and %s order by %s limit :limit""".formatted(condition, scope, order), params,
				(rs, row) -> new ApprovalItem(request(rs, row), rs.getString("number"), rs.getString("name"),
						rs.getBoolean("enabled"), (Boolean) rs.getObject("override_enabled"),
						rs.getString("inventory_state"), rs.getString("status")));
	}

	private static OverrideRequest request(ResultSet rs, int row) throws SQLException {
		return new OverrideRequest(rs.getLong("id"), rs.getLong("phone_number_id"), rs.getBoolean("requested_enabled"),
				rs.getString("reason"), OverrideState.valueOf(rs.getString("state")), longOrNull(rs, "requested_by_id"),
				rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
				longOrNull(rs, "decided_by_id"), rs.getString("decided_by"), instant(rs, "decided_at"),
				rs.getString("decision_comment"), longOrNull(rs, "superseded_by"), rs.getString("cleared_by"),
				instant(rs, "cleared_at"), rs.getLong("version"));
	}

	private static @Nullable Long longOrNull(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}
}

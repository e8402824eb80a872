package com.numberops.portal.changes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.numberops.portal.numbers.ChangesOfNumber;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox table, pending_changes: every edit people made, open or settled. Other modules see
 * it through {@link ChangesOfNumber} and the {@code open_changes} view (V14), never the table.
 */
@Repository
public class PendingChanges implements ChangesOfNumber {

	static final String SELECT = """
			select c.*, p.number from pending_changes c join phone_numbers p on p.id = c.phone_number_id
			""";

	private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
	};

	private final NamedParameterJdbcTemplate jdbc;

	private final JsonMapper json;

	PendingChanges(NamedParameterJdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A new change; answers its id. */
	long insert(long numberId, @Nullable Long batchId, ChangeKind kind, Map<String, String> payload,
			Map<String, String> previous, ChangeState state, String summary, @Nullable Instant nextAttemptAt,
			@Nullable Long requestedById, @Nullable String requestedBy, String provider, Instant now) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("number", numberId)
			.addValue("batch", batchId)
			.addValue("kind", kind.name())
			.addValue("fields", kind.fields().toArray(String[]::new))
			.addValue("payload", json.writeValueAsString(payload))
			.addValue("previous", json.writeValueAsString(previous))
			.addValue("state", state.name())
			.addValue("summary", summary)
			.addValue("next", timestamp(nextAttemptAt))
			.addValue("byId", requestedById)
			.addValue("by", requestedBy)
			.addValue("provider", provider)
			.addValue("now", Timestamp.from(now))
			.addValue("settled", state.open() ? null : Timestamp.from(now));
		Long id = jdbc.queryForObject("""
				insert into pending_changes (phone_number_id, batch_id, kind, fields, payload, previous, state, summary,
				    next_attempt_at, requested_by_id, requested_by, provider, created_at, updated_at, settled_at)
				values (:number, :batch, :kind, :fields, :payload::jsonb, :previous::jsonb, :state, :summary, :next,
				    :byId, :by, :provider, :now, :now, :settled)
				returning id""", params, Long.class);
		return id == null ? 0 : id;
	}

	@Override
	public List<com.numberops.portal.numbers.PendingChange> latest(long numberId, int shown) {
		return jdbc.query("""
				select c.id, c.kind, c.fields, c.state, c.attempts, c.next_attempt_at, c.provider_code,
				       c.provider_message, c.requested_by, c.created_at, c.updated_at, c.summary, c.step
				from pending_changes c
				where c.phone_number_id = :id
				order by exists (select 1 from open_changes o where o.id = c.id) desc, c.created_at desc, c.id desc
				limit :shown""", new MapSqlParameterSource("id", numberId).addValue("shown", shown),
				(rs, i) -> new com.numberops.portal.numbers.PendingChange(rs.getLong("id"), rs.getString("kind"),
						List.of((String[]) rs.getArray("fields").getArray()), rs.getString("state"), rs.getInt("attempts"),
						instant(rs, "next_attempt_at"), rs.getString("provider_code"), rs.getString("provider_message"),
						rs.getString("requested_by"), instant(rs, "created_at"), instant(rs, "updated_at"),
						rs.getString("summary"), rs.getString("step")));
	}

	public Optional<Change> find(long id) {
		return jdbc.query(SELECT + " where c.id = :id", Map.of("id", id), this::change).stream().findFirst();
	}

	/** Locks the change for the dispatcher; empty when another worker holds it. */
	Optional<Change> lock(long id) {
		return jdbc.query(SELECT + " where c.id = :id for update of c skip locked", Map.of("id", id), this::change)
			.stream()
			.findFirst();
	}

	/** Locks the change, waiting for whoever holds it (a person's cancel or retry takes a moment). */
	Optional<Change> lockWaiting(long id) {
		return jdbc.query(SELECT + " where c.id = :id for update of c", Map.of("id", id), this::change).stream().findFirst();
	}

	/** The state of an open change of this kind on this number, if there is one. */
	@Nullable
	ChangeState openOfKind(long numberId, ChangeKind kind) {
		List<String> states = jdbc.queryForList("""
				select state from open_changes where phone_number_id = :number and kind = :kind limit 1""",
				Map.of("number", numberId, "kind", kind.name()), String.class);
		return states.isEmpty() ? null : ChangeState.valueOf(states.get(0));
	}

	/** For each of these numbers with an open change of this kind, that change's state (bulk previews). */
	Map<Long, ChangeState> openOfKind(java.util.Collection<Long> numberIds, ChangeKind kind) {
		Map<Long, ChangeState> open = new java.util.HashMap<>();
		jdbc.query("""
				select phone_number_id, state from open_changes where phone_number_id = any(:ids) and kind = :kind""",
				new MapSqlParameterSource("ids", numberIds.toArray(Long[]::new)).addValue("kind", kind.name()),
				rs -> {
					open.put(rs.getLong(1), ChangeState.valueOf(rs.getString(2)));
				});
		return open;
	}

	/** Moves a change on; settled states also stamp settled_at. Answers whether the row was still at that version. */
	boolean move(Change change, ChangeState state, @Nullable String step, @Nullable Instant nextAttemptAt,
			@Nullable String code, @Nullable String message, int attempts, Instant now) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("id", change.id())
			.addValue("version", change.version())
			.addValue("state", state.name())
			.addValue("step", step)
			.addValue("next", timestamp(nextAttemptAt))
			.addValue("code", code)
			.addValue("message", message)
			.addValue("attempts", attempts)
			.addValue("now", Timestamp.from(now))
			.addValue("settled", state.open() ? null : Timestamp.from(now));
		return jdbc.update("""
				update pending_changes set state = :state, step = :step, next_attempt_at = :next, provider_code = :code,
				    provider_message = :message, attempts = :attempts, updated_at = :now, settled_at = :settled,
				    version = version + 1
				where id = :id and version = :version""", params) == 1;
	}

	boolean cancel(Change change, String by, Instant now) {
		return jdbc.update("""
				update pending_changes set state = 'CANCELLED', cancelled_by = :by, next_attempt_at = null,
				    updated_at = :now, settled_at = :now, version = version + 1
				where id = :id and version = :version""", new MapSqlParameterSource().addValue("id", change.id())
			.addValue("version", change.version())
			.addValue("by", by)
			.addValue("now", Timestamp.from(now))) == 1;
	}

	Change change(ResultSet rs, int row) throws SQLException {
		return new Change(rs.getLong("id"), rs.getLong("phone_number_id"), rs.getString("number"),
				(Long) rs.getObject("batch_id"), ChangeKind.valueOf(rs.getString("kind")),
				ChangeState.valueOf(rs.getString("state")), rs.getString("step"), strings(rs.getString("payload")),
				strings(rs.getString("previous")), rs.getString("summary") == null ? "" : rs.getString("summary"),
				rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("provider_code"),
				rs.getString("provider_message"), (Long) rs.getObject("requested_by_id"), rs.getString("requested_by"),
				rs.getString("provider"), instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "settled_at"),
				rs.getLong("version"));
	}

	private Map<String, String> strings(@Nullable String text) {
		if (text == null || text.isBlank() || "null".equals(text)) {
			return Map.of();
		}
		return new LinkedHashMap<>(json.readValue(text, STRINGS));
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}

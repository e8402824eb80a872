package com.numberops.portal.changes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.numbers.Viewer;

/**
 * The Changes page's reads: newest first, filtered, keyset-paged, scoped to the viewer's teams
 * (a change is the viewer's when its number is, {@link Viewer#condition}).
 */
@Service
public class ChangeLog {

	public static final int PAGE_SIZE = 50;

	private final NamedParameterJdbcTemplate jdbc;

	private final PendingChanges changes;

	private final ChangesProperties properties;

	ChangeLog(NamedParameterJdbcTemplate jdbc, PendingChanges changes, ChangesProperties properties) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.properties = properties;
	}

	/**
	 * What to show: each part optional.
	 *
	 * @param overdue only changes still on their way longer than expected ({@link ChangesProperties#overdueAfter})
	 */
	public record Filter(@Nullable ChangeState state, @Nullable String requestedBy, @Nullable String provider,
			@Nullable Long batchId, @Nullable Long numberId, boolean overdue) {

		/** The Changes page's parameter names: read by its controller, written by {@link #link}. */
		public static final String STATE = "state", USER = "user", PROVIDER = "provider", BATCH = "batch",
				OVERDUE = "overdue";

		public Filter(@Nullable ChangeState state, @Nullable String requestedBy, @Nullable String provider,
				@Nullable Long batchId, @Nullable Long numberId) {
			this(state, requestedBy, provider, batchId, numberId, false);
		}

		public static Filter inState(ChangeState state) {
			return new Filter(state, null, null, null, null, false);
		}

		public static Filter overdueOnes() {
			return new Filter(null, null, null, null, null, true);
		}

		/** The Changes page showing exactly these changes (a number's changes are on its own page). */
		public String link() {
			StringJoiner query = new StringJoiner("&");
			if (state != null) {
				query.add(STATE + "=" + state.name());
			}
			if (requestedBy != null) {
				query.add(USER + "=" + URLEncoder.encode(requestedBy, StandardCharsets.UTF_8));
			}
			if (provider != null) {
				query.add(PROVIDER + "=" + provider);
			}
			if (batchId != null) {
				query.add(BATCH + "=" + batchId);
			}
			if (overdue) {
				query.add(OVERDUE + "=true");
			}
			return query.length() == 0 ? "/changes" : "/changes?" + query;
		}
	}

	/** How many changes a filter holds, and the newest few: a worklist's line. */
	public record Flagged(long count, List<Change> first) {
	}

	/**
	 * A change overdue: still on its way longer than {@link ChangesProperties#overdueAfter} after it
	 * was asked for (PARTIAL waits for a person's retry: it is a line of its own). A release on hold
	 * is on time until its hold ends, and overdue that long after. Its states imply the predicate
	 * of pending_changes_open_idx (V2), so only the open changes are read (OverdueChangesIndexTests).
	 */
	static final String OVERDUE = """
			c.state in ('PENDING', 'IN_PROGRESS', 'WAITING_FOR_PROVIDER')
			and c.created_at < now() - cast(:overdueAfter as interval)
			and (c.kind <> 'RELEASE' or c.next_attempt_at is null or c.next_attempt_at < now() - cast(:overdueAfter as interval))""";

	/** How long a change may be on its way before it is overdue. */
	public Duration overdueAfter() {
		return properties.overdueAfter();
	}

	/**
	 * Exactly how many of this viewer's changes the Changes page shows for this filter, and the
	 * newest {@code first} of them. FAILED and PARTIAL are read through pending_changes_state_recent_idx
	 * (V5), overdue through pending_changes_open_idx (V2); a limited viewer's are joined to
	 * their numbers by primary key.
	 */
	@Transactional(readOnly = true)
	public Flagged flagged(Viewer viewer, Filter filter, int first) {
		MapSqlParameterSource params = new MapSqlParameterSource("limit", first);
		String condition = String.join(" and ", where(viewer, filter, params));
		// everyone's changes need no look at their numbers to be counted
		String from = viewer.limited() ? "pending_changes c join phone_numbers p on p.id = c.phone_number_id"
				: "pending_changes c";
		Long count = jdbc.queryForObject("select count(*) from " + from + " where " + condition, params, Long.class);
		if (count == null || count == 0) {
			return new Flagged(0, List.of());
		}
		return new Flagged(count, jdbc.query(PendingChanges.SELECT + " where " + condition
				+ " order by c.created_at desc, c.id desc limit :limit", params, changes::change));
	}

	/**
	 * This viewer's changes in a state that moved there at or after {@code since} (their last update):
	 * the failed or partly applied changes an alert's window sees, how many and the newest few. The state's rows
	 * are found through pending_changes_state_recent_idx (V5); FAILED and PARTIAL are few.
	 */
	@Transactional(readOnly = true)
	public Flagged flaggedSince(Viewer viewer, ChangeState state, Instant since, int first) {
		MapSqlParameterSource params = new MapSqlParameterSource("limit", first).addValue("since", Timestamp.from(since));
		String condition = String.join(" and ", where(viewer, Filter.inState(state), params)) + " and c.updated_at >= :since";
		String from = viewer.limited() ? "pending_changes c join phone_numbers p on p.id = c.phone_number_id"
				: "pending_changes c";
		Long count = jdbc.queryForObject("select count(*) from " + from + " where " + condition, params, Long.class);
		if (count == null || count == 0) {
			return new Flagged(0, List.of());
		}
		return new Flagged(count, jdbc.query(PendingChanges.SELECT + " where " + condition
				+ " order by c.updated_at desc, c.id desc limit :limit", params, changes::change));
	}

	private List<String> where(Viewer viewer, Filter filter, MapSqlParameterSource params) {
		List<String> where = new ArrayList<>();
		where.add(viewer.condition(params));
		if (filter.state() != null) {
			where.add("c.state = :state");
			params.addValue("state", filter.state().name());
		}
		if (filter.requestedBy() != null) {
			where.add("c.requested_by = :by");
			params.addValue("by", filter.requestedBy());
		}
		if (filter.provider() != null) {
			where.add("c.provider = :provider");
			params.addValue("provider", filter.provider());
		}
		if (filter.batchId() != null) {
			where.add("c.batch_id = :batch");
			params.addValue("batch", filter.batchId());
		}
		if (filter.numberId() != null) {
			where.add("c.phone_number_id = :number");
			params.addValue("number", filter.numberId());
		}
		if (filter.overdue()) {
			where.add("(" + OVERDUE + ")");
			params.addValue("overdueAfter", properties.overdueAfter().toSeconds() + " seconds");
		}
		return where;
	}

	/** A page of changes and the cursor of the next one. */
	public record Page(List<Change> changes, @Nullable String next, boolean anyOpen) {
	}

	@Transactional(readOnly = true)
	public Page page(Viewer viewer, Filter filter, @Nullable String before) {
		MapSqlParameterSource params = new MapSqlParameterSource("limit", PAGE_SIZE + 1);
		List<String> where = where(viewer, filter, params);
		Cursor cursor = Cursor.decode(before);
		if (cursor != null) {
			where.add("(c.created_at, c.id) < (:beforeAt, :beforeId)");
			params.addValue("beforeAt", Timestamp.from(cursor.at())).addValue("beforeId", cursor.id());
		}
		List<Change> rows = new ArrayList<>(jdbc.query(PendingChanges.SELECT + " where " + String.join(" and ", where)
				+ " order by c.created_at desc, c.id desc limit :limit", params, changes::change));
		String next = null;
		if (rows.size() > PAGE_SIZE) {
			rows.remove(rows.size() - 1);
			Change last = rows.get(rows.size() - 1);
			next = new Cursor(last.createdAt(), last.id()).encode();
		}
		return new Page(rows, next, rows.stream().anyMatch(Change::open));
	}

	/**
	 * Who has asked for the changes this viewer may see: the requester filter's choices. A person
	 * limited to teams does not learn who edits other teams' numbers.
	 */
	@Transactional(readOnly = true)
	public List<String> requesters(Viewer viewer) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String scope = viewer.condition(params);
		// everyone's changes need no look at their numbers
		String from = viewer.limited() ? "pending_changes c join phone_numbers p on p.id = c.phone_number_id"
				: "pending_changes c";
		return jdbc.queryForList("select distinct c.requested_by from " + from + " where c.requested_by is not null and "
				+ scope + " order by 1 limit 200", params, String.class);
	}

	/** A keyset position: "epochMicros.id"; anything else is no cursor (the first page). */
	record Cursor(Instant at, long id) {

		String encode() {
			long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
			return micros + "." + id;
		}

		static @Nullable Cursor decode(@Nullable String text) {
			if (text == null || !text.matches("\\d{1,19}\\.\\d{1,19}")) {
				return null;
			}
			try {
				String[] parts = text.split("\\.");
				long micros = Long.parseLong(parts[0]);
				return new Cursor(Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000),
						Long.parseLong(parts[1]));
			}
			catch (NumberFormatException tooBig) {
				return null;
			}
		}
	}
}

package com.numberops.portal.numbers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.numbers.NumberFilter.Parameter;

/**
 * Numbers that need someone's attention, as a worklist counts them: each line is a Numbers page
 * address (its filter parameters), counted exactly with the page's own condition
 * ({@link NumberQueries#where}), so a count and the page its link opens always agree, plus the
 * newest few matches. Every line is read through a partial index whose predicate the page's
 * condition implies (V15 says which serves which; WorklistIndexesTests holds them to it): a count costs the flagged rows, not the fleet.
 */
@Service
public class FlaggedNumbers {

	/** How many numbers a line holds, the first few, and the Numbers page that lists them all. */
	public record Flagged(long count, List<FlaggedNumber> first, String link) {
	}

	/** One number of a line: its page, what to say about it, and the time the line is ordered by. */
	public record FlaggedNumber(long id, String number, @Nullable String name, @Nullable String detail,
			@Nullable Instant at) {

		public String link() {
			return "/numbers/" + id;
		}
	}

	/** A line of failed provisionings: one carrier error code. */
	public record FailedWith(String code, Flagged flagged) {
	}

	/** What a line says of each number and in which order it lists them. */
	public enum Line {

		/** SMS warmup in a state: the most recently changed first, with the reason it paused or is unhealthy. */
		SMS_WARMUP("p.modified_at", "p.modified_at desc, p.id desc", "coalesce(p.warmup_pause_reason, p.health_reason)", ""),
		/** Call warmup in a state: likewise. */
		CALL_WARMUP("p.modified_at", "p.modified_at desc, p.id desc",
				"coalesce(p.call_warmup_pause_reason, p.call_warmup_health_reason)", ""),
		/** A held release: the one whose hold ends first, first, with its reason. */
		RELEASE("p.provider_release_scheduled_at", "p.provider_release_scheduled_at, p.id", "p.provider_release_reason", ""),
		/**
		 * Changed at the carrier: the latest such change first, with what changed. Its first numbers
		 * are read by {@link FlaggedNumbers#newestDrift}; this join is the way for a line crowded by
		 * one number's changes.
		 */
		DRIFT("d.created_at", "d.created_at desc, p.id desc",
				"d.title || coalesce(': ' || coalesce(d.before_value, '(none)') || ' → ' || coalesce(d.after_value, '(none)'), '')",
				"""
						 cross join lateral (select e.created_at, e.title, e.before_value, e.after_value from number_events e
						     where e.phone_number_id = p.id and %s order by e.created_at desc, e.id desc limit 1) d"""
					.formatted(NumberQueries.DRIFT_EVENT)),
		/** Gone from the carrier: the latest to go first. */
		VANISHED("p.provider_missing_since", "p.provider_missing_since desc, p.id desc", "p.provider", "");

		private final String at;

		private final String order;

		private final String detail;

		private final String join;

		Line(String at, String order, String detail, String join) {
			this.at = at;
			this.order = order;
			this.detail = detail;
			this.join = join;
		}
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final FleetCounts counts;

	FlaggedNumbers(NamedParameterJdbcTemplate jdbc, FleetCounts counts) {
		this.jdbc = jdbc;
		this.counts = counts;
	}

	/**
	 * The numbers of this viewer that the Numbers page shows for these parameters: exactly how many,
	 * and the first {@code first} in the line's order.
	 *
	 * @param parameters Numbers page parameters ({@link Parameter} keys); they must be valid
	 */
	@Transactional(readOnly = true)
	public Flagged matching(Viewer viewer, Map<Parameter, String> parameters, Line line, int first) {
		Map<String, String> raw = new LinkedHashMap<>();
		parameters.forEach((parameter, value) -> raw.put(parameter.key(), value));
		NumberQueries.Request request = NumberQueries.parse(raw);
		if (!request.valid()) {
			throw new IllegalArgumentException("Not a Numbers page filter: " + request.problems());
		}
		MapSqlParameterSource params = new MapSqlParameterSource("first", first);
		String where = NumberQueries.where(viewer, request.filter(), params);
		CustomPlans.forThisTransaction(jdbc.getJdbcTemplate());
		// the maintained counts where they hold the answer (the same condition, kept by triggers),
		// else the flagged rows through their partial index
		OptionalLong maintained = counts.counted(viewer, parameters);
		Long count = maintained.isPresent() ? maintained.getAsLong()
				: jdbc.queryForObject("select count(*) from phone_numbers p where " + where, params, Long.class);
		List<FlaggedNumber> rows = List.of();
		if (count != null && count > 0) {
			List<FlaggedNumber> walked = line == Line.DRIFT && request.filter().drift() != null ? newestDrift(viewer, raw, request.filter().drift(), first) : null;
			rows = walked != null ? walked : jdbc.query("select p.id, p.number, p.name, %s as detail, %s as at from phone_numbers p %s where %s order by %s limit :first"
					.formatted(line.detail, line.at, line.join, where, line.order), params, FlaggedNumbers::flaggedNumber);
		}
		return new Flagged(count == null ? 0 : count, rows, link(raw));
	}

	/** Carrier changes walked for a drift line's first numbers, per number shown. */
	static final int DRIFT_WALK = 4;

	/**
	 * A drift line's first numbers from a short walk of the window's carrier changes, newest first
	 * (number_events_drift_idx), each number at its newest: the line's order. Through the numbers,
	 * the line joins each of them (a thousand a day at a million numbers) to its latest change and
	 * sorts them all: 4-5 ms a dashboard. Null when the walk ended short of {@code first} numbers
	 * because a few numbers changed many times: the caller then takes the join.
	 */
	private @Nullable List<FlaggedNumber> newestDrift(Viewer viewer, Map<String, String> raw, Duration window,
			int first) {
		Map<String, String> others = new LinkedHashMap<>(raw);
		others.remove(Parameter.DRIFT.key());
		MapSqlParameterSource params = new MapSqlParameterSource("walk", first * DRIFT_WALK).addValue("drift",
				NumberQueries.interval(window));
		String where = NumberQueries.where(viewer, NumberQueries.parse(others).filter(), params);
		// a number's newest change comes first among its own (ties as the join breaks them: by event id)
		List<FlaggedNumber> walked = jdbc.query("""
				select p.id, p.number, p.name, %s as detail, d.created_at as at
				from (select e.id, e.phone_number_id, e.created_at, e.title, e.before_value, e.after_value from number_events e
				      where %s and e.created_at >= now() - cast(:drift as interval)) d
				join phone_numbers p on p.id = d.phone_number_id
				where %s
				order by d.created_at desc, p.id desc, d.id desc limit :walk"""
			.formatted(Line.DRIFT.detail, NumberQueries.DRIFT_EVENT, where), params, FlaggedNumbers::flaggedNumber);
		Map<Long, FlaggedNumber> newest = new LinkedHashMap<>();
		walked.forEach(number -> newest.putIfAbsent(number.id(), number));
		if (newest.size() < first && walked.size() == first * DRIFT_WALK) {
			return null;
		}
		return newest.values().stream().limit(first).toList();
	}

	private static FlaggedNumber flaggedNumber(ResultSet rs, int row) throws SQLException {
		return new FlaggedNumber(rs.getLong("id"), rs.getString("number"), rs.getString("name"), rs.getString("detail"),
				instant(rs.getTimestamp("at")));
	}

	/**
	 * This viewer's failed provisionings (SMS or voice), one line per carrier error code, the code
	 * with the most numbers first; a number failing with two codes is on both lines, once on each.
	 * Each line equals the Numbers page of {@code provisioningError=<code>}: its count is the
	 * maintained one ({@link FleetCounts#provisioningFailures}), its first numbers the most recently
	 * changed, each code's a walk of phone_numbers_provisioning_failed_idx (V15) in that order.
	 */
	@Transactional(readOnly = true)
	public List<FailedWith> failedProvisioning(Viewer viewer, int first) {
		Map<String, Long> totals = counts.provisioningFailures(viewer);
		if (totals.isEmpty()) {
			return List.of();
		}
		CustomPlans.forThisTransaction(jdbc.getJdbcTemplate());
		Map<String, List<FlaggedNumber>> firsts = new LinkedHashMap<>();
		// the newest failures first, a short walk of phone_numbers_provisioning_failed_idx in its
		// order: common codes find their first few there. Asked per code over the whole index, the
		// planner estimates one match a code, sorts every number in provisioning instead (7,000
		// heap reads a code at a million numbers, 200 ms) and is right only for rare codes.
		newestFailures(viewer, totals.keySet(), first, "limit :window", firsts);
		List<String> rare = totals.entrySet()
			.stream()
			.filter(code -> firsts.getOrDefault(code.getKey(), List.of()).size() < Math.min(first, code.getValue()))
			.map(Map.Entry::getKey)
			.toList();
		if (!rare.isEmpty()) {
			rare.forEach(firsts::remove);
			newestFailures(viewer, rare, first, "", firsts);
		}
		List<FailedWith> lines = new ArrayList<>();
		totals.forEach((code, total) -> {
			Map<String, String> raw = Map.of(Parameter.PROVISIONING_ERROR.key(), code);
			lines.add(new FailedWith(code, new Flagged(total, List.copyOf(firsts.getOrDefault(code, List.of())), link(raw))));
		});
		return lines;
	}

	/** Failed numbers scanned in a first pass for the worklist's newest few per code. */
	static final int NEWEST_FAILURES = 200;

	/**
	 * Each code's newest {@code first} failed numbers into {@code firsts}, looked for among the
	 * newest {@link #NEWEST_FAILURES} failures ({@code limit :window}) or among all ({@code ""}).
	 */
	private void newestFailures(Viewer viewer, Collection<String> codes, int first, String window,
			Map<String, List<FlaggedNumber>> firsts) {
		MapSqlParameterSource params = new MapSqlParameterSource("first", first).addValue("window", NEWEST_FAILURES)
			.addValue("codes", codes.toArray(String[]::new));
		String scope = viewer.condition(params);
		String sql = """
				with failed as materialized (
				    select p.id, p.modified_at, p.sms_provisioning_status, p.voice_provisioning_status,
				           p.sms_provisioning_error_codes, p.voice_provisioning_error_codes
				    from phone_numbers p
				    where %3$s and %4$s
				    order by p.modified_at desc, p.id desc %5$s)
				select c.code, x.id, n.number, n.name, x.modified_at, x.channels
				from unnest(cast(:codes as text[])) c(code)
				cross join lateral (
				    select p.id, p.modified_at,
				           concat_ws(' and ', case when %1$s then 'SMS' end, case when %2$s then 'Voice' end) as channels
				    from failed p
				    where %1$s or %2$s
				    order by p.modified_at desc, p.id desc limit :first) x
				join phone_numbers n on n.id = x.id
				order by c.code, x.modified_at desc, x.id desc"""
			.formatted(NumberQueries.failedWith("sms", "c.code"), NumberQueries.failedWith("voice", "c.code"),
					NumberQueries.PROVISIONING_FAILED, scope, window);
		jdbc.query(sql, params, rs -> {
			firsts.computeIfAbsent(rs.getString("code"), c -> new ArrayList<>())
				.add(new FlaggedNumber(rs.getLong("id"), rs.getString("number"), rs.getString("name"),
						rs.getString("channels") + " provisioning failed", instant(rs.getTimestamp("modified_at"))));
		});
	}

	/**
	 * This viewer's numbers failing provisioning (SMS or voice) with this carrier error code whose row
	 * last moved at or after {@code since}: the failures an alert's window sees. A number's row moves
	 * when the failure is recorded, so a failure older than the window is not counted again because it
	 * still stands. Read through phone_numbers_provisioning_failed_idx (V15: modified_at desc), so only
	 * the failed rows of the window are visited. The link is the Numbers page of the code (the failures
	 * that stand now, a superset when older ones stand too).
	 */
	@Transactional(readOnly = true)
	public Flagged failedProvisioningSince(Viewer viewer, String code, Instant since, int first) {
		MapSqlParameterSource params = new MapSqlParameterSource("first", first).addValue("code", code)
			.addValue("since", Timestamp.from(since));
		String where = "%s and (%s or %s) and p.modified_at >= :since and %s".formatted(NumberQueries.PROVISIONING_FAILED,
				NumberQueries.failedWith("sms", ":code"), NumberQueries.failedWith("voice", ":code"),
				viewer.condition(params));
		Long count = jdbc.queryForObject("select count(*) from phone_numbers p where " + where, params, Long.class);
		List<FlaggedNumber> rows = (count == null || count == 0) ? List.of()
				: jdbc.query("select p.id, p.number, p.name, p.modified_at from phone_numbers p where " + where
						+ " order by p.modified_at desc, p.id desc limit :first", params,
						(rs, i) -> new FlaggedNumber(rs.getLong("id"), rs.getString("number"), rs.getString("name"),
								code, instant(rs.getTimestamp("modified_at"))));
		return new Flagged(count == null ? 0 : count, rows, link(Map.of(Parameter.PROVISIONING_ERROR.key(), code)));
	}

	/** The Numbers page of these parameters (in the order of {@link Parameter}). */
	static String link(Map<String, String> raw) {
		StringJoiner query = new StringJoiner("&");
		for (String key : Parameter.NAMES) {
			String value = raw.get(key);
			if (value != null) {
				query.add(key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
			}
		}
		return query.length() == 0 ? "/numbers" : "/numbers?" + query;
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}

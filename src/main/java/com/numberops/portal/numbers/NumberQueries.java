package com.numberops.portal.numbers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.numbers.NumberFilter.Parameter;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProvisioningErrors;

/**
 * The inventory's reads: parsing and checking what was asked, then one keyset-paged query per
 * page and one capped count, both scoped to the viewer's teams in SQL. Every filter maps onto an
 * indexed column; free text is bound, never concatenated.
 */
@Service
public class NumberQueries {

	/** Counting past this many matches costs more than it tells. */
	public static final int COUNT_CAP = 10_000;

	public static final int DEFAULT_PAGE_SIZE = 50;

	public static final NumberSort DEFAULT_SORT = NumberSort.NUMBER;

	public static final int MAX_PAGE_SIZE = 200;

	static final Set<String> ENABLEMENTS = Set.of("ENABLED", "DISABLED", "OVERRIDDEN", "NOT_OVERRIDDEN");

	/** What one inventory row reads: the same for a page and for the export. */
	private static final String ROW_SELECT = """
			select p.id, p.number, p.name, p.provider, p.country_code, p.number_type, p.inventory_state, p.status,
			       t.name as team_name, p.sms_service_plan_id, p.ten_dlc_campaign_id, p.warmup_state,
			       p.warmup_health_score, p.call_warmup_state, p.enabled, p.override_enabled, p.modified_at,
			       p.provider_account_id,
			       exists (select 1 from open_changes c where c.phone_number_id = p.id) as pending
			from phone_numbers p left join teams t on t.id = p.team_id
			""";

	private final NamedParameterJdbcTemplate jdbc;

	/** Fetches in batches: PostgreSQL streams a result set only with a fetch size, in a transaction. */
	private final NamedParameterJdbcTemplate streaming;

	NumberQueries(NamedParameterJdbcTemplate jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		JdbcTemplate batches = new JdbcTemplate(dataSource);
		batches.setFetchSize(1000);
		this.streaming = new NamedParameterJdbcTemplate(batches);
	}

	/**
	 * A request, checked: what to query, or the reasons it cannot be.
	 *
	 * @param after the page's cursor: the page starts after it, or, {@code backward}, ends before it
	 *     (the Previous page)
	 */
	public record Request(NumberFilter filter, NumberSort sort, @Nullable NumberCursor after, int pageSize,
			List<String> problems, boolean backward) {

		public Request(NumberFilter filter, NumberSort sort, @Nullable NumberCursor after, int pageSize,
				List<String> problems) {
			this(filter, sort, after, pageSize, problems, false);
		}

		public boolean valid() {
			return problems.isEmpty();
		}
	}

	/** Reads the inventory's URL parameters; anything unreadable becomes a problem to show, never an error. */
	public static Request parse(Map<String, String> params) {
		List<String> problems = new ArrayList<>();
		Parser p = new Parser(params, problems);
		String q = p.text(Parameter.Q.key(), 100);
		String digits = null;
		String name = null;
		if (q != null) {
			if (q.matches("[+\\d\\s().-]+")) {
				digits = q.replaceAll("\\D", "");
				if (digits.length() < 3) {
					problems.add("Type at least 3 digits to search numbers.");
				}
			}
			else if (q.codePointCount(0, q.length()) < 3) {
				problems.add("Type at least 3 characters to search names.");
			}
			else {
				name = q;
			}
		}
		NumberSort sort = p.choice("sort", NumberSort::fromParam, DEFAULT_SORT, "sort");
		NumberFilter filter = new NumberFilter(digits, name,
				p.choice(Parameter.PROVIDER.key(), v -> optionalEnum(ProviderKind.class, v), null, "provider"), p.id(Parameter.ACCOUNT.key()),
				p.pattern(Parameter.REGION.key(), "[A-Z]{2}", "a two-letter region such as US"),
				p.among(Parameter.TYPE.key(), Set.of("LOCAL", "MOBILE", "TOLL_FREE")), p.among(Parameter.CAPABILITY.key(), Set.of("SMS", "VOICE")),
				p.choice(Parameter.STATE.key(), v -> optional(() -> InventoryState.fromValue(v)), null, "inventory state"),
				p.choice(Parameter.STATUS.key(), v -> optional(() -> NumberStatus.fromValue(v)), null, "status"), p.team(Parameter.TEAM.key()),
				p.text(Parameter.CAMPAIGN.key(), 100), p.text(Parameter.PLAN.key(), 100), p.text(Parameter.TENDLC.key(), 100), p.among(Parameter.WARMUP.key(), Set.copyOf(WarmupState.labels())),
				p.among(Parameter.CALL_WARMUP.key(), Set.copyOf(CallWarmupState.labels())), p.among(Parameter.ENABLEMENT.key(), ENABLEMENTS), p.flag(Parameter.PENDING.key()),
				p.flag(Parameter.FAILED.key()), p.code(Parameter.PROVISIONING_ERROR.key()), p.period(Parameter.RELEASE_WITHIN.key()),
				p.period(Parameter.DRIFT.key()), p.period(Parameter.VANISHED.key()), p.stage(Parameter.CALL_STAGE.key()),
				p.noTeam(Parameter.TEAM.key()));
		NumberCursor after = null;
		String token = params.get("after");
		String before = params.get("before");
		boolean backward = false;
		if (before != null && !before.isBlank()) {
			if (token != null && !token.isBlank()) {
				problems.add("That page link is not valid (any more): start again from the first page.");
			}
			token = before;
			backward = true;
		}
		if (token != null && !token.isBlank()) {
			after = NumberCursor.decode(token.strip(), sort).orElse(null);
			if (after == null) {
				problems.add("That page link is not valid (any more): start again from the first page.");
			}
		}
		int size = DEFAULT_PAGE_SIZE;
		String sizeParam = params.get("size");
		if (sizeParam != null && !sizeParam.isBlank()) {
			try {
				size = Integer.parseInt(sizeParam.strip());
				if (size < 1 || size > MAX_PAGE_SIZE) {
					problems.add("Page size must be between 1 and " + MAX_PAGE_SIZE + ".");
					size = DEFAULT_PAGE_SIZE;
				}
			}
			catch (NumberFormatException notANumber) {
				problems.add("Page size must be a number.");
			}
		}
		return new Request(filter, sort, after, size, List.copyOf(problems), backward);
	}

	/**
	 * A block sample of 0.5% of the table. Counting a common match up to the cap means finding
	 * 10,001 matching rows: a name found in one number of five was 40 ms of filtering 50,000 rows
	 * at a million numbers (inventory benchmark), where this sample reads ~5,000.
	 */
	static final String SAMPLE = "tablesample system (0.5) repeatable (0)";

	/**
	 * Sample hits that make "more than the cap" certain: 500 of a 0.5% sample estimate 100,000,
	 * ten times the cap. For a sample that large to come from at most 10,000 matching rows they
	 * would have to be packed into a few hundred blocks and the sample hit five times its
	 * expected share of them (Poisson(1.3) reaching 14: about one in a billion). Below it the
	 * matches are counted.
	 */
	static final int SAMPLE_HITS_SURE = 500;

	/**
	 * Rows a sample must read before its share of matches says how to plan a text search: fewer
	 * (a mirror under ~200,000 numbers) and the planner is left to it, as every plan is quick there.
	 */
	static final int SAMPLE_ROWS_TO_PLAN = 1_000;

	/**
	 * A text search matching one row in this many or more is "dense". Measured at a million
	 * numbers (inventory benchmark): "206" (1.5%) took 1 ms walking the sort order and 78 ms
	 * fetching every trigram match to sort them; "5550" (0.17%) took 14 ms fetching its matches
	 * and 110-130 ms walking; "555" (0.5%) 15 ms either way.
	 */
	static final int DENSE_ONE_IN = 200;

	/** What a page's sample read: the rows matching the page's conditions, and all rows it read. */
	record Sample(long hits, long read) {

		boolean sureOfMoreThanTheCap() {
			return hits >= SAMPLE_HITS_SURE;
		}

		/** Dense, sparse, or null when the sample read too few rows to say. */
		@Nullable Boolean dense() {
			return read < SAMPLE_ROWS_TO_PLAN ? null : hits * DENSE_ONE_IN >= read;
		}
	}

	/**
	 * The statements of one page, exactly as {@link #page} runs them (the benchmark times them
	 * raw, through {@link #run}).
	 */
	record PageSql(String rows, String sample, String count, MapSqlParameterSource params) {
	}

	static PageSql pageSql(Viewer viewer, Request request) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(viewer, request.filter(), params);
		NumberSort sort = request.sort();
		String keyset = "";
		// a Previous page walks the sort order the other way from its cursor; run() turns it round
		boolean descending = sort.descending() != request.backward();
		if (request.after() != null) {
			keyset = " and (" + sort.key() + ", p.id) " + (descending ? "<" : ">") + " (:afterKey, :afterId)";
			params.addValue("afterKey", keyValue(sort, request.after().key()));
			params.addValue("afterId", request.after().id());
		}
		String direction = descending ? " desc" : "";
		params.addValue("limit", request.pageSize() + 1);
		String rows = ROW_SELECT + """
				where %s%s
				order by %s%s, p.id%s
				limit :limit""".formatted(where, keyset, sort.key(), direction, direction);
		String sample = "select count(*) filter (where " + where + "), count(*) from phone_numbers p " + SAMPLE;
		String count = "select count(*) from (select 1 from phone_numbers p where " + where + " limit " + (COUNT_CAP + 1)
				+ ") capped";
		return new PageSql(rows, sample, count, params);
	}

	/** One page for this viewer: rows in sort order after the cursor, and how many match in all. */
	@Transactional(readOnly = true)
	public NumberListPage page(Viewer viewer, Request request) {
		if (!request.valid()) {
			return new NumberListPage(List.of(), null, 0, false);
		}
		return run(jdbc, request, pageSql(viewer, request));
	}

	/**
	 * Runs a page's statements in the caller's transaction. The number of matches comes the
	 * cheapest way that is still exact up to the cap: a first page that is not full holds every
	 * match; a sample that is sure of far more than the cap says "more than"; otherwise a count
	 * that stops at the cap. A text search samples first, to plan its rows (see {@link #planRows}).
	 */
	static NumberListPage run(NamedParameterJdbcTemplate jdbc, Request request, PageSql sql) {
		CustomPlans.forThisTransaction(jdbc.getJdbcTemplate());
		List<NumberRow> rows = new ArrayList<>(request.pageSize() + 1);
		Runnable readRows = () -> jdbc.query(sql.rows(), sql.params(), (RowCallbackHandler) rs -> rows.add(row(rs, 0)));
		Sample sample = null;
		if (request.filter().searchesText()) {
			sample = sample(jdbc, sql);
			planRows(jdbc, sample, readRows);
		}
		else {
			readRows.run();
		}
		boolean wholeAnswer = request.after() == null && rows.size() <= request.pageSize();
		boolean more = rows.size() > request.pageSize();
		if (more) {
			rows.remove(rows.size() - 1);
		}
		if (request.backward()) {
			Collections.reverse(rows);
		}
		// forward: more rows lie ahead, and behind when the page started at a cursor; backward: the
		// page it came from lies ahead, and more behind only when the walk back found them
		boolean ahead = request.backward() ? !rows.isEmpty() : more;
		boolean behind = request.backward() ? more : request.after() != null && !rows.isEmpty();
		String next = ahead ? cursor(request.sort(), rows.get(rows.size() - 1)) : null;
		String previous = behind ? cursor(request.sort(), rows.get(0)) : null;
		if (wholeAnswer) {
			return new NumberListPage(rows, next, rows.size(), false, previous);
		}
		if (sample == null) {
			sample = sample(jdbc, sql);
		}
		if (sample.sureOfMoreThanTheCap()) {
			return new NumberListPage(rows, next, COUNT_CAP, true, previous);
		}
		Long counted = jdbc.queryForObject(sql.count(), sql.params(), Long.class);
		long matches = counted == null ? 0 : counted;
		return new NumberListPage(rows, next, Math.min(matches, COUNT_CAP), matches > COUNT_CAP, previous);
	}

	private static String cursor(NumberSort sort, NumberRow row) {
		return new NumberCursor(sort, keyOf(sort, row), row.id()).encode();
	}

	static Sample sample(NamedParameterJdbcTemplate jdbc, PageSql sql) {
		Sample sample = jdbc.queryForObject(sql.sample(), sql.params(), (rs, i) -> new Sample(rs.getLong(1), rs.getLong(2)));
		return sample == null ? new Sample(0, 0) : sample;
	}

	/**
	 * Digits anywhere in a number, words anywhere in a name: PostgreSQL cannot estimate how many
	 * rows such a pattern matches, and picks between walking the sort order until a page is full,
	 * fetching every match from the trigram index to sort them, and reading the whole table, by a
	 * guess that was off by 100x either way. "5550" took 14 ms or 140 ms at a million numbers
	 * depending on which rows ANALYZE had sampled, and a dense pattern guessed rare read the
	 * whole table in 250 ms (inventory benchmark). The page's own sample measures it instead: a
	 * dense match fills a page after a short walk of the sort order; a sparse one is cheaper
	 * fetched. The settings are local to the page's read-only transaction.
	 */
	private static void planRows(NamedParameterJdbcTemplate jdbc, Sample sample, Runnable rows) {
		Boolean dense = sample.dense();
		if (dense == null) {
			rows.run();
			return;
		}
		jdbc.getJdbcTemplate().execute(rowPlan(dense));
		rows.run();
		if (dense) {
			// a capped count of a dense match is quickest from the trigram index again; after a
			// sparse one, the settings stay: so is its count
			jdbc.getJdbcTemplate().execute(WALK.stream().collect(Collectors.joining("', '",
					"select set_config(name, reset_val, true) from pg_settings where name in ('", "')")));
		}
	}

	/** The settings that leave a dense match only the walk, a sparse one only the fetch (or the table). */
	static String rowPlan(boolean dense) {
		return (dense ? WALK : FETCH).stream()
			.map(name -> "set_config('" + name + "', 'off', true)")
			.collect(Collectors.joining(", ", "select ", ""));
	}

	/** Turned off for a dense match: all that is left is walking an index in the sort order. */
	private static final List<String> WALK = List.of("enable_bitmapscan", "enable_seqscan");

	/** Turned off for a sparse match: all that is left is fetching the matches (or reading the table). */
	private static final List<String> FETCH = List.of("enable_indexscan", "enable_indexonlyscan");

	/**
	 * Every match in sort order, streamed row by row (the CSV export): the driver fetches in
	 * batches inside a read-only transaction, so a million rows never sit in memory.
	 */
	@Transactional(readOnly = true)
	public void stream(Viewer viewer, NumberFilter filter, NumberSort sort, Consumer<NumberRow> sink) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(viewer, filter, params);
		String direction = sort.descending() ? " desc" : "";
		streaming.query(ROW_SELECT + """
				where %s
				order by %s%s, p.id%s""".formatted(where, sort.key(), direction, direction), params,
				(RowCallbackHandler) rs -> sink.accept(row(rs, 0)));
	}

	/**
	 * The ids of the first {@code limit} matches, in id order (a bulk edit of "all that match"):
	 * the same scope and filters as the page, without its row reads. Asking for one more than
	 * allowed tells the caller the selection is too large without reading all of it.
	 */
	@Transactional(readOnly = true)
	public List<Long> ids(Viewer viewer, NumberFilter filter, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(viewer, filter, params);
		params.addValue("limit", limit);
		CustomPlans.forThisTransaction(jdbc.getJdbcTemplate());
		return jdbc.queryForList("select p.id from phone_numbers p where " + where + " order by p.id limit :limit", params,
				Long.class);
	}

	/** The viewer's scope and the filters, as a SQL condition on phone_numbers p. */
	static String where(Viewer viewer, NumberFilter f, MapSqlParameterSource params) {
		List<String> conditions = new ArrayList<>();
		conditions.add("true");
		if (viewer.limited()) {
			conditions.add(viewer.condition(params));
		}
		if (f.digits() != null) {
			conditions.add("p.number like :digits");
			params.addValue("digits", "%" + f.digits() + "%");
		}
		if (f.name() != null) {
			conditions.add("p.name ilike :name");
			params.addValue("name", "%" + likeEscaped(f.name()) + "%");
		}
		equal(conditions, params, "p.provider", "provider", f.provider() == null ? null : f.provider().name());
		equal(conditions, params, "p.provider_account_id", "account", f.accountId());
		equal(conditions, params, "p.country_code", "region", f.region());
		equal(conditions, params, "p.number_type", "type", f.type());
		if ("SMS".equals(f.capability())) {
			conditions.add("p.cap_sms");
		}
		else if ("VOICE".equals(f.capability())) {
			conditions.add("p.cap_voice");
		}
		equal(conditions, params, "p.inventory_state", "state", f.inventoryState() == null ? null : f.inventoryState().value());
		equal(conditions, params, "p.status", "status", f.status() == null ? null : f.status().value());
		equal(conditions, params, "p.team_id", "team", f.teamId());
		if (f.noTeam()) {
			conditions.add("p.team_id is null");
		}
		equal(conditions, params, "p.campaign_id", "campaign", f.campaign());
		equal(conditions, params, "p.sms_service_plan_id", "plan", f.servicePlan());
		equal(conditions, params, "p.ten_dlc_campaign_id", "tendlc", f.tenDlcCampaign());
		warmup(conditions, params, "p.warmup_state", "warmup", f.warmupState());
		warmup(conditions, params, "p.call_warmup_state", "callWarmup", f.callWarmupState());
		equal(conditions, params, "p.call_warmup_stage", "callStage", f.callStage());
		if (f.enablement() != null) {
			conditions.add(switch (f.enablement()) {
				case "ENABLED" -> Enablement.sql("p.");
				case "DISABLED" -> "not " + Enablement.sql("p.");
				case "OVERRIDDEN" -> "p.override_enabled is not null";
				default -> "p.override_enabled is null";
			});
		}
		if (f.pendingChange()) {
			// open_changes: the changes module's published view of its open changes (docs/architecture.md)
			conditions.add("exists (select 1 from open_changes c where c.phone_number_id = p.id)");
		}
		if (f.provisioningFailed()) {
			conditions.add(PROVISIONING_FAILED);
		}
		if (f.provisioningError() != null) {
			conditions.add(PROVISIONING_FAILED + " and (" + failedWith("sms", ":provisioningError") + " or " + failedWith("voice", ":provisioningError") + ")");
			params.addValue("provisioningError", f.provisioningError());
		}
		if (f.releaseWithin() != null) {
			conditions.add(RELEASE_HELD + " and p.provider_release_scheduled_at <= now() + cast(:releaseWithin as interval)");
			params.addValue("releaseWithin", interval(f.releaseWithin()));
		}
		if (f.drift() != null) {
			// the window's events first (a few thousand through number_events_drift_idx), then their
			// numbers by key: as a semi-join, the planner walked a whole team's numbers instead
			// (214,000 index entries for one team at a million numbers, 0.7-1 s on a cold cache)
			conditions.add("p.id = any(array(select e.phone_number_id from number_events e where " + DRIFT_EVENT
					+ " and e.created_at >= now() - cast(:drift as interval)))");
			params.addValue("drift", interval(f.drift()));
		}
		if (f.vanished() != null) {
			conditions.add("p.provider_missing_since >= now() - cast(:vanished as interval)");
			params.addValue("vanished", interval(f.vanished()));
		}
		return String.join(" and ", conditions);
	}

	/**
	 * A failed SMS or voice provisioning: it implies the predicate of phone_numbers_provisioning_idx
	 * (V1), so the count and the grouping by code read only the unsettled rows.
	 */
	static final String PROVISIONING_FAILED = "(p.sms_provisioning_status = 'FAILED' or p.voice_provisioning_status = 'FAILED')";

	/** A release on hold, not yet carried out: the predicate of phone_numbers_release_hold_idx (V15). */
	static final String RELEASE_HELD = "p.provider_release_scheduled_at is not null and p.provider_released_at is null";

	/**
	 * A timeline line of a change made at the carrier, not by the portal: the sync or a webhook found
	 * the carrier's state different from the mirror's. The predicate of number_events_drift_idx (V15).
	 */
	static final String DRIFT_EVENT = "e.type = 'PROVIDER_CHANGED' and e.source in ('PROVIDER_SYNC', 'WEBHOOK')";

	/**
	 * The failed provisioning of one channel carries the code (an SQL expression: a parameter, a
	 * column); no code at all counts as the unspecified one. V17's provisioning_failure_codes
	 * spells the same for the maintained counts.
	 */
	static String failedWith(String channel, String code) {
		return "(p.%1$s_provisioning_status = 'FAILED' and %3$s = any(coalesce(nullif(p.%1$s_provisioning_error_codes, '{}'), '{%2$s}')))"
			.formatted(channel, ProvisioningErrors.UNSPECIFIED, code);
	}

	/** A period as PostgreSQL reads an interval. */
	static String interval(Duration period) {
		return period.toSeconds() + " seconds";
	}

	private static void equal(List<String> conditions, MapSqlParameterSource params, String column, String name,
			@Nullable Object value) {
		if (value != null) {
			conditions.add(column + " = :" + name);
			params.addValue(name, value);
		}
	}

	/**
	 * A number never warmed has no state and is Not Started (WarmupState.of), as the dashboard counts
	 * it; any other state stays a plain equality, which the warmup indexes serve.
	 */
	private static void warmup(List<String> conditions, MapSqlParameterSource params, String column, String name,
			@Nullable String state) {
		if (WarmupState.NOT_STARTED.label().equals(state)) {
			conditions.add("(" + column + " = :" + name + " or " + column + " is null)");
			params.addValue(name, state);
		}
		else {
			equal(conditions, params, column, name, state);
		}
	}

	static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static Object keyValue(NumberSort sort, String key) {
		return switch (sort) {
			case HEALTH -> Integer.parseInt(key);
			case MODIFIED -> Timestamp.from(Instant.parse(key));
			default -> key;
		};
	}

	private static String keyOf(NumberSort sort, NumberRow row) {
		return switch (sort) {
			case NUMBER -> row.number();
			case NAME -> row.name() == null ? "" : row.name();
			case MODIFIED -> row.modifiedAt().truncatedTo(ChronoUnit.MICROS).toString();
			case HEALTH -> String.valueOf(row.warmupHealthScore() == null ? -1 : row.warmupHealthScore());
		};
	}

	static NumberRow row(ResultSet rs, int i) throws SQLException {
		return new NumberRow(rs.getLong("id"), rs.getString("number"), rs.getString("name"), rs.getString("provider"),
				rs.getLong("provider_account_id"), rs.getString("country_code"), rs.getString("number_type"), rs.getString("inventory_state"),
				rs.getString("status"), rs.getString("team_name"), rs.getString("sms_service_plan_id"),
				rs.getString("ten_dlc_campaign_id"), rs.getString("warmup_state"), (Integer) rs.getObject("warmup_health_score"),
				rs.getString("call_warmup_state"), rs.getBoolean("enabled"), (Boolean) rs.getObject("override_enabled"),
				rs.getBoolean("pending"), rs.getTimestamp("modified_at").toInstant());
	}

	private static <E extends Enum<E>> java.util.Optional<E> optionalEnum(Class<E> type, String value) {
		try {
			return java.util.Optional.of(Enum.valueOf(type, value.toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException unknown) {
			return java.util.Optional.empty();
		}
	}

	private static <T> java.util.Optional<T> optional(java.util.function.Supplier<T> value) {
		try {
			return java.util.Optional.of(value.get());
		}
		catch (IllegalArgumentException unknown) {
			return java.util.Optional.empty();
		}
	}

	private static final Pattern PERIOD = Pattern.compile("(\\d{1,4})([hd])");

	/** Reads one parameter at a time, collecting problems instead of throwing. */
	private static final class Parser {

		/** {@code team=none}: the numbers of no team. */
		private static final String NO_TEAM = "none";

		private final Map<String, String> params;

		private final List<String> problems;

		Parser(Map<String, String> params, List<String> problems) {
			this.params = params;
			this.problems = problems;
		}

		@Nullable String raw(String name) {
			String value = params.get(name);
			return value == null || value.isBlank() ? null : value.strip();
		}

		@Nullable String text(String name, int max) {
			String value = raw(name);
			if (value == null) {
				return null;
			}
			if (value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
				problems.add("The " + name + " filter is too long or has characters it cannot contain.");
				return null;
			}
			return value;
		}

		@Nullable String pattern(String name, String regex, String expected) {
			String value = raw(name);
			if (value != null && !value.matches(regex)) {
				problems.add("Unknown " + name + " \"" + abbreviate(value) + "\": expected " + expected + ".");
				return null;
			}
			return value;
		}

		@Nullable String among(String name, Set<String> allowed) {
			String value = raw(name);
			if (value != null && !allowed.contains(value)) {
				problems.add("Unknown " + name + " \"" + abbreviate(value) + "\".");
				return null;
			}
			return value;
		}

		@Nullable Long id(String name) {
			String value = raw(name);
			if (value == null) {
				return null;
			}
			try {
				long id = Long.parseLong(value);
				if (id > 0) {
					return id;
				}
			}
			catch (NumberFormatException notANumber) {
				// reported below
			}
			problems.add("Unknown " + name + " \"" + abbreviate(value) + "\".");
			return null;
		}

		/** A carrier error code: upper-case letters, digits and underscores (ProvisioningErrors#looksLikeACode). */
		@Nullable String code(String name) {
			String value = raw(name);
			if (value != null && !ProvisioningErrors.looksLikeACode(value)) {
				problems.add("Unknown " + name + " \"" + abbreviate(value) + "\": expected a carrier error code such as CAMPAIGN_NOT_AVAILABLE.");
				return null;
			}
			return value;
		}

		/** A period such as 24h or 7d, from one hour to a year. */
		@Nullable Duration period(String name) {
			String value = raw(name);
			if (value == null) {
				return null;
			}
			Matcher period = PERIOD.matcher(value);
			if (period.matches()) {
				long amount = Long.parseLong(period.group(1));
				Duration duration = period.group(2).equals("h") ? Duration.ofHours(amount)
						: Duration.ofDays(amount);
				if (!duration.isZero() && duration.compareTo(Duration.ofDays(366)) <= 0) {
					return duration;
				}
			}
			problems.add("Unknown " + name + " \"" + abbreviate(value) + "\": expected a period such as 24h or 7d.");
			return null;
		}

		/** A team's id, or {@code none}: read by {@link #noTeam}. */
		@Nullable Long team(String name) {
			return NO_TEAM.equals(raw(name)) ? null : id(name);
		}

		boolean noTeam(String name) {
			return NO_TEAM.equals(raw(name));
		}

		/** A call warmup stage, 0-4. */
		@Nullable Integer stage(String name) {
			String value = raw(name);
			if (value == null) {
				return null;
			}
			if (value.matches("[0-4]")) {
				return Integer.parseInt(value);
			}
			problems.add("Unknown " + name + " \"" + abbreviate(value) + "\": expected a stage from 0 to 4.");
			return null;
		}

		boolean flag(String name) {
			String value = raw(name);
			return value != null && (value.equals("true") || value.equals("on") || value.equals("1"));
		}

		<T> @Nullable T choice(String name, Function<String, java.util.Optional<T>> read, @Nullable T fallback,
				String what) {
			String value = raw(name);
			if (value == null) {
				return fallback;
			}
			java.util.Optional<T> chosen = read.apply(value);
			if (chosen.isEmpty()) {
				problems.add("Unknown " + what + " \"" + abbreviate(value) + "\".");
				return fallback;
			}
			return chosen.get();
		}

		private static String abbreviate(String value) {
			return value.length() <= 40 ? value : value.substring(0, 40) + "…";
		}
	}
}

package com.numberops.portal.numbers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderNumber;

import tools.jackson.databind.json.JsonMapper;

/**
 * The set-wise side of {@link PhoneNumbers}, where a row at a time would not do at a million
 * numbers: reconciles one page of carrier numbers with the mirror (inserts the new, updates the
 * changed with one event per changed field, before → after, and writes nothing at all for the
 * unchanged; fields an open change holds keep the mirror's value), marks vanished numbers, and
 * re-derives status and inventory state.
 */
@Component
class CarrierMirror {

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final Clock clock;

	CarrierMirror(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** A mirror row as far as the sync is concerned. */
	private record Stored(long id, long version, @Nullable String hash, ProviderState state, MirrorFacts facts,
			String inventoryState, String status) {

		/** The derived columns also depend on the time (expireAt passing): stale ones are rewritten. */
		boolean derivedStaleAt(Instant now) {
			return !inventoryState.equals(facts.inventoryState(now).value()) || !status.equals(facts.status(now).value());
		}
	}

	PageOutcome write(ProviderAccount account, List<ProviderNumber> numbers, String source,
			Map<String, Long> teamsByName) {
		if (numbers.isEmpty()) {
			return PageOutcome.NONE;
		}
		Instant now = clock.instant();
		String[] ids = numbers.stream().map(ProviderNumber::providerNumberId).distinct().toArray(String[]::new);
		Map<String, Stored> stored = load(account.id(), ids);
		Map<Long, Set<String>> pending = pendingColumns(stored.values().stream().map(Stored::id).toList());

		List<ProviderNumber> created = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> events = new ArrayList<>();
		List<Object[]> staleDerived = new ArrayList<>();
		Set<String> seenInPage = new HashSet<>();
		int unchanged = 0;
		for (ProviderNumber number : numbers) {
			if (!seenInPage.add(number.providerNumberId())) {
				continue;
			}
			Stored row = stored.get(number.providerNumberId());
			if (row == null) {
				created.add(number);
				continue;
			}
			ProviderState wanted = ProviderState.of(number).keeping(row.state(), pending.getOrDefault(row.id(), Set.of()));
			String hash = wanted.hash();
			if (hash.equals(row.hash())) {
				if (row.derivedStaleAt(now)) {
					// nothing changed at the carrier, but time did (an expiry date passed)
					staleDerived.add(new Object[] { row.facts().inventoryState(now).value(), row.facts().status(now).value(),
							Timestamp.from(now), row.id(), row.version() });
				}
				unchanged++;
				continue;
			}
			List<String> changed = wanted.differences(row.state());
			MirrorFacts facts = withProviderState(row.facts(), wanted);
			updates.add(updateParameters(row, wanted, hash, facts, number, now));
			for (String column : changed) {
				events.add(new Object[] { row.id(), "PROVIDER_CHANGED",
						ProviderState.COLUMNS.get(column) + " changed at " + account.provider().label(), null, column,
						ProviderState.display(row.state().get(column)), ProviderState.display(wanted.get(column)), source,
						Timestamp.from(now) });
			}
		}
		int inserted = insert(account, created, teamsByName, now, source);
		int updated = 0;
		if (!updates.isEmpty()) {
			Set<Long> written = new HashSet<>(jdbc.queryForList("update phone_numbers p set "
					+ UPDATED_COLUMNS.stream().map(column -> column + " = v." + column).collect(Collectors.joining(", "))
					+ ", version = p.version + 1 from " + unnested("phone_numbers", UPDATE_ROW)
					+ " v where p.id = v.id and p.version = v.version returning p.id", Long.class, arrays(updates)));
			updated = written.size();
			// a row not written lost a race with an edit since we read it: leave it, the next sync looks again
			events.removeIf(event -> !written.contains((Long) event[0]));
		}
		if (!staleDerived.isEmpty()) {
			jdbc.update("update phone_numbers p set inventory_state = v.inventory_state, status = v.status,"
					+ " modified_at = v.modified_at, version = p.version + 1 from "
					+ unnested("phone_numbers", List.of("inventory_state", "status", "modified_at", "id", "version"))
					+ " v where p.id = v.id and p.version = v.version", arrays(staleDerived));
		}
		if (!events.isEmpty()) {
			List<String> columns = List.of("phone_number_id", "type", "title", "details", "field", "before_value",
					"after_value", "source", "created_at");
			jdbc.update("insert into number_events (" + String.join(", ", columns) + ") select " + String.join(", ", columns)
					+ " from " + unnested("number_events", columns) + " v", arrays(events));
		}
		return new PageOutcome(seenInPage.size(), inserted, updated, unchanged);
	}

	private Map<String, Stored> load(long accountId, String[] ids) {
		Map<String, Stored> rows = new HashMap<>();
		// one unique-key lookup per id, whatever the planner's statistics: "= any(?)" got a scan of the
		// whole account while a first sync filled a mirror autoanalyze had not seen yet (docs/benchmarks.md)
		jdbc.query("select stored.* from unnest(?::text[]) as wanted (id) cross join lateral ("
				+ "select id, version, provider_phone_number_id, provider_state_hash, inventory_state, status, "
				+ ProviderState.selectList() + ", "
				+ facts() + " from phone_numbers where provider_account_id = ? and provider_phone_number_id = wanted.id"
				+ " limit 1) stored", rs -> {
					rows.put(rs.getString("provider_phone_number_id"), new Stored(rs.getLong("id"), rs.getLong("version"),
							rs.getString("provider_state_hash"), ProviderState.read(rs), MirrorFacts.read(rs),
							rs.getString("inventory_state"), rs.getString("status")));
				}, ids, accountId);
		return rows;
	}

	/** MirrorFacts columns not already in the provider state's select list. */
	private static String facts() {
		return java.util.Arrays.stream(MirrorFacts.COLUMNS.split(","))
			.map(String::strip)
			.filter(column -> !ProviderState.COLUMNS.containsKey(column))
			.collect(Collectors.joining(", "));
	}

	private Map<Long, Set<String>> pendingColumns(List<Long> numberIds) {
		Map<Long, Set<String>> columns = new HashMap<>();
		if (numberIds.isEmpty()) {
			return columns;
		}
		// open_changes: the changes module's published view of its open changes (docs/architecture.md)
		jdbc.query("select phone_number_id, unnest(fields) as field from open_changes where phone_number_id = any(?)", rs -> {
					columns.computeIfAbsent(rs.getLong("phone_number_id"), id -> new HashSet<>()).add(rs.getString("field"));
				}, (Object) numberIds.toArray(Long[]::new));
		return columns;
	}

	private static @Nullable String textOrNull(@Nullable Object value) {
		return value == null ? null : value.toString();
	}

	/** The columns a changed row gets, as {@link #updateParameters} lists them. */
	private static final List<String> UPDATED_COLUMNS;

	private static final List<String> UPDATE_ROW;

	static {
		List<String> columns = new ArrayList<>(ProviderState.COLUMNS.keySet());
		columns.addAll(List.of("provider_raw", "provider_state_hash", "provider_synced_at", "inventory_state", "status",
				"modified_at"));
		UPDATED_COLUMNS = List.copyOf(columns);
		columns.addAll(List.of("id", "version"));
		UPDATE_ROW = List.copyOf(columns);
	}

	/**
	 * A page's rows as a table for one statement: {@code (select u.a::type as a, ... from
	 * unnest(?::text[], ...) with ordinality as u (a, ..., n) order by n)}, one text array per
	 * column (see {@link #arrays}), each cast back to its column's type. One statement per page:
	 * one row per statement, even batched, made the inserts of a first sync of 100,000 numbers two
	 * to three times as slow and fired the count triggers once per row; and one statement of
	 * {@code values (?, ...), (?, ...)} spent most of the sync's own CPU binding its ~18,000
	 * parameters one by one (docs/benchmarks.md). The cast is to the type without its modifier:
	 * a text too long for a {@code varchar(n)} column still fails as it would in any insert,
	 * instead of being cut by the cast.
	 */
	private String unnested(String table, List<String> columns) {
		Map<String, String> types = columnTypes(table);
		return "(select " + columns.stream()
			.map(column -> "u." + column + "::" + Objects.requireNonNull(types.get(column), column) + " as " + column)
			.collect(Collectors.joining(", ")) + " from unnest(" + "?::text[], ".repeat(columns.size() - 1)
				+ "?::text[]) with ordinality as u (" + String.join(", ", columns) + ", row_number) order by row_number)";
	}

	/** The rows, column by column: one text array each, in the rows' order. */
	private static Object[] arrays(List<Object[]> rows) {
		int width = rows.get(0).length;
		Object[] columns = new Object[width];
		for (int column = 0; column < width; column++) {
			String[] values = new String[rows.size()];
			for (int row = 0; row < values.length; row++) {
				values[row] = text(rows.get(row)[column]);
			}
			columns[column] = values;
		}
		return columns;
	}

	/** A value as PostgreSQL reads it back from text (an array as an array literal). */
	static @Nullable String text(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant().toString();
		}
		if (value instanceof Object[] array) {
			return arrayLiteral(Arrays.asList(array));
		}
		if (value instanceof Collection<?> list) {
			return arrayLiteral(list);
		}
		return value.toString();
	}

	private static String arrayLiteral(Collection<?> elements) {
		return elements.stream().map(element -> {
			String item = text(element);
			return item == null ? "NULL" : "\"" + item.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		}).collect(Collectors.joining(",", "{", "}"));
	}

	private final Map<String, Map<String, String>> columnTypes = new java.util.concurrent.ConcurrentHashMap<>();

	private Map<String, String> columnTypes(String table) {
		return columnTypes.computeIfAbsent(table, name -> {
			Map<String, String> read = new HashMap<>();
			jdbc.query("select attname, format_type(atttypid, null) from pg_attribute"
					+ " where attrelid = ?::regclass and attnum > 0 and not attisdropped", rs -> {
						read.put(rs.getString(1), rs.getString(2));
					}, name);
			return Map.copyOf(read);
		});
	}

	private Object[] updateParameters(Stored row, ProviderState wanted, String hash, MirrorFacts facts,
			ProviderNumber number, Instant now) {
		List<Object> parameters = new ArrayList<>();
		for (String column : ProviderState.COLUMNS.keySet()) {
			parameters.add(ProviderState.parameter(column, wanted.get(column)));
		}
		parameters.add(raw(number));
		parameters.add(hash);
		parameters.add(Timestamp.from(now));
		parameters.add(facts.inventoryState(now).value());
		parameters.add(facts.status(now).value());
		parameters.add(Timestamp.from(now));
		parameters.add(row.id());
		parameters.add(row.version());
		return parameters.toArray();
	}

	/** Answers how many rows were really inserted (a concurrent refresh may have been first). */
	private int insert(ProviderAccount account, List<ProviderNumber> created, Map<String, Long> teamsByName,
			Instant now, String source) {
		if (created.isEmpty()) {
			return 0;
		}
		List<String> columns = new ArrayList<>(ProviderState.COLUMNS.keySet());
		List<String> inserted = new ArrayList<>(columns);
		inserted.addAll(List.of("provider_account_id", "provider", "provider_phone_number_id", "provider_raw",
				"provider_state_hash", "provider_synced_at", "team_id", "inventory_state", "status", "created_at",
				"modified_at", "cap_warmup"));
		String sql = "insert into phone_numbers (" + String.join(", ", inserted) + ") select " + String.join(", ", inserted)
				+ " from " + unnested("phone_numbers", inserted) + " v"
				// a webhook or poll may mirror the same new number at the same moment: first one wins
				+ " on conflict (provider_account_id, provider_phone_number_id) do nothing returning id";
		List<Object[]> rows = new ArrayList<>();
		for (ProviderNumber number : created) {
			ProviderState state = ProviderState.of(number);
			Long teamId = teamFor(state, teamsByName);
			MirrorFacts facts = withProviderState(new MirrorFacts(account.provider().name(), null, null, false, false, null,
					null, null, null, null, null, null, null, null, null, null, true, null, false, false, teamId, null, false), state);
			List<Object> parameters = new ArrayList<>();
			for (String column : columns) {
				parameters.add(ProviderState.parameter(column, state.get(column)));
			}
			parameters.add(account.id());
			parameters.add(account.provider().name());
			parameters.add(number.providerNumberId());
			parameters.add(raw(number));
			parameters.add(state.hash());
			parameters.add(Timestamp.from(now));
			parameters.add(teamId);
			parameters.add(facts.inventoryState(now).value());
			parameters.add(facts.status(now).value());
			parameters.add(Timestamp.from(now));
			parameters.add(Timestamp.from(now));
			parameters.add(NumberCapabilities.warmupCapable(textOrNull(state.get("number_type")),
					Boolean.TRUE.equals(state.get("cap_sms")), Boolean.TRUE.equals(state.get("cap_voice"))));
			rows.add(parameters.toArray());
		}
		List<Long> ids = jdbc.queryForList(sql, Long.class, arrays(rows));
		if (!ids.isEmpty()) {
			jdbc.update("""
					insert into number_events (phone_number_id, type, title, source, created_at)
					select unnest(?::bigint[]), 'DISCOVERED', ?, ?, ?""",
					ids.toArray(Long[]::new), "First seen at " + account.provider().label(), source,
					Timestamp.from(now));
		}
		return ids.size();
	}

	/**
	 * A new number joins the team its carrier display name starts with ("Growth line 12" joins
	 * Growth), so a fresh mirror is already split by team; nobody else is guessed.
	 */
	private static @Nullable Long teamFor(ProviderState state, Map<String, Long> teamsByName) {
		Object name = state.get("name");
		if (!(name instanceof String text) || text.isBlank()) {
			return null;
		}
		String firstWord = text.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
		return teamsByName.get(firstWord);
	}

	private static MirrorFacts withProviderState(MirrorFacts local, ProviderState state) {
		return new MirrorFacts(local.provider(), (String) state.get("country_code"), (String) state.get("number_type"),
				Boolean.TRUE.equals(state.get("cap_sms")), Boolean.TRUE.equals(state.get("cap_voice")),
				(String) state.get("provider_status"), (Instant) state.get("provider_expire_at"),
				(String) state.get("sms_service_plan_id"), (String) state.get("ten_dlc_campaign_id"),
				(String) state.get("sms_provisioning_status"), (String) state.get("voice_app_id"),
				(String) state.get("voice_provisioning_status"), (Boolean) state.get("messaging_enabled"),
				local.releasedAt(), local.releaseScheduledAt(), (Instant) state.get("provider_missing_since"),
				local.enabled(), local.overrideEnabled(), local.warmupOnly(), local.internalTestOnly(), local.teamId(),
				local.businessId(), local.renting());
	}

	/** See {@link PhoneNumbers#markVanished}. */
	List<Long> markVanished(Collection<Long> gone, String carrier, String source) {
		if (gone.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		List<Long> ids = jdbc.queryForList("""
				update phone_numbers set provider_missing_since = ?, modified_at = ?, version = version + 1,
				       provider_state_hash = null  -- a hashed column changed: the number's return must not look unchanged
				where id = any(?) and provider_missing_since is null and provider_released_at is null
				returning id""", Long.class, Timestamp.from(now), Timestamp.from(now), gone.toArray(Long[]::new));
		if (ids.isEmpty()) {
			return ids;
		}
		jdbc.update("""
				insert into number_events (phone_number_id, type, title, details, field, before_value, after_value, source, created_at)
				select unnest(?::bigint[]), 'VANISHED', ?, ?, 'provider_missing_since', null, ?, ?, ?""",
				ids.toArray(Long[]::new), "No longer at " + carrier,
				"A complete sync did not find this number at the carrier, and the carrier answered that it does not know it: it is treated as released.",
				now.toString(), source, Timestamp.from(now));
		rederive(ids, false);
		return ids;
	}

	/** Re-derives and, where the derived values changed, writes them with a new version. */
	int rederive(Collection<Long> ids) {
		return rederive(ids, true);
	}

	/**
	 * Brings stored status and inventory state in line with {@link NumberStates} for these numbers;
	 * writes only rows whose derived values actually change, and answers how many did.
	 *
	 * @param bump whether the write is a change of its own (time passed) or part of a verb's that
	 *     already moved the version
	 */
	int rederive(Collection<Long> ids, boolean bump) {
		if (ids.isEmpty()) {
			return 0;
		}
		Instant now = clock.instant();
		record Row(long id, String inventoryState, String status, MirrorFacts facts) {
		}
		List<Row> rows = jdbc.query("select id, inventory_state, status, " + MirrorFacts.COLUMNS
				+ " from phone_numbers where id = any(?)", (rs, i) -> new Row(rs.getLong("id"), rs.getString("inventory_state"),
						rs.getString("status"), MirrorFacts.read(rs)),
				(Object) ids.toArray(Long[]::new));
		List<Object[]> changes = rows.stream()
			.filter(row -> !row.inventoryState().equals(row.facts().inventoryState(now).value())
					|| !row.status().equals(row.facts().status(now).value()))
			.map(row -> new Object[] { row.facts().inventoryState(now).value(), row.facts().status(now).value(),
					Timestamp.from(now), row.id() })
			.toList();
		jdbc.batchUpdate("update phone_numbers set inventory_state = ?, status = ?, modified_at = ?"
				+ (bump ? ", version = version + 1" : "") + " where id = ?", changes);
		return changes.size();
	}

	private @Nullable String raw(ProviderNumber number) {
		return number.raw() == null ? null : json.writeValueAsString(number.raw());
	}
}

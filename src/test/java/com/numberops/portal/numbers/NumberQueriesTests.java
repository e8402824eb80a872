package com.numberops.portal.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.numberops.portal.support.PortalIntegrationTest;

/**
 * The inventory's queries on Postgres. Each test works on its own provider account, created
 * here, and always filters on it, so other tests' numbers never interfere.
 */
class NumberQueriesTests extends PortalIntegrationTest {

	@Autowired
	NumberQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	TransactionTemplate transactions;

	long account;

	long teamA;

	long teamB;

	static final Viewer EVERYONE = new Viewer(1, Set.of());

	@BeforeEach
	void fleet() {
		String ref = "inventory-" + UUID.randomUUID();
		account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode) values ('SINCH', ?, 'Inventory test', 'SANDBOX')
				returning id""", Long.class, ref);
		teamA = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "A-" + ref);
		teamB = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "B-" + ref);
		// 30 numbers: every 3rd in team B, every 5th without a name, a few provisioning failures
		for (int i = 1; i <= 30; i++) {
			jdbc.update("""
					insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
					    provider_phone_number_id, team_id, cap_sms, cap_voice, inventory_state, status, warmup_state,
					    warmup_health_score, sms_service_plan_id, ten_dlc_campaign_id, sms_provisioning_status, enabled,
					    override_enabled, override_reason, override_updated_at)
					values (?, ?, ?, ?, ?, 'SINCH', ?, ?, true, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
					"+1206555" + String.format("%04d", i), i % 5 == 0 ? null : "Line " + (char) ('a' + (i % 26)) + " " + i,
					i % 4 == 0 ? "CA" : "US", i % 2 == 0 ? "MOBILE" : "LOCAL", account, "+1206555" + String.format("%04d", i),
					i % 3 == 0 ? teamB : teamA, i % 2 == 0, i % 6 == 0 ? "Ready for SMS" : "Available",
					i % 7 == 0 ? "FailedProvisioning" : "Active", i % 4 == 1 ? "Warming" : null,
					i % 4 == 1 ? i * 3 : null, i % 2 == 0 ? "sp-a" : "sp-b", i % 10 == 0 ? "C10DLC" : null,
					i % 7 == 0 ? "FAILED" : null, i != 13, i == 13 ? true : null, i == 13 ? "test" : null,
					i == 13 ? new java.sql.Timestamp(System.currentTimeMillis()) : null);
		}
	}

	NumberQueries.Request request(String... keyValues) {
		Map<String, String> params = new HashMap<>();
		params.put("account", String.valueOf(account));
		for (int i = 0; i < keyValues.length; i += 2) {
			params.put(keyValues[i], keyValues[i + 1]);
		}
		return NumberQueries.parse(params);
	}

	List<NumberRow> all(Viewer viewer, String... keyValues) {
		List<NumberRow> rows = new ArrayList<>();
		NumberQueries.Request request = request(keyValues);
		String after = null;
		do {
			List<String> withCursor = new ArrayList<>(List.of(keyValues));
			if (after != null) {
				withCursor.add("after");
				withCursor.add(after);
			}
			NumberListPage page = queries.page(viewer, request(withCursor.toArray(String[]::new)));
			rows.addAll(page.rows());
			after = page.nextCursor();
		}
		while (after != null);
		assertThat(request.valid()).isTrue();
		return rows;
	}

	@Test
	void keysetPagesWalkEveryMatchOnceInOrder() {
		List<NumberRow> rows = all(EVERYONE, "size", "7");
		assertThat(rows).hasSize(30);
		assertThat(rows).extracting(NumberRow::number).isSorted().doesNotHaveDuplicates();
		assertThat(queries.page(EVERYONE, request("size", "7")).matches()).isEqualTo(30);
	}

	@ParameterizedTest(name = "sort={0}")
	@CsvSource({ "number", "name", "modified", "health" })
	void everySortPagesWithoutGapsOrDuplicates(String sort) {
		List<NumberRow> rows = all(EVERYONE, "sort", sort, "size", "4");
		assertThat(rows).extracting(NumberRow::id).doesNotHaveDuplicates().hasSize(30);
	}

	@ParameterizedTest(name = "sort={0}")
	@CsvSource({ "number", "name", "modified", "health" })
	void previousPagesWalkBackToTheSamePagesAndStopAtTheFirst(String sort) {
		List<List<Long>> forward = new ArrayList<>();
		List<String> previousCursors = new ArrayList<>();
		NumberListPage page = queries.page(EVERYONE, request("sort", sort, "size", "7"));
		assertThat(page.previousCursor()).as("the first page has none before it").isNull();
		forward.add(ids(page));
		while (page.nextCursor() != null) {
			page = queries.page(EVERYONE, request("sort", sort, "size", "7", "after", page.nextCursor()));
			forward.add(ids(page));
			previousCursors.add(page.previousCursor());
		}
		assertThat(forward).hasSize(5);
		// back from the last page, one page at a time, to the first
		NumberListPage back = page;
		for (int i = forward.size() - 2; i >= 0; i--) {
			back = queries.page(EVERYONE, request("sort", sort, "size", "7", "before", back.previousCursor()));
			assertThat(ids(back)).as("page " + (i + 1) + " again").isEqualTo(forward.get(i));
			assertThat(back.nextCursor()).as("a page walked back to has one after it").isNotNull();
		}
		assertThat(back.previousCursor()).as("back at the first page").isNull();
		assertThat(back.matches()).isEqualTo(30);
		assertThat(request("size", "7", "after", previousCursors.get(0), "before", previousCursors.get(0)).problems())
			.as("a link cannot go both ways").isNotEmpty();
	}

	private static List<Long> ids(NumberListPage page) {
		return page.rows().stream().map(NumberRow::id).toList();
	}

	@Test
	void pagesStayStableWhileRowsChange() {
		NumberListPage first = queries.page(EVERYONE, request("size", "10"));
		// a number before the cursor is renamed away and a new one arrives after it
		jdbc.update("delete from phone_numbers where id = ?", first.rows().get(0).id());
		jdbc.update("""
				insert into phone_numbers (number, provider_account_id, provider, provider_phone_number_id)
				values ('+12065559999', ?, 'SINCH', 'late-arrival')""", account);
		NumberListPage second = queries.page(EVERYONE, request("size", "10", "after", first.nextCursor()));
		assertThat(second.rows().get(0).number()).isEqualTo("+12065550011");
		Set<Long> seen = new HashSet<>();
		first.rows().forEach(row -> seen.add(row.id()));
		assertThat(second.rows()).noneMatch(row -> seen.contains(row.id()));
	}

	@ParameterizedTest(name = "{0}={1} -> {2}")
	@CsvSource({
			"q, 5550007, 1",
			"q, '+1 (206) 555-0007', 1",
			"q, 555001, 10",
			"q, Line b, 2",
			"q, LINE, 24",
			"region, CA, 7",
			"type, MOBILE, 15",
			"capability, VOICE, 15",
			"state, Ready for SMS, 5",
			"status, FailedProvisioning, 4",
			"failed, true, 4",
			"plan, sp-a, 15",
			"tendlc, C10DLC, 3",
			"warmup, Warming, 8",
			"warmup, Not Started, 22",
			"callWarmup, Not Started, 30",
			"enablement, OVERRIDDEN, 1",
			"enablement, DISABLED, 0",
			"enablement, ENABLED, 30",
			"provider, SINCH, 30",
			"provider, FLOWROUTE, 0" })
	void eachFilterNarrowsToItsMatches(String param, String value, int expected) {
		NumberQueries.Request request = request(param, value);
		assertThat(request.problems()).isEmpty();
		assertThat(all(EVERYONE, param, value)).hasSize(expected);
		assertThat(queries.page(EVERYONE, request).matches()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}={1} -> {2}")
	@CsvSource({
			"provisioningError, CAMPAIGN_NOT_AVAILABLE, 3",
			"provisioningError, EXCEEDED_10DLC_LIMIT, 1",
			"provisioningError, ERROR_CODE_UNSPECIFIED, 1",
			"provisioningError, VOICE_PROVISIONING_FAILED, 1",
			"provisioningError, INSUFFICIENT_BALANCE, 0",
			"failed, true, 5",
			"releaseWithin, 48h, 2",
			"releaseWithin, 2h, 1",
			"releaseWithin, 3d, 3",
			"vanished, 7d, 2",
			"vanished, 24h, 1",
			"drift, 24h, 2",
			"drift, 2d, 3" })
	void eachWorklistFilterNarrowsToItsMatches(String param, String value, int expected) {
		AttentionFleet.mark(jdbc, account);
		NumberQueries.Request request = request(param, value);
		assertThat(request.problems()).isEmpty();
		assertThat(all(EVERYONE, param, value)).hasSize(expected);
		assertThat(queries.page(EVERYONE, request).matches()).isEqualTo(expected);
	}

	@Test
	void aFailedProvisioningCodeFilterFindsExactlyTheNumbersFailingWithIt() {
		AttentionFleet.mark(jdbc, account);
		assertThat(all(EVERYONE, "provisioningError", "CAMPAIGN_NOT_AVAILABLE")).extracting(NumberRow::number)
			.containsExactly(AttentionFleet.number(7), AttentionFleet.number(14), AttentionFleet.number(21));
		assertThat(all(EVERYONE, "provisioningError", "ERROR_CODE_UNSPECIFIED")).extracting(NumberRow::number)
			.containsExactly(AttentionFleet.number(28));
		assertThat(all(new Viewer(2, Set.of(teamB)), "provisioningError", "CAMPAIGN_NOT_AVAILABLE"))
			.extracting(NumberRow::number).containsExactly(AttentionFleet.number(21));
	}

	@Test
	void filtersCombine() {
		assertThat(all(EVERYONE, "type", "MOBILE", "region", "CA")).hasSize(7)
			.allMatch(row -> "CA".equals(row.countryCode()) && "MOBILE".equals(row.numberType()));
		assertThat(all(EVERYONE, "team", String.valueOf(teamB), "plan", "sp-a")).hasSize(5);
	}

	@Test
	void theDashboardsFunnelsLinkToExactlyTheirNumbers() {
		// the call warmup funnel counts stages; the by-team figure counts the numbers of no team
		jdbc.update("""
				update phone_numbers set call_warmup_state = 'Warming', call_warmup_stage = (number::bigint % 3)::smallint
				where provider_account_id = ? and right(number, 2)::int <= 9""", account);
		jdbc.update("update phone_numbers set team_id = null where provider_account_id = ? and right(number, 2)::int > 25",
				account);
		assertThat(all(EVERYONE, "callStage", "0")).hasSize(3).allMatch(row -> Long.parseLong(row.number()) % 3 == 0);
		assertThat(all(EVERYONE, "callStage", "1")).hasSize(3);
		assertThat(all(EVERYONE, "callStage", "4")).isEmpty();
		assertThat(all(EVERYONE, "callWarmup", "Not Started")).hasSize(21);
		assertThat(all(EVERYONE, "team", "none")).hasSize(5).allMatch(row -> row.teamName() == null);
		assertThat(request("team", "none").problems()).isEmpty();
		assertThat(all(new Viewer(2, Set.of(teamA, teamB)), "team", "none")).isEmpty();
		assertThat(queries.page(EVERYONE, request("team", "none", "callStage", "2")).matches()).isZero();
	}

	@Test
	void aPendingChangeCanBeFilteredFor() {
		long id = jdbc.queryForObject("select id from phone_numbers where provider_account_id = ? order by number limit 1",
				Long.class, account);
		jdbc.update("insert into pending_changes (phone_number_id, kind, fields, payload, state) values (?, 'RENAME', array['name'], '{}', 'PENDING')", id);
		assertThat(all(EVERYONE, "pending", "true")).extracting(NumberRow::id).containsExactly(id);
		assertThat(all(EVERYONE).get(0).pendingChange()).isTrue();
	}

	@Test
	void aUserLimitedToTeamsSeesAndCountsOnlyThem() {
		Viewer onlyB = new Viewer(2, Set.of(teamB));
		assertThat(all(onlyB)).hasSize(10).allMatch(row -> row.teamName().startsWith("B-"));
		assertThat(queries.page(onlyB, request()).matches()).isEqualTo(10);
		assertThat(all(onlyB, "team", String.valueOf(teamA))).isEmpty();
		assertThat(all(new Viewer(3, Set.of(teamA, teamB)))).hasSize(30);
	}

	@Test
	void theExportStreamsEveryMatchInOrder() {
		List<NumberRow> streamed = new ArrayList<>();
		queries.stream(new Viewer(2, Set.of(teamB)), request().filter(), NumberSort.NUMBER, streamed::add);
		assertThat(streamed).hasSize(10).extracting(NumberRow::number).isSorted();
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource({
			"state, Teleported",
			"status, ACTIVE",
			"region, usa",
			"type, PREMIUM",
			"team, abc",
			"team, -4",
			"account, 1e9",
			"sort, random",
			"size, 0",
			"size, 100000",
			"size, ten",
			"warmup, Hot",
			"callStage, 5",
			"callStage, one",
			"after, not-a-cursor",
			"q, 12",
			"q, ab",
			"provisioningError, campaign_not_available",
			"provisioningError, 'X OR 1=1'",
			"releaseWithin, 0h",
			"releaseWithin, 48",
			"drift, forever",
			"vanished, 400d" })
	void badInputIsExplainedAndMatchesNothing(String param, String value) {
		NumberQueries.Request request = request(param, value);
		assertThat(request.problems()).isNotEmpty();
		NumberListPage page = queries.page(EVERYONE, request);
		assertThat(page.rows()).isEmpty();
	}

	@Test
	void hostileSearchTextIsJustText() {
		for (String hostile : List.of("'; drop table phone_numbers; --", "%%%", "___", "\\\\\\", "<script>x</script>",
				"x".repeat(100))) {
			NumberQueries.Request request = request("q", hostile);
			assertThat(request.problems()).as(hostile).isEmpty();
			assertThat(queries.page(EVERYONE, request).rows()).as(hostile).isEmpty();
		}
		assertThat(request("q", "x".repeat(101)).problems()).isNotEmpty();
		assertThat(jdbc.queryForObject("select count(*) from phone_numbers where provider_account_id = ?", Integer.class,
				account)).isEqualTo(30);
	}

	@Test
	void aCursorOfAnotherSortIsRefused() {
		String numberCursor = queries.page(EVERYONE, request("size", "5")).nextCursor();
		assertThat(request("sort", "name", "after", numberCursor).problems()).isNotEmpty();
	}

	@Test
	void everyPageCountsEveryMatchWhetherFromItselfOrByCounting() {
		// a first page that is not full is its own count; later pages and full pages count
		assertThat(queries.page(EVERYONE, request()).matches()).isEqualTo(30);
		NumberListPage first = queries.page(EVERYONE, request("size", "7"));
		assertThat(first.matches()).isEqualTo(30);
		NumberListPage second = queries.page(EVERYONE, request("size", "7", "after", first.nextCursor()));
		assertThat(second.matches()).isEqualTo(30);
		assertThat(second.matchesCapped()).isFalse();
		NumberListPage last = queries.page(EVERYONE, request("size", "25", "after",
				queries.page(EVERYONE, request("size", "25")).nextCursor()));
		assertThat(last.rows()).hasSize(5);
		assertThat(last.matches()).isEqualTo(30);
	}

	@Test
	void justOverTheCapIsCountedNotGuessed() {
		// 10,500 numbers: far too few for the sample to be sure, so they are counted (rolled back)
		transactions.executeWithoutResult(status -> {
			many(10_500);
			NumberListPage page = queries.page(EVERYONE, request());
			assertThat(page.matches()).isEqualTo(NumberQueries.COUNT_CAP);
			assertThat(page.matchesCapped()).isTrue();
			NumberListPage bMobile = queries.page(EVERYONE, request("team", String.valueOf(teamB), "type", "MOBILE"));
			assertThat(bMobile.matchesCapped()).isFalse();
			assertThat(bMobile.matches()).isEqualTo(5 + 10_500 / 2);
			status.setRollbackOnly();
		});
	}

	@Test
	void aSampleSureOfFarMoreThanTheCapSaysSoWithoutCounting() {
		transactions.executeWithoutResult(status -> {
			many(600);
			NumberQueries.Request request = request();
			NumberQueries.PageSql sql = NumberQueries.pageSql(EVERYONE, request);
			// the whole table as the "sample": 630 sure hits stand for an estimate far above the cap
			NumberListPage page = NumberQueries.run(named, request, wholeTableSampled(sql, "select null"));
			assertThat(page.matchesCapped()).isTrue();
			assertThat(page.matches()).isEqualTo(NumberQueries.COUNT_CAP);
			assertThat(page.rows()).hasSize(NumberQueries.DEFAULT_PAGE_SIZE);
			// and below the sure number of hits the count decides (here: "select null", nothing)
			NumberQueries.PageSql teamBOnly = NumberQueries.pageSql(EVERYONE, request("team", String.valueOf(teamB)));
			NumberListPage counted = NumberQueries.run(named, request("team", String.valueOf(teamB)),
					wholeTableSampled(teamBOnly, teamBOnly.count()));
			assertThat(counted.matchesCapped()).isFalse();
			assertThat(counted.matches()).isEqualTo(10 + 600 / 2);
			status.setRollbackOnly();
		});
	}

	@Test
	void aTextSearchIsPlannedByTheShareOfRowsItsSampleMatches() {
		transactions.executeWithoutResult(status -> {
			many(1_500);
			// "00014" is in 111 of them (dense: at least one row in 200), "0001234" in one (sparse);
			// the whole table stands in for the sample, which reads too few rows here to plan by
			for (String digits : List.of("00014", "0001234")) {
				NumberQueries.Request request = request("q", digits, "size", "20");
				NumberQueries.PageSql sql = NumberQueries.pageSql(EVERYONE, request);
				NumberListPage page = NumberQueries.run(named, request, wholeTableSampled(sql, sql.count()));
				List<String> expected = jdbc.queryForList("""
						select number from phone_numbers where provider_account_id = ? and number like ?
						order by number, id""", String.class, account, "%" + digits + "%");
				assertThat(page.rows()).extracting(NumberRow::number).containsExactlyElementsOf(
						expected.subList(0, Math.min(20, expected.size())));
				assertThat(page.matches()).isEqualTo(expected.size());
				boolean sparse = digits.length() == 7;
				// a sparse match is fetched from the trigram index, its count too; a dense one walked
				// the number order and gave the count its plans back
				assertThat(jdbc.queryForObject("select current_setting('enable_indexscan')", String.class))
					.isEqualTo(sparse ? "off" : "on");
				assertThat(jdbc.queryForObject("select current_setting('enable_bitmapscan')", String.class)).isEqualTo("on");
			}
			status.setRollbackOnly();
		});
	}

	@ParameterizedTest(name = "{0} hits of {1} rows read: dense {2}, sure of more than the cap {3}")
	@CsvSource(nullValues = "null", value = {
			"0,   0,    null,  false",
			"900, 999,  null,  true",
			"5,   1000, true,  false",
			"4,   1000, false, false",
			"0,   5000, false, false",
			"25,  5000, true,  false",
			"24,  5000, false, false",
			"499, 5000, true,  false",
			"500, 5000, true,  true" })
	void aSampleTellsDenseFromSparseOnlyWhenItReadEnoughRows(long hits, long read, Boolean dense, boolean sure) {
		NumberQueries.Sample sample = new NumberQueries.Sample(hits, read);
		assertThat(sample.dense()).isEqualTo(dense);
		assertThat(sample.sureOfMoreThanTheCap()).isEqualTo(sure);
	}

	/** A page's statements with the whole table for its 0.5% sample, and this count statement. */
	private static NumberQueries.PageSql wholeTableSampled(NumberQueries.PageSql sql, String count) {
		return new NumberQueries.PageSql(sql.rows(), sql.sample().replace(NumberQueries.SAMPLE, "tablesample system (100)"),
				count, sql.params());
	}

	/** More numbers of this test's account, half of them mobile numbers of team B. */
	private void many(int count) {
		jdbc.update("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, team_id, cap_sms, cap_voice, inventory_state, status)
				select '+1312' || lpad(g::text, 7, '0'), 'Bulk ' || g, 'US', case when g % 2 = 0 then 'MOBILE' else 'LOCAL' end,
				       ?, 'SINCH', 'many-' || ? || '-' || g, case when g % 2 = 0 then ? else ? end, true, true,
				       'Available', 'Active'
				from generate_series(1, ?) g""", account, account, teamB, teamA, count);
	}
}

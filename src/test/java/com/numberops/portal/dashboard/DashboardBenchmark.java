package com.numberops.portal.dashboard;

import static com.numberops.portal.support.BenchmarkReport.percentile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import com.numberops.portal.numbers.FleetCounts;
import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.support.BenchmarkReport;
import com.numberops.portal.support.LoadAverage;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.SignedIn;
import com.numberops.portal.users.NewUser;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Role;
import com.numberops.portal.users.UserAdministration;

/**
 * The dashboard benchmark (issue 15, item 6): fills the mirror with {@code benchmark.dashboard.size}
 * numbers (1,000,000 by default) spread over every state, status, warmup state, call stage, team,
 * two accounts and ~21,000 10DLC campaigns, with what the worklist looks for (0.5% failed
 * provisioning over four codes, warmup in trouble, releases on hold, vanished numbers, ~1,000
 * numbers changed at the carrier in a day, failed and partly applied changes), 30 days of
 * snapshots and ~30,000 changes (2% failed, 1% partly applied); leaves 1,000 unfolded deltas (what many seconds of single-row
 * writes leave between two folds), then measures p50 / p95 of the server's time of the dashboard
 * page and its parts (MockMvc: security filters, controller, services, Thymeleaf; no network) for
 * an admin of every team and a viewer of one team, and of the services behind them, beside the
 * full-scan SQL of the same figures (a GROUP BY of the table per figure, one scan for the worklist). Writes its table into {@code docs/benchmarks.md} between its markers
 * ({@code benchmark.report}; {@code none}: print only). Not part of {@code ./mvnw verify}; run it
 * with {@code ./mvnw -B -Pbenchmark test -Dtest=DashboardBenchmark}.
 */
@Tag("benchmark")
class DashboardBenchmark extends PortalIntegrationTest {

	static final int SIZE = Integer.getInteger("benchmark.dashboard.size", 1_000_000);

	static final int WARMUP = Integer.getInteger("benchmark.dashboard.warmup", 200);

	static final int RUNS = Integer.getInteger("benchmark.dashboard.runs", 200);

	/** Full scans take a fifth of a second each at a million: fewer runs say as much. */
	static final int SCAN_RUNS = Integer.getInteger("benchmark.dashboard.scan-runs", 10);

	@Autowired
	FleetCounts counts;

	@Autowired
	Trends trends;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	NeedsAttention attention;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UserAdministration administration;

	record Line(String label, double p50, double p95) {
	}

	@Test
	void theDashboardsFiguresAtAMillionNumbers() throws IOException {
		long start = System.nanoTime();
		long team = fill();
		double fillSeconds = (System.nanoTime() - start) / 1e9;
		Viewer everyone = Viewer.jobs();
		Viewer oneTeam = new Viewer(1, Set.of(team));
		long deltas = jdbc.queryForObject("select count(*) from fleet_count_deltas", Long.class);
		long campaigns = jdbc.queryForObject("select count(distinct campaign_id) from ten_dlc_counts", Long.class);

		PortalPrincipal admin = (PortalPrincipal) users.loadUserByUsername("admin");
		String viewerName = "dash-" + UUID.randomUUID().toString().substring(0, 8);
		SignedIn.during(admin, () -> administration
			.create(new NewUser(viewerName, "Dashboard viewer", Role.VIEWER, "long-enough-1", Set.of(team))));
		PortalPrincipal viewer = (PortalPrincipal) users.loadUserByUsername(viewerName);
		assertThat(admin.getTeamIds()).as("the demo admin sees every team").isEmpty();

		List<Runnable> all = List.of(() -> counts.fleet(everyone), () -> counts.campaignLoads(everyone),
				() -> counts.campaignLoads(everyone, 20), () -> trends.lastDays(everyone, 30), () -> counts.fleet(oneTeam),
				() -> counts.campaignLoads(oneTeam, 20), () -> counts.campaignLoads(oneTeam), () -> trends.lastDays(oneTeam, 30),
				() -> SignedIn.during(admin, () -> attention.today(admin)),
				() -> SignedIn.during(viewer, () -> attention.today(viewer)), () -> page("/", admin, false),
				() -> page("/", viewer, false), () -> page("/dashboard/attention", admin, true));
		for (int i = 0; i < WARMUP; i++) {
			all.forEach(Runnable::run);
		}
		String loadBefore = LoadAverage.now();
		List<Line> lines = new ArrayList<>();
		lines.add(time("**GET /**, the whole page (admin, every team)", RUNS, () -> page("/", admin, false)));
		lines.add(time("**GET /**, the whole page (a viewer of one team)", RUNS, () -> page("/", viewer, false)));
		lines.add(time("GET /dashboard/fleet, htmx part (admin)", RUNS, () -> page("/dashboard/fleet", admin, true)));
		lines.add(time("GET /dashboard/attention, htmx part (admin)", RUNS, () -> page("/dashboard/attention", admin, true)));
		lines.add(time("GET /dashboard/attention, htmx part (one team)", RUNS, () -> page("/dashboard/attention", viewer, true)));
		lines.add(time("NeedsAttention.today (admin)", RUNS, () -> SignedIn.during(admin, () -> attention.today(admin))));
		lines.add(time("NeedsAttention.today (one team)", RUNS, () -> SignedIn.during(viewer, () -> attention.today(viewer))));
		lines.add(time("FleetCounts.fleet (every team)", RUNS, () -> counts.fleet(everyone)));
		lines.add(time("FleetCounts.campaignLoads (all " + String.format("%,d", campaigns) + " campaigns)", RUNS,
				() -> counts.campaignLoads(everyone)));
		lines.add(time("FleetCounts.campaignLoads (the 20 fullest)", RUNS, () -> counts.campaignLoads(everyone, 20)));
		lines.add(time("Trends.lastDays(30)", RUNS, () -> trends.lastDays(everyone, 30)));
		lines.add(time("FleetCounts.fleet, one team", RUNS, () -> counts.fleet(oneTeam)));
		lines.add(time("FleetCounts.campaignLoads, one team (the 20 fullest)", RUNS, () -> counts.campaignLoads(oneTeam, 20)));
		lines.add(time("FleetCounts.campaignLoads, one team (all its campaigns)", RUNS, () -> counts.campaignLoads(oneTeam)));
		lines.add(time("Trends.lastDays(30), one team", RUNS, () -> trends.lastDays(oneTeam, 30)));
		List<Line> scans = new ArrayList<>();
		scans.add(time("GROUP BY of the fleet's 7 columns", SCAN_RUNS, () -> scan("""
				select team_id, provider_account_id, inventory_state, status, warmup_state, call_warmup_state,
				       call_warmup_stage, count(*)
				from phone_numbers group by 1, 2, 3, 4, 5, 6, 7""")));
		scans.add(time("GROUP BY 10DLC campaign", SCAN_RUNS, () -> scan("""
				select ten_dlc_campaign_id, count(*) from phone_numbers where ten_dlc_campaign_id is not null
				group by 1 order by 2 desc""")));
		scans.add(time("GROUP BY day first seen (30 days)", SCAN_RUNS, () -> scan("""
				select (created_at at time zone 'UTC')::date, count(*) from phone_numbers
				where created_at >= now() - interval '30 days' group by 1""")));
		scans.add(time("the worklist's counts (one pass, a FILTER per line, codes grouped)", SCAN_RUNS, () -> scan(WORKLIST_SCAN)));
		scans.add(time("**all the page's figures by scans**", SCAN_RUNS, () -> {
			scan("select team_id, provider_account_id, inventory_state, status, warmup_state, call_warmup_state, call_warmup_stage, count(*) from phone_numbers group by 1, 2, 3, 4, 5, 6, 7");
			scan("select ten_dlc_campaign_id, count(*) from phone_numbers where ten_dlc_campaign_id is not null group by 1 order by 2 desc");
			scan("select (created_at at time zone 'UTC')::date, count(*) from phone_numbers where created_at >= now() - interval '30 days' group by 1");
			scan(WORKLIST_SCAN);
			return null;
		}));
		String loadAfter = LoadAverage.now();
		String table = table(lines, scans, fillSeconds, deltas, loadBefore, loadAfter);
		System.out.println(table);
		BenchmarkReport.write("dashboard-benchmark", table);
	}

	/**
	 * The worklist's number lines counted by reading the whole table once (what NeedsAttention
	 * would cost without maintained counts and partial indexes), and failed provisioning per code.
	 */
	static final String WORKLIST_SCAN = """
			select count(*) filter (where warmup_state = 'Needs Attention'), count(*) filter (where warmup_state = 'Blocked'),
			       count(*) filter (where call_warmup_state = 'Needs Attention'), count(*) filter (where call_warmup_state = 'Blocked'),
			       count(*) filter (where provider_release_scheduled_at < now() + interval '48 hours' and provider_released_at is null),
			       count(*) filter (where provider_missing_since > now() - interval '7 days'),
			       (select count(distinct e.phone_number_id) from number_events e
			        where e.type = 'PROVIDER_CHANGED' and e.created_at > now() - interval '24 hours'),
			       (select json_agg(c) from (select code, count(*) from phone_numbers q, unnest(q.sms_provisioning_error_codes) code
			                                 where q.sms_provisioning_status = 'FAILED' group by 1) c)
			from phone_numbers p""";

	/** Each person's session cookie, kept from their first request on, as a browser keeps it. */
	private final Map<String, Cookie> sessions = new HashMap<>();

	/**
	 * The server's time of a page: the whole MockMvc round (every filter, Spring Session's read and
	 * save of the person's session in PostgreSQL, security, controller, Thymeleaf). A person's
	 * requests carry the session their first one got, so none pays for creating a session a
	 * signed-in browser already has.
	 */
	private MvcResult page(String path, PortalPrincipal person, boolean htmx) {
		try {
			MockHttpServletRequestBuilder request = get(path).with(user(person));
			if (htmx) {
				request.header("HX-Request", "true");
			}
			Cookie session = sessions.get(person.getUsername());
			if (session != null) {
				request.cookie(session);
			}
			MvcResult result = mvc.perform(request).andReturn();
			if (result.getResponse().getStatus() != 200) {
				throw new IllegalStateException(path + " answered " + result.getResponse().getStatus());
			}
			Cookie given = result.getResponse().getCookie("SESSION");
			if (given != null) {
				sessions.put(person.getUsername(), given);
			}
			return result;
		}
		catch (Exception failed) {
			throw new IllegalStateException(failed);
		}
	}

	private Object scan(String sql) {
		return transactions.execute(status -> jdbc.queryForList(sql));
	}

	private static Line time(String label, int runs, Supplier<?> work) {
		double[] millis = new double[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			work.get();
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		return new Line(label, percentile(millis, 50), percentile(millis, 95));
	}

	/**
	 * One generate_series insert (the insert trigger counts it in one statement), 30 days of
	 * snapshots per team, changes over 30 days, then 1,000 single-row moves left unfolded.
	 */
	private long fill() {
		jdbc.update("delete from phone_numbers");
		List<Long> accounts = new ArrayList<>();
		for (String ref : List.of("dashboard-a", "dashboard-b")) {
			accounts.add(jdbc.queryForObject("""
					insert into provider_accounts (provider, account_ref, name, mode) values ('SINCH', ?, ?, 'SANDBOX')
					on conflict (provider, account_ref) do update set name = excluded.name returning id""", Long.class, ref,
					"Dashboard " + ref));
		}
		List<Long> teams = new ArrayList<>();
		for (String name : List.of("Dash Growth", "Dash Retention", "Dash Support", "Dash Alerts")) {
			teams.add(jdbc.queryForObject("insert into teams (name) values (?) on conflict ((lower(name))) do update set name = excluded.name returning id", Long.class, name));
		}
		jdbc.update("""
				insert into phone_numbers (number, provider_account_id, provider, provider_phone_number_id, team_id,
				    cap_sms, cap_voice, ten_dlc_campaign_id, inventory_state, status, warmup_state, call_warmup_state,
				    call_warmup_stage, sms_provisioning_status, sms_provisioning_error_codes, provider_release_scheduled_at,
				    provider_missing_since, created_at, modified_at)
				select '+1' || (200 + g % 700) || lpad((g % 10000000)::text, 7, '0'),
				       (?::bigint[])[1 + g % 2], 'SINCH', 'dash-' || g,
				       case when g % 7 = 0 then null else (?::bigint[])[1 + g % 4] end,
				       true, g % 3 = 0,
				       case when g % 10 = 1 then 'CFULL' || lpad((g % 1000)::text, 4, '0')
				            when g % 3 = 0 then null else 'C' || lpad((g % 20000)::text, 5, '0') end,
				       (array['Available','Assigned','Pending verification','Ready for SMS','Ready for voice','Restricted',
				              'Suspended','Failed','Released','Pending release','Warmup-only','Internal/test-only'])[1 + (g / 3) % 12],
				       (array['Unregistered','Provisioning','FailedProvisioning','Active','Expired','Suspended','PendingRelease'])[1 + g % 7],
				       case when g % 6 = 0 then (array['Not Started','Warming','Healthy','Needs Attention','Paused','Blocked','Ready'])[1 + (g / 6) % 7] end,
				       case when g % 9 = 0 then (array['Not Started','Not Eligible','Warming','Warmed','Paused','Needs Attention','Blocked'])[1 + (g / 9) % 7] end,
				       case when g % 9 = 0 then ((g / 9) % 5)::smallint end,
				       case when g % 200 = 7 then 'FAILED' when g % 500 = 3 then 'IN_PROGRESS' end,
				       case when g % 200 = 7 then (array['{CAMPAIGN_NOT_AVAILABLE}', '{EXCEEDED_10DLC_LIMIT}',
				           '{SMS_PROVISIONING_FAILED}', '{}'])[1 + (g / 200) % 4]::text[] end,
				       case when g % 2500 = 23 then now() + make_interval(hours => g % 200) end,
				       case when g % 3000 = 29 then now() - make_interval(hours => g % 400) end,
				       now() - (g % 60) * interval '1 day', now() - (g % 60) * interval '1 day'
				from generate_series(1, ?) g""", accounts.toArray(Long[]::new), teams.toArray(Long[]::new), SIZE);
		counts.fold();
		// 30 days of snapshots per team (and of no team), as the daily job leaves them
		jdbc.update("delete from fleet_days");
		jdbc.update("""
				insert into fleet_days (day, team_id, total, ready, failing, warming, warmed, taken_at)
				select (now() at time zone 'UTC')::date - d, t, 200000 + d, 30000 + d, 20000 - d, 15000, 10000 + d, now()
				from generate_series(1, 30) d cross join unnest(?::bigint[]) t""", (Object) teams.toArray(Long[]::new));
		jdbc.update("""
				insert into fleet_days (day, team_id, total, ready, failing, warming, warmed, taken_at)
				select (now() at time zone 'UTC')::date - d, null, 140000, 20000, 15000, 10000, 8000, now()
				from generate_series(1, 30) d""");
		// ~30,000 changes asked for over the last 30 days, settled (none for the dispatcher to push)
		jdbc.update("""
				insert into pending_changes (phone_number_id, kind, fields, payload, state, created_at, updated_at)
				select id, 'RENAME', array['name'], '{}',
				       case when id % 100 in (3, 4) then 'FAILED' when id % 100 = 5 then 'PARTIAL' when id % 100 = 6 then 'CANCELLED'
				            else 'SUCCEEDED' end,
				       now() - (id % 30) * interval '1 day', now() - (id % 30) * interval '1 day'
				from phone_numbers where id % ? = 0""", Math.max(1, SIZE / 30_000));
		// ~2,000 changes made at the carrier over two days, each at its own moment (a sync's or a
		// webhook's): about 1,000 numbers drifted in the last 24 hours
		jdbc.update("""
				insert into number_events (phone_number_id, type, title, field, before_value, after_value, source, created_at)
				select id, 'PROVIDER_CHANGED', 'SMS service plan changed at Sinch', 'sms_service_plan_id', 'a', 'b',
				       'PROVIDER_SYNC', now() - make_interval(secs => (id / 500 * 86 % 172800)::int)
				from phone_numbers where id % 500 = 0""");
		jdbc.execute("vacuum (analyze) phone_numbers");
		jdbc.execute("vacuum (analyze) number_events");
		jdbc.execute("vacuum (analyze) pending_changes");
		// what autovacuum does within a minute of a fold after a large load (V16 sets it so for the
		// delta tables): the folded deltas' dead rows gone
		for (String deltas : List.of("fleet_count_deltas", "ten_dlc_count_deltas", "ten_dlc_total_deltas", "fleet_flow_deltas",
				"provisioning_failure_deltas")) {
			jdbc.execute("vacuum (analyze) " + deltas);
		}
		jdbc.execute("analyze fleet_counts");
		jdbc.execute("analyze ten_dlc_counts");
		jdbc.execute("analyze ten_dlc_totals");
		jdbc.execute("analyze provisioning_failures");
		jdbc.execute("analyze fleet_days");
		// the writes of the seconds before a fold: 1,000 single-row moves, each its own delta
		jdbc.update("""
				do $$ begin for k in 1..1000 loop
				    update phone_numbers set inventory_state = 'Assigned'
				    where id = (select min(id) from phone_numbers) + k * 17;
				end loop; end $$""");
		jdbc.execute("checkpoint");
		return teams.get(0);
	}


	private static String table(List<Line> lines, List<Line> scans, double fillSeconds, long deltas, String loadBefore,
			String loadAfter) {
		StringBuilder out = new StringBuilder();
		out.append("## Dashboard figures at ").append(String.format("%,d", SIZE)).append(" numbers (issue 15)\n\n");
		out.append("Measured ").append(DateTimeFormatter.ISO_LOCAL_DATE.format(ZonedDateTime.now()))
			.append(" on ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
			.append(System.getProperty("java.version")).append("; mirror filled in ")
			.append(String.format("%.0f", fillSeconds)).append(" s; load average (1 / 5 / 15 min) ").append(loadBefore)
			.append(" before the runs, ").append(loadAfter).append(" after. The counts are maintained (statement ")
			.append("triggers append deltas, a job folds them; docs/architecture.md): reads sum the folded base and the ")
			.append("deltas not yet folded (").append(String.format("%,d", deltas))
			.append(" single-row writes' deltas at the start; the fold task runs every 10 s meanwhile, as in production). Each service line: ")
			.append(RUNS).append(" runs after ").append(WARMUP).append(" warm-up rounds of every call, timed in the test ")
			.append("around the service call (its read-only transaction included); each scan line: ").append(SCAN_RUNS)
			.append(" runs of the same figures counted by a GROUP BY of the whole table.\n\n");
		out.append("| the page and its parts (server time), then the services behind them | p50 ms | p95 ms |\n|---|---:|---:|\n");
		for (Line line : lines) {
			out.append(String.format("| %s | %.1f | %.1f |%n", line.label(), line.p50(), line.p95()));
		}
		out.append("\n| the same figures by full scans | p50 ms | p95 ms |\n|---|---:|---:|\n");
		for (Line line : scans) {
			out.append(String.format("| %s | %.1f | %.1f |%n", line.label(), line.p50(), line.p95()));
		}
		Line scanned = scans.get(scans.size() - 1);
		for (Line page : lines.subList(0, 2)) {
			out.append(String.format("%n%s: p95 %.1f ms against %.1f ms for the same figures scanned, %.0f× faster "
					+ "(p50 %.1f against %.1f ms). Goal: p95 ≤ 50 ms: %s.%n", page.label().replace("**", ""), page.p95(),
					scanned.p95(), scanned.p95() / Math.max(0.001, page.p95()), page.p50(), scanned.p50(),
					page.p95() <= 50 ? "met" : "**not met**"));
		}
		return out.toString();
	}

}

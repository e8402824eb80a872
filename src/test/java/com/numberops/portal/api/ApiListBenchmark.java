package com.numberops.portal.api;

import static com.numberops.portal.support.BenchmarkReport.percentile;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import com.numberops.portal.numbers.MillionNumbers;
import com.numberops.portal.support.BenchmarkReport;
import com.numberops.portal.support.LoadAverage;
import com.numberops.portal.support.PortalIntegrationTest;

/**
 * The API list benchmark (issue 16, item 6): the mirror filled with {@code benchmark.api.size}
 * numbers (1,000,000 by default, the inventory benchmark's fill), then for pages of the list
 * endpoint ({@code GET /api/phone-numbers}, signed in, JSON) p50 and p95 of the server's time
 * beside its SQL over JDBC: the inventory page's statements as {@code NumberQueries.run} runs
 * them, then the records of the page's ids as {@code NumberDetails.findAll} reads them. Goal:
 * the server within 2× of its SQL. Writes its table into {@code docs/benchmarks.md} between its
 * markers ({@code benchmark.report}; {@code none}: print only). Not part of {@code ./mvnw verify};
 * run it with {@code ./mvnw -B -Pbenchmark test -Dtest=ApiListBenchmark}.
 */
@Tag("benchmark")
@Import(ApiListBenchmark.ServerTiming.class)
class ApiListBenchmark extends PortalIntegrationTest {

	static final int SIZE = Integer.getInteger("benchmark.api.size", 1_000_000);

	static final int WARMUP = 15;

	/** Rounds of every page before any is measured, for the JIT compiler (see InventoryBenchmark). */
	static final int JIT_WARMUP_ROUNDS = Integer.getInteger("benchmark.api.jit-warmup", 300);

	static final int RUNS = Integer.getInteger("benchmark.api.runs", 150);

	/** The records of a page's ids, exactly as NumberDetails.findAll reads them for an all-teams viewer. */
	static final String RECORDS = """
			select p.*, null as provider_raw_pretty, t.name as team_name, a.name as account_name, a.account_ref
			from phone_numbers p
			join provider_accounts a on a.id = p.provider_account_id
			left join teams t on t.id = p.team_id
			where p.id = any(:ids) and true""";

	/** The server's own time per list request, from before every other filter until the answer is written. */
	@TestConfiguration(proxyBeanMethods = false)
	static class ServerTiming {

		static final java.util.concurrent.ConcurrentLinkedDeque<Long> LAST = new java.util.concurrent.ConcurrentLinkedDeque<>();

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> apiServerTimingFilter() {
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
				@Override
				protected void doFilterInternal(jakarta.servlet.http.HttpServletRequest request,
						jakarta.servlet.http.HttpServletResponse response, jakarta.servlet.FilterChain chain)
						throws jakarta.servlet.ServletException, IOException {
					long start = System.nanoTime();
					try {
						chain.doFilter(request, response);
					}
					finally {
						if (request.getRequestURI().equals("/api/phone-numbers")) {
							LAST.addLast(System.nanoTime() - start);
						}
					}
				}
			});
			registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	TransactionTemplate transactions;

	record Case(String label, Map<String, String> params) {
	}

	record Result(String label, int items, double serverP50, double serverP95, double sqlP50, double sqlP95) {
	}

	@Test
	void listPagesAtAMillionNumbers() throws Exception {
		long fillStart = System.nanoTime();
		long teamId = MillionNumbers.fill(jdbc, SIZE);
		double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		login(http);
		String secondPage = MillionNumbers.runPage(named, PhoneNumberList.request(Map.of())).getValue();
		List<Case> cases = List.of(new Case("all, by number (first page)", Map.of()),
				new Case("all, by number (page 2, pageToken)", Map.of("pageToken", secondPage)),
				new Case("inventory state = Ready for SMS", Map.of("state", "Ready for SMS")),
				new Case("team, by number", Map.of("team", String.valueOf(teamId))),
				new Case("all, by name", Map.of("sort", "name")),
				new Case("all, last modified first", Map.of("sort", "modified")),
				new Case("warming, by warmup health", Map.of("warmup", "Warming", "sort", "health")),
				new Case("digits anywhere: 0012345", Map.of("q", "0012345")),
				new Case("name words: Retention", Map.of("q", "Retention")),
				new Case("all, pageSize=500", Map.of("pageSize", "500")));
		for (int round = 0; round < JIT_WARMUP_ROUNDS; round++) {
			for (Case c : cases) {
				send(http, request(c));
			}
		}
		String loadBefore = LoadAverage.now();
		List<Runs> runs = cases.stream().map(Runs::new).toList();
		for (int round = 0; round < WARMUP + RUNS; round++) {
			for (Runs page : runs) {
				page.run(http, round - WARMUP);
			}
		}
		String loadAfter = LoadAverage.now();
		String table = table(runs.stream().map(Runs::result).toList(), fillSeconds, loadBefore, loadAfter);
		System.out.println(table);
		BenchmarkReport.write("api-list-benchmark", table);
	}

	/** One page's runs: the server's time over HTTP, and its SQL alone. */
	private final class Runs {

		private final Case page;

		private final HttpRequest http;

		private final double[] server = new double[RUNS];

		private final double[] sql = new double[RUNS];

		private int items;

		Runs(Case page) {
			this.page = page;
			this.http = request(page);
		}

		void run(HttpClient client, int i) throws IOException, InterruptedException {
			ServerTiming.LAST.clear();
			HttpResponse<String> answer = send(client, http);
			long serverNanos = ServerTiming.LAST.getLast();
			long start = System.nanoTime();
			// what the endpoint runs: the inventory's page (its own read-only transaction), then the
			// records by id (another), each row read whole
			List<Long> ids = transactions
				.execute(status -> MillionNumbers.runPage(named, PhoneNumberList.request(page.params())).getKey());
			List<Map<String, Object>> records = transactions.execute(status -> named.queryForList(RECORDS,
					new MapSqlParameterSource("ids", ids.toArray(Long[]::new))));
			long sqlNanos = System.nanoTime() - start;
			if (i >= 0) {
				server[i] = serverNanos / 1e6;
				sql[i] = sqlNanos / 1e6;
				items = records.size();
			}
			if (answer.body().length() < 10) {
				throw new IllegalStateException(page.label() + " answered " + answer.body());
			}
		}

		Result result() {
			return new Result(page.label(), items, percentile(server, 50), percentile(server, 95), percentile(sql, 50),
					percentile(sql, 95));
		}
	}

	private HttpRequest request(Case c) {
		String query = c.params()
			.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/phone-numbers?" + query))
			.header("Accept", "application/json")
			.GET()
			.build();
	}

	private static HttpResponse<String> send(HttpClient http, HttpRequest page) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(page, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(page.uri() + " answered " + response.statusCode() + ": " + response.body());
		}
		return response;
	}

	private void login(HttpClient http) throws IOException, InterruptedException {
		String base = "http://localhost:" + port;
		String form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String body = "username=admin&password=demo&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.discarding());
	}


	private static String table(List<Result> results, double fillSeconds, String loadBefore, String loadAfter) {
		StringBuilder out = new StringBuilder();
		out.append("## API list pages at ").append(String.format("%,d", SIZE)).append(" numbers (issue 16)\n\n");
		out.append("Measured ")
			.append(DateTimeFormatter.ISO_LOCAL_DATE.format(ZonedDateTime.now()))
			.append(" on ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores, Java ")
			.append(System.getProperty("java.version"))
			.append("; mirror filled in ")
			.append(String.format("%.0f", fillSeconds))
			.append(" s (the inventory benchmark's fill); load average (1 / 5 / 15 min) ")
			.append(loadBefore)
			.append(" before the runs, ")
			.append(loadAfter)
			.append(" after. Each line: ")
			.append(RUNS)
			.append(" runs after ")
			.append(WARMUP)
			.append(" warm-up runs and ")
			.append(String.format("%,d", JIT_WARMUP_ROUNDS * results.size()))
			.append(" requests to warm the JIT compiler, the pages taking turns. *Server*: the portal's time on ")
			.append("`GET /api/phone-numbers` (signed in, JSON, 50 seed-003 records unless said; timed by a filter before ")
			.append("every other filter until the answer is written). *SQL*: what the endpoint runs, over JDBC: the ")
			.append("inventory page's statements as `NumberQueries.run` runs them (rows, then the sample or the capped ")
			.append("count), then the page's records by id as `NumberDetails.findAll` reads them. Goal: server within 2× of SQL.\n\n");
		out.append("| page | items | server p50 ms | server p95 ms | SQL p50 ms | SQL p95 ms | server/SQL (p50) | server/SQL (p95) |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Result r : results) {
			out.append(String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f | %.2f× | %.2f× |%n", r.label(), r.items(),
					r.serverP50(), r.serverP95(), r.sqlP50(), r.sqlP95(), r.serverP50() / Math.max(0.001, r.sqlP50()),
					r.serverP95() / Math.max(0.001, r.sqlP95())));
		}
		return out.toString();
	}

}

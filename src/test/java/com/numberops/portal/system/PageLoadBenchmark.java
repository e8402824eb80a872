package com.numberops.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.support.BenchmarkReport;
import com.numberops.portal.support.LoadAverage;
import com.numberops.portal.support.PortalHttp;
import com.numberops.portal.support.BenchmarkSchema;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.sync.SyncRun;
import com.numberops.portal.sync.SyncTrigger;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Pages under load (issue 18, item 6): the whole portal on a random port, its sandbox seeded with
 * {@code benchmark.load.size} numbers and mirrored by a first full sync, then, from
 * {@code benchmark.load.concurrency} threads (64), each a signed-in browser-like client with its
 * own keep-alive connection:
 * <ol>
 * <li><b>steady</b>: the full Numbers page, its htmx fragment (the same URL with
 * {@code HX-Request}), a number's page and {@code /actuator/health}, one after the other, each for
 * {@code benchmark.load.seconds} per round over {@code benchmark.load.rounds} rounds (so the
 * machine's other work falls on all of them alike) after a mixed JIT warm-up: requests per second,
 * latency p50/p95/p99, and CPU per request, of the Tomcat request threads and of the whole JVM
 * less the load generator's own threads;</li>
 * <li><b>mixed</b>: {@code benchmark.load.mixed-seconds} (30) of a mix of pages while every
 * account syncs again and again: p99 per page and overall (goal: under 1 s).</li>
 * </ol>
 * The load generator runs in the portal's JVM, so "process CPU" is measured less its threads; the
 * request threads' own CPU excludes GC and JIT. No timing is asserted. {@code -Dbenchmark.load.only=steady|mixed}
 * runs one part; {@code -Dbenchmark.load.jfr=<file>} records the steady part with Flight Recorder
 * (profile settings) for {@code jfr print --events jdk.ExecutionSample}.
 * Run: {@code ./mvnw -B -Pbenchmark test -Dtest=PageLoadBenchmark}.
 */
@Tag("benchmark")
@Import(BenchmarkSchema.Cleanup.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.banner-mode=off", "logging.level.root=WARN" })
class PageLoadBenchmark {

	static final int SIZE = Integer.getInteger("benchmark.load.size", 100_000);

	static final int CONCURRENCY = Integer.getInteger("benchmark.load.concurrency", 64);

	static final int SECONDS = Integer.getInteger("benchmark.load.seconds", 10);

	static final int ROUNDS = Integer.getInteger("benchmark.load.rounds", 2);

	static final int WARMUP_SECONDS = Integer.getInteger("benchmark.load.warmup", 30);

	static final int MIXED_SECONDS = Integer.getInteger("benchmark.load.mixed-seconds", 30);

	static final String ONLY = System.getProperty("benchmark.load.only", "");

	static final String JFR = System.getProperty("benchmark.load.jfr", "");

	/** Signed-in sessions the threads share out (a few people, many tabs); each has its own connections. */
	static final int SESSIONS = 8;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		BenchmarkSchema.register(registry, "load", "page-load-benchmark", SIZE);
	}

	@LocalServerPort
	int port;

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	MirrorSync sync;

	@Autowired
	JdbcTemplate jdbc;

	/** What one request asks for: a path, as a page or as an htmx fragment. */
	record Target(String label, String path, boolean htmx, int weight) {

		HttpRequest.Builder request(PortalHttp client) {
			HttpRequest.Builder request = client.request(path).version(HttpClient.Version.HTTP_1_1).GET();
			if (htmx) {
				request.header("HX-Request", "true").header("HX-Current-URL", "http://localhost" + path);
			}
			// as a browser asks for a page, and a probe for its health
			String accept = htmx ? "*/*" : path.startsWith("/actuator/") ? "application/json"
					: "text/html,application/xhtml+xml";
			return request.header("Accept", accept);
		}
	}

	@Test
	void pagesUnderLoad() throws Exception {
		String loadBefore = LoadAverage.now();
		Instant started = Instant.now();
		long fillStart = System.nanoTime();
		for (ProviderAccount account : accounts.all()) {
			SyncRun run = sync.syncAccount(account, accounts.adapterFor(account).orElseThrow(), SyncTrigger.MANUAL,
					"benchmark").orElseThrow();
			assertThat(run.status()).isEqualTo(SyncRun.SUCCEEDED);
		}
		double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
		long mirrored = jdbc.queryForObject("select count(*) from phone_numbers", Long.class);
		jdbc.execute("analyze phone_numbers");
		long numberId = jdbc.queryForObject("select id from phone_numbers order by id offset ? limit 1", Long.class,
				mirrored / 2);

		List<PortalHttp> sessions = new ArrayList<>();
		for (int i = 0; i < SESSIONS; i++) {
			sessions.add(PortalHttp.signIn(port, "admin", "demo"));
		}
		Target full = new Target("/numbers (full page)", "/numbers", false, 3);
		Target fragment = new Target("/numbers (htmx fragment)", "/numbers", true, 3);
		Target number = new Target("/numbers/{id} (number page)", "/numbers/" + numberId, false, 2);
		Target health = new Target("/actuator/health", "/actuator/health", false, 0);
		for (Target target : List.of(full, fragment, number, health)) {
			HttpResponse<String> answer = sessions.get(0).send(target.request(sessions.get(0)));
			assertThat(answer.statusCode()).as(target.label()).isEqualTo(200);
			System.out.printf(Locale.ROOT, "%-30s %,9d bytes%n", target.label(), answer.body().length());
		}

		StringBuilder report = new StringBuilder();
		report.append("## Latest run: pages under load, ").append(String.format(Locale.ROOT, "%,d", mirrored))
			.append(" numbers mirrored\n\n");
		report.append("- **Date**: ").append(started.truncatedTo(ChronoUnit.SECONDS)).append('\n');
		report.append("- **Command**: `./mvnw -B -Pbenchmark test -Dtest=PageLoadBenchmark")
			.append(SIZE == 100_000 ? "" : " -Dbenchmark.load.size=" + SIZE)
			.append(CONCURRENCY == 64 ? "" : " -Dbenchmark.load.concurrency=" + CONCURRENCY)
			.append(SECONDS == 10 ? "" : " -Dbenchmark.load.seconds=" + SECONDS)
			.append(ROUNDS == 2 ? "" : " -Dbenchmark.load.rounds=" + ROUNDS)
			.append(WARMUP_SECONDS == 30 ? "" : " -Dbenchmark.load.warmup=" + WARMUP_SECONDS)
			.append(MIXED_SECONDS == 30 ? "" : " -Dbenchmark.load.mixed-seconds=" + MIXED_SECONDS)
			.append("`\n");
		report.append("- **Machine**: ").append(Runtime.getRuntime().availableProcessors()).append(" cores; load average (1 / 5 / 15 min) ")
			.append(loadBefore).append(" before, LOAD_AFTER after (other work on the machine skews every figure)\n");
		report.append(String.format(Locale.ROOT, "- **Load**: %d client threads over %d signed-in sessions (admin), HTTP/1.1 keep-alive; "
				+ "the mirror filled by a first full sync of every account in %.1f s\n\n", CONCURRENCY, SESSIONS, fillSeconds));

		ExecutorService threads = Executors.newFixedThreadPool(CONCURRENCY, counted("load-"));
		try {
			if (!ONLY.equals("mixed")) {
				Phase warmup = run(threads, sessions, List.of(full, fragment, number, alone(health)), WARMUP_SECONDS);
				System.out.printf(Locale.ROOT, "JIT warm-up: %,d requests in %d s%n", warmup.requests(), WARMUP_SECONDS);
				Recording recording = null;
				if (!JFR.isBlank()) {
					recording = new Recording(Configuration.getConfiguration("profile"));
					recording.start();
				}
				Map<Target, List<Phase>> steady = new LinkedHashMap<>();
				for (int round = 0; round < ROUNDS; round++) {
					for (Target target : List.of(full, fragment, number, health)) {
						// when each phase began: a flight recording's samples split by it
						System.out.println("phase " + target.label() + " from " + Instant.now());
						steady.computeIfAbsent(target, t -> new ArrayList<>())
							.add(run(threads, sessions, List.of(alone(target)), SECONDS));
					}
				}
				if (recording != null) {
					recording.stop();
					recording.dump(Path.of(JFR));
					recording.close();
					System.out.println("Flight recording written to " + Path.of(JFR).toAbsolutePath());
				}
				report.append(steadyTable(steady));
			}
			if (!ONLY.equals("steady")) {
				List<Target> mix = List.of(full, fragment, number, new Target("/ (dashboard)", "/", false, 1),
						new Target("/changes", "/changes", false, 1), new Target("/sync", "/sync", false, 1));
				AtomicBoolean syncing = new AtomicBoolean(true);
				AtomicInteger syncs = new AtomicInteger();
				List<Thread> syncers = new ArrayList<>();
				for (ProviderAccount account : accounts.all()) {
					Thread syncer = new Thread(() -> {
						while (syncing.get()) {
							sync.syncAccount(account, accounts.adapterFor(account).orElseThrow(), SyncTrigger.MANUAL, "benchmark");
							syncs.incrementAndGet();
						}
					}, "benchmark-sync-" + account.id());
					syncer.start();
					syncers.add(syncer);
				}
				Phase mixed;
				try {
					mixed = run(threads, sessions, mix, MIXED_SECONDS);
				}
				finally {
					syncing.set(false);
					for (Thread syncer : syncers) {
						syncer.join();
					}
				}
				report.append(mixedTable(mixed, syncs.get()));
			}
		}
		finally {
			threads.shutdownNow();
		}
		String table = report.toString().replace("LOAD_AFTER", LoadAverage.now());
		System.out.println(table);
		BenchmarkReport.write("page-load-benchmark", table);
	}

	/** The target with weight 1 on its own. */
	private static Target alone(Target target) {
		return new Target(target.label(), target.path(), target.htmx(), 1);
	}

	// ---------------------------------------------------------------- load

	/** What one phase came to: latencies per target (µs), failures, and CPU consumed. */
	record Phase(Map<String, long[]> latencies, long requests, long failures, double seconds, long processCpuNanos,
			long requestThreadNanos, long loadThreadNanos) {
	}

	private Phase run(ExecutorService threads, List<PortalHttp> sessions, List<Target> targets, int seconds)
			throws Exception {
		List<Target> weighted = new ArrayList<>();
		for (Target target : targets) {
			for (int i = 0; i < target.weight(); i++) {
				weighted.add(target);
			}
		}
		AtomicLong failures = new AtomicLong();
		Cpu before = Cpu.now();
		long start = System.nanoTime();
		long end = start + Duration.ofSeconds(seconds).toNanos();
		List<Future<Map<String, Samples>>> workers = new ArrayList<>();
		for (int i = 0; i < CONCURRENCY; i++) {
			PortalHttp client = sessions.get(i % sessions.size());
			workers.add(threads.submit(() -> {
				Map<String, Samples> mine = new LinkedHashMap<>();
				ThreadLocalRandom random = ThreadLocalRandom.current();
				while (System.nanoTime() < end) {
					Target target = weighted.get(random.nextInt(weighted.size()));
					long sent = System.nanoTime();
					int status;
					try {
						status = client.send(target.request(client), HttpResponse.BodyHandlers.discarding()).statusCode();
					}
					catch (RuntimeException failed) {
						status = -1;
					}
					mine.computeIfAbsent(target.label(), label -> new Samples()).add((System.nanoTime() - sent) / 1_000);
					if (status != 200) {
						failures.incrementAndGet();
					}
				}
				return mine;
			}));
		}
		Map<String, Samples> all = new LinkedHashMap<>();
		for (Future<Map<String, Samples>> worker : workers) {
			worker.get().forEach((label, samples) -> all.computeIfAbsent(label, l -> new Samples()).addAll(samples));
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		Cpu after = Cpu.now();
		Map<String, long[]> latencies = new LinkedHashMap<>();
		long requests = 0;
		for (Target target : targets) {
			Samples samples = all.getOrDefault(target.label(), new Samples());
			latencies.put(target.label(), samples.values());
			requests += samples.size;
		}
		return new Phase(latencies, requests, failures.get(), elapsed, after.process() - before.process(),
				after.requestThreads() - before.requestThreads(), after.loadThreads() - before.loadThreads());
	}

	/** Latencies of one thread, growing without boxing. */
	static final class Samples {

		long[] values = new long[1024];

		int size;

		void add(long value) {
			if (size == values.length) {
				values = Arrays.copyOf(values, size * 2);
			}
			values[size++] = value;
		}

		void addAll(Samples other) {
			for (int i = 0; i < other.size; i++) {
				add(other.values[i]);
			}
		}

		long[] values() {
			return Arrays.copyOf(values, size);
		}
	}

	/**
	 * CPU consumed so far: the whole JVM, Tomcat's threads (request threads, poller, acceptor), and
	 * the load generator's own (its client threads and the HTTP client's selector and workers).
	 */
	record Cpu(long process, long requestThreads, long loadThreads) {

		private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

		static Cpu now() {
			long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
			long request = 0;
			long load = 0;
			long[] ids = THREADS.getAllThreadIds();
			ThreadInfo[] infos = THREADS.getThreadInfo(ids);
			for (int i = 0; i < ids.length; i++) {
				if (infos[i] == null) {
					continue;
				}
				String name = infos[i].getThreadName();
				long cpu = Math.max(0, THREADS.getThreadCpuTime(ids[i]));
				if (name.startsWith("http-nio-")) {
					request += cpu;
				}
				else if (name.startsWith("load-") || name.startsWith("HttpClient-")) {
					load += cpu;
				}
			}
			return new Cpu(process, request, load);
		}
	}

	private static java.util.concurrent.ThreadFactory counted(String prefix) {
		AtomicInteger next = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, prefix + next.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	// ---------------------------------------------------------------- report

	private static String steadyTable(Map<Target, List<Phase>> steady) {
		StringBuilder table = new StringBuilder();
		table.append("### One page at a time (").append(ROUNDS).append(" rounds of ").append(SECONDS)
			.append(" s each, after a ").append(WARMUP_SECONDS).append(" s mixed warm-up)\n\n");
		table.append("| page | requests | req/s | p50 | p95 | p99 | max | failed | request threads' CPU / request | JVM CPU less the load generator / request |\n");
		table.append("|---|---|---|---|---|---|---|---|---|---|\n");
		for (Map.Entry<Target, List<Phase>> entry : steady.entrySet()) {
			List<Phase> phases = entry.getValue();
			long[] latencies = phases.stream()
				.flatMapToLong(phase -> Arrays.stream(phase.latencies().get(entry.getKey().label())))
				.toArray();
			long requests = latencies.length;
			double seconds = phases.stream().mapToDouble(Phase::seconds).sum();
			long failures = phases.stream().mapToLong(Phase::failures).sum();
			long requestCpu = phases.stream().mapToLong(Phase::requestThreadNanos).sum();
			long serverCpu = phases.stream().mapToLong(phase -> phase.processCpuNanos() - phase.loadThreadNanos()).sum();
			table.append(String.format(Locale.ROOT, "| %s | %,d | %,.0f | %s | %s | %s | %s | %d | %.2f ms | %.2f ms |%n",
					entry.getKey().label(), requests, requests / seconds, ms(latencies, 50), ms(latencies, 95),
					ms(latencies, 99), ms(latencies, 100), failures, requestCpu / 1e6 / Math.max(1, requests),
					serverCpu / 1e6 / Math.max(1, requests)));
		}
		table.append("\n");
		return table.toString();
	}

	private static String mixedTable(Phase mixed, int syncs) {
		StringBuilder table = new StringBuilder();
		table.append("### Mixed pages while every account syncs (").append(MIXED_SECONDS).append(" s, ").append(syncs)
			.append(" full syncs finished meanwhile)\n\n");
		table.append("| page | requests | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|\n");
		List<Long> every = new ArrayList<>();
		mixed.latencies().forEach((label, latencies) -> {
			table.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s |%n", label, latencies.length,
					ms(latencies, 50), ms(latencies, 95), ms(latencies, 99), ms(latencies, 100)));
			Arrays.stream(latencies).forEach(every::add);
		});
		long[] all = every.stream().mapToLong(Long::longValue).toArray();
		table.append(String.format(Locale.ROOT, "| **all** | %,d | %s | %s | **%s** | %s |%n%n", all.length, ms(all, 50),
				ms(all, 95), ms(all, 99), ms(all, 100)));
		double p99 = all.length == 0 ? Double.NaN : BenchmarkReport.percentile(toDoubles(all), 99) / 1000;
		table.append(String.format(Locale.ROOT, "%,.0f requests/s, %d failed; goal p99 < 1 s: %s%n%n",
				all.length / mixed.seconds(), mixed.failures(), p99 < 1000 ? "met" : "**not met**"));
		return table.toString();
	}

	private static String ms(long[] micros, int percentile) {
		if (micros.length == 0) {
			return "-";
		}
		double value = BenchmarkReport.percentile(toDoubles(micros), percentile) / 1000;
		return value >= 100 ? String.format(Locale.ROOT, "%,.0f ms", value) : String.format(Locale.ROOT, "%.1f ms", value);
	}

	private static double[] toDoubles(long[] values) {
		return Arrays.stream(values).asDoubleStream().toArray();
	}
}

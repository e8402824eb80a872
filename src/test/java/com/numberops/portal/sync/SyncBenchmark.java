package com.numberops.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.numberops.portal.providers.CarrierNumbers;
import com.numberops.portal.providers.ChangeResult;
import com.numberops.portal.providers.ListScope;
import com.numberops.portal.providers.NumberChange;
import com.numberops.portal.providers.NumberPage;
import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProviderNumber;
import com.numberops.portal.support.LoadAverage;
import com.numberops.portal.support.BenchmarkSchema;

/**
 * The sync benchmark (issue 4, item 7): the whole portal on a random port, its sandbox seeded
 * with {@code benchmark.size} numbers (100,000 by default), and from one run:
 * <ol>
 * <li>every page of every account fetched bare through the adapters, no database write (twice:
 * the first pass runs on a cold JVM);</li>
 * <li>the first full sync of every account;</li>
 * <li>a no-op re-sync, and the rows it wrote to phone_numbers and number_events, which must be 0
 * (the one assertion: that is behaviour, not timing);</li>
 * <li>peak heap during each phase, against {@code -Xmx}.</li>
 * </ol>
 * It prints a table and refreshes {@code docs/benchmarks.md}. Not part of {@code ./mvnw verify}
 * (its name matches none of Surefire's patterns and it carries the {@code benchmark} tag); run it
 * with {@code ./mvnw -B -Pbenchmark test -Dtest=SyncBenchmark}.
 */
@Tag("benchmark")
@Import(BenchmarkSchema.Cleanup.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.banner-mode=off", "logging.level.root=WARN",
				"logging.level.com.numberops.portal.sandbox.SandboxDatabase=INFO" })
class SyncBenchmark {

	static final int SIZE = Integer.getInteger("benchmark.size", 100_000);

	/** Where the figures go; "none" writes nothing. Relative to the project (Surefire's working directory). */
	static final String REPORT = System.getProperty("benchmark.report", "docs/benchmarks.md");

	/** Own throwaway schemas, so a 100,000-number sandbox never meets the shared test context's. */
	static final String SCHEMA = BenchmarkSchema.of("bench");

	static final String SANDBOX_SCHEMA = BenchmarkSchema.sandboxOf("bench");

	/**
	 * "first-sync": only the first full sync and its peak heap, printed, nothing written to the
	 * report (a run at 1,000,000 on a busy machine, where every phase costs many minutes).
	 */
	static final String PHASES = System.getProperty("benchmark.phases", "all");

	/**
	 * PostgreSQL 15+ backends flush their table counters to shared memory at most once a second
	 * while busy and at the latest 10 s after going idle (PGSTAT_IDLE_INTERVAL); older servers
	 * send them to the collector every 0.5 s. Waiting this long makes pg_stat_user_tables complete.
	 */
	static final long STATS_SETTLE_MS = 11_000;

	static final String BEGIN = "<!-- benchmark:begin (written by SyncBenchmark; text outside these markers is kept) -->";

	static final String END = "<!-- benchmark:end -->";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		BenchmarkSchema.register(registry, "bench", "sync-benchmark", SIZE);
	}

	@Autowired
	ProviderAccounts providerAccounts;

	@Autowired
	MirrorSync sync;

	@Autowired
	SyncProperties syncProperties;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void syncOfTheSeededFleet() throws Exception {
		long readyAfterMs = ManagementFactory.getRuntimeMXBean().getUptime();
		String loadBefore = LoadAverage.now();
		List<ProviderAccount> accounts = providerAccounts.all();
		assertThat(accounts).as("sandbox accounts").isNotEmpty();
		steadyCarrier();
		Heap heap = new Heap();
		if ("first-sync".equals(PHASES)) {
			firstSyncOnly(accounts, heap, loadBefore, readyAfterMs);
			return;
		}

		heap.reset();
		List<Fetched> coldFetch = accounts.stream().map(this::fetchBare).toList();
		Heap.Peak coldFetchHeap = heap.peak();

		heap.reset();
		List<Fetched> bareFetch = accounts.stream().map(this::fetchBare).toList();
		Heap.Peak bareFetchHeap = heap.peak();

		heap.reset();
		List<Synced> firstSync = accounts.stream().map(this::syncTimed).toList();
		Heap.Peak firstSyncHeap = heap.peak();

		long discovered = jdbc.queryForObject("select count(*) from " + SCHEMA + ".number_events where type = 'DISCOVERED'",
				Long.class);

		WriteProbe probe = new WriteProbe(jdbc, SCHEMA);
		WriteProbe.Written selfCheck = probe.selfCheck();

		WriteProbe.Mark beforeResync = probe.mark();
		heap.reset();
		List<Synced> resync = accounts.stream().map(this::syncTimed).toList();
		Heap.Peak resyncHeap = heap.peak();
		WriteProbe.Written resyncWrites = probe.writtenSince(beforeResync);
		String loadAfterSyncs = LoadAverage.now();

		Floor floor = writeFloor(bareFetch);

		Report report = new Report(readyAfterMs, syncProperties.pageSize(), coldFetch, bareFetch, firstSync, resync,
				coldFetchHeap, bareFetchHeap, firstSyncHeap, resyncHeap, selfCheck, resyncWrites, floor, loadAfterSyncs,
				Machine.describe(jdbc, loadBefore));
		System.out.println(report.console());
		if (!"none".equals(REPORT)) {
			report.refresh(Path.of(REPORT));
			System.out.println("Figures written to " + Path.of(REPORT).toAbsolutePath());
		}

		// behaviour, not timing
		long bareNumbers = bareFetch.stream().mapToLong(Fetched::numbers).sum();
		assertThat(coldFetch.stream().mapToLong(Fetched::numbers).sum()).isEqualTo(bareNumbers);
		assertThat(firstSync).allSatisfy(synced -> assertThat(synced.run().status()).isEqualTo(SyncRun.SUCCEEDED));
		assertThat(resync).allSatisfy(synced -> assertThat(synced.run().status()).isEqualTo(SyncRun.SUCCEEDED));
		assertThat(firstSync.stream().mapToLong(synced -> synced.run().fetched()).sum()).isEqualTo(bareNumbers);
		assertThat(firstSync.stream().mapToLong(synced -> synced.run().created()).sum()).isEqualTo(bareNumbers);
		assertThat(discovered).as("one DISCOVERED event per created number").isEqualTo(bareNumbers);
		assertThat(floor.rows()).as("the floor wrote what the first sync created").isEqualTo(bareNumbers);
		assertThat(selfCheck.rowVersions()).as("the probe sees a write that changes no value").isEqualTo(1);
		assertThat(selfCheck.statTuples()).as("pg_stat sees a write that changes no value").isEqualTo(1);
		assertThat(resync).allSatisfy(synced -> {
			assertThat(synced.run().created()).isZero();
			assertThat(synced.run().updated()).isZero();
			assertThat(synced.run().vanished()).isZero();
			assertThat(synced.run().unchanged()).isEqualTo(synced.run().fetched());
		});
		assertThat(resyncWrites.rowVersions()).as("row versions the no-op re-sync wrote (xmin)").isZero();
		assertThat(resyncWrites.statTuples()).as("tuples the no-op re-sync wrote (pg_stat_user_tables)").isZero();
		assertThat(resyncWrites.rowCountDelta()).as("rows the no-op re-sync added or removed").isZero();
	}

	private void firstSyncOnly(List<ProviderAccount> accounts, Heap heap, String loadBefore, long readyAfterMs) {
		heap.reset();
		List<Synced> firstSync = accounts.stream().map(this::syncTimed).toList();
		Heap.Peak firstSyncHeap = heap.peak();
		String loadAfter = LoadAverage.now();
		long numbers = firstSync.stream().mapToLong(synced -> synced.run().fetched()).sum();
		StringBuilder out = new StringBuilder("\n================ Sync benchmark, first full sync only: ")
			.append(Report.count(SIZE)).append(" sandbox numbers ================\n");
		out.append("portal ready after ").append(Report.seconds(readyAfterMs * 1_000_000)).append("; load average (1/5/15 min) ")
			.append(loadBefore).append(" before, ").append(loadAfter).append(" after\n");
		out.append(Report.text(List.of(
				List.of("phase", "time", "pages", "numbers", "pages/s", "numbers/s", "created", "updated", "unchanged",
						"mirror rows written", "peak heap (old gen)", "live heap after"),
				Report.syncRow("first full sync", firstSync, firstSyncHeap, "-"))));
		out.append("max heap ").append(Report.mb(Runtime.getRuntime().maxMemory())).append("\n");
		for (Synced synced : firstSync) {
			out.append(synced.account().name()).append(": ").append(Report.count(synced.run().fetched())).append(" numbers, ")
				.append(synced.pages()).append(" pages in ").append(Report.seconds(synced.nanos())).append(", inside page() ")
				.append(Report.seconds(synced.fetchNanos())).append('\n');
		}
		System.out.println(out);
		assertThat(firstSync).allSatisfy(synced -> assertThat(synced.run().status()).isEqualTo(SyncRun.SUCCEEDED));
		assertThat(numbers).isEqualTo(firstSync.stream().mapToLong(synced -> synced.run().created()).sum());
	}

	// ---------------------------------------------------------------- the phases

	/**
	 * The simulated carrier is not what is measured: its freshly seeded tables are vacuumed and
	 * analysed now, as autovacuum would do within minutes anyway, so that autovacuum does not
	 * change the sandbox's query plans in the middle of a phase.
	 */
	private void steadyCarrier() {
		for (String table : jdbc.queryForList("select tablename from pg_tables where schemaname = ?", String.class,
				SANDBOX_SCHEMA)) {
			jdbc.execute("vacuum (analyze) " + SANDBOX_SCHEMA + "." + table);
		}
	}

	/** One account's every listing, page by page, through its adapter; nothing is written. */
	record Fetched(ProviderAccount account, int scopes, int pages, long numbers, long nanos, long[] pageNanos) {
	}

	private Fetched fetchBare(ProviderAccount account) {
		CarrierNumbers adapter = providerAccounts.adapterFor(account).orElseThrow();
		int pageSize = syncProperties.pageSize();
		List<ListScope> scopes = adapter.scopes();
		List<Long> pageNanos = new ArrayList<>();
		long numbers = 0;
		long start = System.nanoTime();
		for (ListScope scope : scopes) {
			String token = null;
			do {
				long pageStart = System.nanoTime();
				NumberPage page = adapter.page(scope, token, pageSize);
				pageNanos.add(System.nanoTime() - pageStart);
				numbers += page.numbers().size();
				token = page.last() ? null : page.nextPageToken();
			}
			while (token != null);
		}
		long nanos = System.nanoTime() - start;
		return new Fetched(account, scopes.size(), pageNanos.size(), numbers, nanos,
				pageNanos.stream().mapToLong(Long::longValue).toArray());
	}

	/** One full sync of one account, its wall time, and how much of it went into fetching pages. */
	record Synced(ProviderAccount account, SyncRun run, long nanos, long fetchNanos, int pages) {

		long reconcileNanos() {
			return nanos - fetchNanos;
		}
	}

	private Synced syncTimed(ProviderAccount account) {
		TimedAdapter adapter = new TimedAdapter(providerAccounts.adapterFor(account).orElseThrow());
		long start = System.nanoTime();
		SyncRun run = sync.syncAccount(account, adapter, SyncTrigger.MANUAL, "benchmark").orElseThrow();
		long nanos = System.nanoTime() - start;
		return new Synced(account, run, nanos, adapter.pageNanos, adapter.pages);
	}

	/** The account's own adapter, timing every page it hands to the sync; nothing else changes. */
	static final class TimedAdapter implements CarrierNumbers {

		private final CarrierNumbers delegate;

		long pageNanos;

		int pages;

		TimedAdapter(CarrierNumbers delegate) {
			this.delegate = delegate;
		}

		@Override
		public NumberPage page(ListScope scope, @Nullable String pageToken, int pageSize) {
			long start = System.nanoTime();
			try {
				return delegate.page(scope, pageToken, pageSize);
			}
			finally {
				pageNanos += System.nanoTime() - start;
				pages++;
			}
		}

		@Override
		public ProviderKind kind() {
			return delegate.kind();
		}

		@Override
		public String accountRef() {
			return delegate.accountRef();
		}

		@Override
		public boolean sandbox() {
			return delegate.sandbox();
		}

		@Override
		public List<ListScope> scopes() {
			return delegate.scopes();
		}

		@Override
		public ProviderNumber get(String providerNumberId) {
			return delegate.get(providerNumberId);
		}

		@Override
		public ChangeResult apply(String providerNumberId, NumberChange change) {
			return delegate.apply(providerNumberId, change);
		}

		@Override
		public void release(String providerNumberId) {
			delegate.release(providerNumberId);
		}
	}

	// ---------------------------------------------------------------- the write floor

	/** The mirror's write floor: rows and events written, in how many pages, and how long it took. */
	record Floor(long rows, long pages, long nanos) {
	}

	/**
	 * What writing a first sync's rows costs the database alone: the rows the first sync wrote,
	 * copied aside, the mirror emptied, and written again as the first sync writes them (per
	 * account, as many pages as its listings had, one transaction per page: one multi-row insert
	 * into phone_numbers with its 19 indexes and count triggers, {@code on conflict do nothing
	 * returning id}, then the page's DISCOVERED events from those ids), but straight from the copy
	 * in the database: no carrier, no JSON, no parameters sent, no comparing. A lower bound of what
	 * any first sync must spend writing. Runs last: it empties the mirror (TRUNCATE ... CASCADE).
	 */
	private Floor writeFloor(List<Fetched> fetched) {
		String table = SCHEMA + ".phone_numbers";
		String copy = SCHEMA + ".floor_rows";
		jdbc.execute("create unlogged table " + copy + " as select * from " + table);
		jdbc.execute("alter table " + copy + " add primary key (id)");
		jdbc.execute("analyze " + copy);
		String columns = String.join(", ", jdbc.queryForList("""
				select column_name from information_schema.columns
				where table_schema = ? and table_name = 'phone_numbers' and is_generated = 'NEVER' and is_identity = 'NO'
				order by ordinal_position""", String.class, SCHEMA));
		jdbc.execute("truncate " + table + " cascade");
		jdbc.execute("checkpoint");
		String insert = "insert into " + table + " (" + columns + ") select " + columns + " from " + copy
				+ " where provider_account_id = ? and id > ? and id <= ? order by id"
				+ " on conflict (provider_account_id, provider_phone_number_id) do nothing returning id";
		String events = "insert into " + SCHEMA + ".number_events (phone_number_id, type, title, source, created_at)"
				+ " select unnest(?::bigint[]), 'DISCOVERED', 'First seen at the carrier', 'PROVIDER_SYNC', now()";
		record Page(long accountId, long after, long upTo) {
		}
		List<Page> plan = new ArrayList<>();
		for (Fetched account : fetched) {
			long perPage = Math.max(1, (account.numbers() + account.pages() - 1) / Math.max(1, account.pages()));
			// the copy's ids keep the first sync's order; each page ends at every perPage-th of them
			List<Long> ends = new ArrayList<>(jdbc.queryForList("select id from (select id, row_number() over (order by id) as n"
					+ " from " + copy + " where provider_account_id = ?) ranked where n % ? = 0 order by id", Long.class,
					account.account().id(), perPage));
			ends.add(Long.MAX_VALUE);
			long after = 0;
			for (long end : ends) {
				plan.add(new Page(account.account().id(), after, end));
				after = end;
			}
		}
		long rows = 0;
		long pages = 0;
		long start = System.nanoTime();
		for (Page page : plan) {
			Integer inserted = transactions.execute(status -> {
				List<Long> ids = jdbc.queryForList(insert, Long.class, page.accountId(), page.after(), page.upTo());
				if (!ids.isEmpty()) {
					jdbc.update(events, (Object) ids.toArray(Long[]::new));
				}
				return ids.size();
			});
			rows += inserted == null ? 0 : inserted;
			pages += inserted == null || inserted == 0 ? 0 : 1;
		}
		long nanos = System.nanoTime() - start;
		jdbc.execute("drop table " + copy);
		return new Floor(rows, pages, nanos);
	}

	// ---------------------------------------------------------------- writes

	/**
	 * Counts what was written to the mirror's tables between two marks, two independent ways:
	 * <ul>
	 * <li><b>Row versions (xmin)</b>: every INSERT and every UPDATE — even one that sets a column
	 * to the value it already has, even a HOT update — creates a new row version stamped with the
	 * writing transaction's id in {@code xmin}. A mark remembers the next transaction id to be
	 * assigned; afterwards, the rows whose xmin lies at or after it were written since. DELETEs
	 * leave no row behind, so {@code count(*)} is compared too. Exact and immediate.</li>
	 * <li><b>pg_stat_user_tables</b>: {@code n_tup_ins + n_tup_upd + n_tup_del} of the two tables in
	 * the portal's schema, which also count writes of transactions that rolled back. Backends
	 * report them late (see {@link #STATS_SETTLE_MS}), so each mark waits for them to settle.</li>
	 * </ul>
	 * A comparison of {@code max(version)} or {@code max(modified_at)} would miss an UPDATE that
	 * leaves both alone; both methods here do not, and {@link #selfCheck()} proves it on every run.
	 */
	static final class WriteProbe {

		static final List<String> MIRROR = List.of("phone_numbers", "number_events");

		/** Written by every run by design (progress, the seen-set): reported, not asserted. */
		static final List<String> BOOKKEEPING = List.of("sync_runs", "sync_seen");

		private final JdbcTemplate jdbc;

		private final String schema;

		WriteProbe(JdbcTemplate jdbc, String schema) {
			this.jdbc = jdbc;
			this.schema = schema;
		}

		record Mark(long nextXid, Map<String, Long> rows, Map<String, Long> statTuples) {
		}

		record Written(long rowVersions, long rowCountDelta, long statTuples, Map<String, Long> perTable,
				Map<String, Long> bookkeepingStatTuples, long xids) {
		}

		Mark mark() throws InterruptedException {
			Thread.sleep(STATS_SETTLE_MS);
			Map<String, Long> rows = new LinkedHashMap<>();
			for (String table : MIRROR) {
				rows.put(table, jdbc.queryForObject("select count(*) from " + schema + "." + table, Long.class));
			}
			long nextXid = jdbc.queryForObject("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint", Long.class);
			return new Mark(nextXid, rows, statTuples());
		}

		Written writtenSince(Mark mark) throws InterruptedException {
			long nextXid = jdbc.queryForObject("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint", Long.class);
			long xids = nextXid - mark.nextXid();
			long boundary = mark.nextXid() % (1L << 32);
			Map<String, Long> perTable = new LinkedHashMap<>();
			long rowVersions = 0;
			long rowCountDelta = 0;
			for (String table : MIRROR) {
				// xmin is the 32-bit transaction id: compare modulo 2^32, so even a wraparound in between counts right
				Long written = jdbc.queryForObject("select count(*) from " + schema + "." + table
						+ " where (xmin::text::bigint - ? + 4294967296) % 4294967296 < ?", Long.class, boundary, xids);
				long rows = jdbc.queryForObject("select count(*) from " + schema + "." + table, Long.class);
				perTable.put(table + " row versions", written);
				perTable.put(table + " count(*) delta", rows - mark.rows().get(table));
				rowVersions += written;
				rowCountDelta += rows - mark.rows().get(table);
			}
			Thread.sleep(STATS_SETTLE_MS);
			Map<String, Long> stats = statTuples();
			long statTuples = 0;
			Map<String, Long> bookkeeping = new LinkedHashMap<>();
			for (Map.Entry<String, Long> entry : stats.entrySet()) {
				long delta = entry.getValue() - mark.statTuples().getOrDefault(entry.getKey(), 0L);
				if (MIRROR.contains(entry.getKey())) {
					perTable.put(entry.getKey() + " n_tup_ins+upd+del", delta);
					statTuples += delta;
				}
				else {
					bookkeeping.put(entry.getKey(), delta);
				}
			}
			return new Written(rowVersions, rowCountDelta, statTuples, perTable, bookkeeping, xids);
		}

		/** A write that changes no value (the one a version or timestamp comparison misses) must be seen. */
		Written selfCheck() throws InterruptedException {
			Mark mark = mark();
			jdbc.update("update " + schema + ".phone_numbers set modified_at = modified_at, version = version"
					+ " where id = (select min(id) from " + schema + ".phone_numbers)");
			return writtenSince(mark);
		}

		private Map<String, Long> statTuples() {
			Map<String, Long> tuples = new LinkedHashMap<>();
			List<String> tables = new ArrayList<>(MIRROR);
			tables.addAll(BOOKKEEPING);
			jdbc.execute("select pg_stat_clear_snapshot()");
			jdbc.query("select relname, n_tup_ins + n_tup_upd + n_tup_del as tuples from pg_stat_user_tables"
					+ " where schemaname = ? and relname = any(?)", rs -> {
						tuples.put(rs.getString("relname"), rs.getLong("tuples"));
					}, schema, tables.toArray(String[]::new));
			return tuples;
		}
	}

	// ---------------------------------------------------------------- heap

	/**
	 * Peak heap of a phase: the peaks of the heap's memory pools are reset (after a full GC) before
	 * it and read after it. Their sum is an upper bound of the real peak (pools peak at different
	 * moments; the young generation peaks at whatever size the collector gives it); the old
	 * generation's peak and the live heap after a full GC show what the phase kept.
	 */
	static final class Heap {

		private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.toList();

		private long liveBefore;

		record Peak(long sumOfPoolPeaks, long oldGenPeak, long liveBefore, long liveAfter) {
		}

		void reset() {
			liveBefore = liveAfterGc();
			pools.forEach(MemoryPoolMXBean::resetPeakUsage);
		}

		Peak peak() {
			long sum = pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
			long old = pools.stream()
				.filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured"))
				.mapToLong(pool -> pool.getPeakUsage().getUsed())
				.sum();
			return new Peak(sum, old, liveBefore, liveAfterGc());
		}

		static String pools() {
			return ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter(pool -> pool.getType() == MemoryType.HEAP)
				.map(MemoryPoolMXBean::getName)
				.collect(Collectors.joining(", "));
		}

		static String collectors() {
			return ManagementFactory.getGarbageCollectorMXBeans()
				.stream()
				.map(gc -> gc.getName())
				.collect(Collectors.joining(", "));
		}

		private static long liveAfterGc() {
			System.gc();
			return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		}
	}

	// ---------------------------------------------------------------- machine

	record Machine(int cores, long ramBytes, String cpu, String os, String javaVersion, String xmx, long maxHeap,
			String gc, String postgres, String loadBefore, String loadAfter) {

		static Machine describe(JdbcTemplate jdbc, String loadBefore) {
			long ram = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
					? os.getTotalMemorySize() : -1;
			String xmx = ManagementFactory.getRuntimeMXBean()
				.getInputArguments()
				.stream()
				.filter(argument -> argument.startsWith("-Xmx") || argument.startsWith("-XX:MaxRAM"))
				.collect(Collectors.joining(" "));
			return new Machine(Runtime.getRuntime().availableProcessors(), ram, cpuModel(),
					System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
							+ System.getProperty("os.arch") + ")",
					javaDashVersion(), xmx.isEmpty() ? "(not set: the JVM's default)" : xmx, Runtime.getRuntime().maxMemory(),
					Heap.collectors(), jdbc.queryForObject("select version()", String.class), loadBefore, LoadAverage.now());
		}

		private static String cpuModel() {
			try {
				return Files.readAllLines(Path.of("/proc/cpuinfo"))
					.stream()
					.filter(line -> line.startsWith("model name"))
					.map(line -> line.substring(line.indexOf(':') + 1).strip())
					.findFirst()
					.orElse("unknown");
			}
			catch (IOException | RuntimeException unreadable) {
				return "unknown";
			}
		}

		/** What {@code java -version} prints for the JVM running the benchmark. */
		private static String javaDashVersion() {
			Path java = Path.of(System.getProperty("java.home"), "bin", "java");
			try {
				Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
				String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
				process.waitFor();
				return out;
			}
			catch (IOException failure) {
				return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				return System.getProperty("java.runtime.version");
			}
		}
	}

	// ---------------------------------------------------------------- report

	record Report(long readyAfterMs, int pageSize, List<Fetched> coldFetch, List<Fetched> bareFetch,
			List<Synced> firstSync, List<Synced> resync, Heap.Peak coldFetchHeap, Heap.Peak bareFetchHeap,
			Heap.Peak firstSyncHeap, Heap.Peak resyncHeap, WriteProbe.Written selfCheck, WriteProbe.Written resyncWrites,
			Floor floor, String loadAfterSyncs, Machine machine) {

		String command() {
			return "./mvnw -B -Pbenchmark test -Dtest=SyncBenchmark" + (SIZE == 100_000 ? "" : " -Dbenchmark.size=" + SIZE);
		}

		/** The summary table, one line per phase. */
		List<List<String>> summary() {
			List<List<String>> rows = new ArrayList<>();
			rows.add(List.of("phase", "time", "pages", "numbers", "pages/s", "numbers/s", "created", "updated",
					"unchanged", "mirror rows written", "peak heap (old gen)", "live heap after"));
			rows.add(fetchRow("bare fetch, 1st pass (cold JVM)", coldFetch, coldFetchHeap));
			rows.add(fetchRow("bare fetch, 2nd pass", bareFetch, bareFetchHeap));
			rows.add(syncRow("first full sync", firstSync, firstSyncHeap, "-"));
			rows.add(syncRow("no-op re-sync", resync, resyncHeap, resyncWritesText()));
			rows.add(List.of("the mirror's write floor (see below)", seconds(floor.nanos()), count(floor.pages()),
					count(floor.rows()), rate(floor.pages(), floor.nanos()), rate(floor.rows(), floor.nanos()),
					count(floor.rows()), "-", "-", count(2 * floor.rows()), "-", "-"));
			return rows;
		}

		/** Issue 18's goals: each sync against what it cannot avoid. */
		List<List<String>> goals() {
			long bare = bareFetch.stream().mapToLong(Fetched::nanos).sum();
			long first = firstSync.stream().mapToLong(Synced::nanos).sum();
			long again = resync.stream().mapToLong(Synced::nanos).sum();
			List<List<String>> rows = new ArrayList<>();
			rows.add(List.of("goal", "sync", "against", "ratio", "met"));
			rows.add(goal("first full sync within 1.5× of (bare fetch + write floor)", first,
					seconds(bare) + " + " + seconds(floor.nanos()), bare + floor.nanos()));
			rows.add(goal("no-op re-sync within 1.5× of the bare fetch", again, seconds(bare), bare));
			return rows;
		}

		private static List<String> goal(String goal, long sync, String against, long againstNanos) {
			double ratio = sync / (double) againstNanos;
			return List.of(goal, seconds(sync), against + " = " + seconds(againstNanos),
					String.format(Locale.ROOT, "%.2f×", ratio), ratio <= 1.5 ? "yes" : "**no**");
		}

		private String resyncWritesText() {
			return resyncWrites.rowVersions() + " (xmin), " + resyncWrites.statTuples() + " (pg_stat)";
		}

		private static List<String> fetchRow(String phase, List<Fetched> fetched, Heap.Peak heap) {
			long nanos = fetched.stream().mapToLong(Fetched::nanos).sum();
			long pages = fetched.stream().mapToLong(Fetched::pages).sum();
			long numbers = fetched.stream().mapToLong(Fetched::numbers).sum();
			return List.of(phase, seconds(nanos), count(pages), count(numbers), rate(pages, nanos), rate(numbers, nanos),
					"-", "-", "-", "- (no writes)", heap(heap), mb(heap.liveAfter()));
		}

		static List<String> syncRow(String phase, List<Synced> synced, Heap.Peak heap, String written) {
			long nanos = synced.stream().mapToLong(Synced::nanos).sum();
			long pages = synced.stream().mapToLong(s -> s.run().pages()).sum();
			long numbers = synced.stream().mapToLong(s -> s.run().fetched()).sum();
			return List.of(phase, seconds(nanos), count(pages), count(numbers), rate(pages, nanos), rate(numbers, nanos),
					count(synced.stream().mapToLong(s -> s.run().created()).sum()),
					count(synced.stream().mapToLong(s -> s.run().updated()).sum()),
					count(synced.stream().mapToLong(s -> s.run().unchanged()).sum()), written, heap(heap),
					mb(heap.liveAfter()));
		}

		/** Per account: where the time of each phase went. */
		List<List<String>> perAccount() {
			List<List<String>> rows = new ArrayList<>();
			rows.add(List.of("account", "listings", "pages", "numbers", "bare fetch (2nd)", "page p50 / p95 / max",
					"first sync", "inside page()", "the rest", "re-sync", "inside page()", "the rest"));
			for (int i = 0; i < bareFetch.size(); i++) {
				Fetched fetched = bareFetch.get(i);
				Synced first = firstSync.get(i);
				Synced again = resync.get(i);
				long[] sorted = fetched.pageNanos().clone();
				Arrays.sort(sorted);
				rows.add(List.of(fetched.account().name(), String.valueOf(fetched.scopes()), count(fetched.pages()),
						count(fetched.numbers()), seconds(fetched.nanos()),
						millis(percentile(sorted, 50)) + " / " + millis(percentile(sorted, 95)) + " / "
								+ millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]),
						seconds(first.nanos()), seconds(first.fetchNanos()), seconds(first.reconcileNanos()),
						seconds(again.nanos()), seconds(again.fetchNanos()), seconds(again.reconcileNanos())));
			}
			return rows;
		}

		/** Pages from the start, middle and end of each account's listings: does paging slow down? */
		List<List<String>> pagesAlongTheListing() {
			List<List<String>> rows = new ArrayList<>();
			rows.add(List.of("account", "first 10% of pages", "middle 10%", "last 10%"));
			for (Fetched fetched : bareFetch) {
				long[] nanos = fetched.pageNanos();
				int tenth = Math.max(1, nanos.length / 10);
				int middle = Math.max(0, nanos.length / 2 - tenth / 2);
				rows.add(List.of(fetched.account().name(), millis(average(nanos, 0, tenth)) + " avg",
						millis(average(nanos, middle, middle + tenth)) + " avg",
						millis(average(nanos, nanos.length - tenth, nanos.length)) + " avg"));
			}
			return rows;
		}

		List<List<String>> writes() {
			List<List<String>> rows = new ArrayList<>();
			rows.add(List.of("measure", "no-op re-sync", "self-check (1 UPDATE setting columns to their own values)"));
			for (String key : resyncWrites.perTable().keySet()) {
				rows.add(List.of(key, String.valueOf(resyncWrites.perTable().get(key)),
						String.valueOf(selfCheck.perTable().getOrDefault(key, 0L))));
			}
			for (String key : resyncWrites.bookkeepingStatTuples().keySet()) {
				rows.add(List.of(key + " n_tup_ins+upd+del (bookkeeping, by design)",
						String.valueOf(resyncWrites.bookkeepingStatTuples().get(key)),
						String.valueOf(selfCheck.bookkeepingStatTuples().getOrDefault(key, 0L))));
			}
			rows.add(List.of("transaction ids assigned in between (whole server)", String.valueOf(resyncWrites.xids()),
					String.valueOf(selfCheck.xids())));
			return rows;
		}

		String heapLine() {
			return "max heap " + mb(machine.maxHeap()) + " (" + machine.xmx() + "), " + machine.gc() + "; pools: "
					+ Heap.pools();
		}

		String console() {
			StringBuilder out = new StringBuilder();
			out.append("\n================ Sync benchmark: ").append(count(SIZE)).append(" sandbox numbers ================\n");
			out.append("portal ready (context, migrations, sandbox seeding) after ").append(seconds(readyAfterMs * 1_000_000))
				.append(" of JVM uptime; page size ").append(pageSize).append(" (Flowroute caps at 200)\n");
			out.append(heapLine()).append('\n').append('\n');
			out.append(text(summary())).append('\n');
			out.append(text(goals())).append('\n');
			out.append(text(perAccount())).append('\n');
			out.append(text(pagesAlongTheListing())).append('\n');
			out.append("Writes to the mirror during the no-op re-sync:\n").append(text(writes())).append('\n');
			out.append("machine: ").append(machine.cores()).append(" cores (").append(machine.cpu()).append("), ")
				.append(gb(machine.ramBytes())).append(" RAM, ").append(machine.os()).append('\n');
			out.append("load average (1/5/15 min): ").append(machine.loadBefore()).append(" when the phases began, ")
				.append(machine.loadAfter()).append(" when they ended\n");
			out.append("java: ").append(machine.javaVersion().replace('\n', ' ')).append('\n');
			out.append("postgres: ").append(machine.postgres()).append('\n');
			return out.toString();
		}

		String markdown() {
			String date = ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
			StringBuilder md = new StringBuilder();
			md.append(BEGIN).append("\n\n");
			md.append("## Latest run: ").append(count(SIZE)).append(" sandbox numbers\n\n");
			md.append("- **Date**: ").append(date).append('\n');
			md.append("- **Command**: `").append(command()).append("`\n");
			md.append("- **Machine**: ").append(machine.cores()).append(" cores (").append(machine.cpu()).append("), ")
				.append(gb(machine.ramBytes())).append(" RAM, ").append(machine.os()).append('\n');
			md.append("- **Load average** (1 / 5 / 15 min): ").append(machine.loadBefore())
				.append(" when the phases began, ").append(machine.loadAfter())
				.append(" when they ended (other work on the machine skews every figure)\n");
			md.append("- **Java**: `").append(machine.javaVersion().replace("\n", "` / `")).append("`\n");
			md.append("- **PostgreSQL**: ").append(machine.postgres()).append(" (same machine, localhost)\n");
			md.append("- **Heap**: ").append(heapLine()).append('\n');
			md.append("- **Page size**: ").append(pageSize).append(" (`portal.sync.page-size`; Flowroute caps it at 200)\n");
			md.append("- Portal ready (Spring context, migrations, seeding the sandbox) after ")
				.append(seconds(readyAfterMs * 1_000_000)).append(" of JVM uptime\n\n");
			md.append("The sandbox's freshly seeded tables are vacuumed and analysed before the first phase (the simulated "
					+ "carrier is not what is measured; autovacuum would do the same within minutes, possibly mid-phase). "
					+ "The portal's own tables are left to autovacuum, as in production.\n\n");
			md.append("### Summary\n\n").append(markdownTable(summary())).append('\n');
			md.append("### Against the goals (issue 18)\n\n").append(markdownTable(goals())).append('\n');
			md.append("The bare fetch is its 2nd pass. The mirror's write floor is what writing the first sync's rows costs "
					+ "the database alone: the rows the first sync wrote, copied aside, the mirror emptied "
					+ "(`truncate ... cascade`, after every other phase) and the rows written again as a first sync writes "
					+ "them, per account in as many pages as its listings had, one transaction per page: one multi-row "
					+ "`insert ... on conflict do nothing returning id` into `phone_numbers` (its indexes and count "
					+ "triggers included) straight from the copy, then the page's DISCOVERED events. No carrier, no JSON, "
					+ "no parameters sent, no comparing: a lower bound. Load average (1 / 5 / 15 min) when the floor began: "
					+ loadAfterSyncs + ".\n\n");
			md.append("Times are wall clock, summed over the accounts (they run one after the other). "
					+ "\"peak heap\" is the sum of the heap pools' peaks during the phase (an upper bound), with the old "
					+ "generation's peak in brackets; \"live heap after\" is the heap in use after a full GC at the end "
					+ "of the phase.\n\n");
			md.append("### Per account\n\n").append(markdownTable(perAccount())).append('\n');
			md.append("\"inside page()\" is the time the sync's fetching thread spent in the adapter's `page()` calls "
					+ "(HTTP to the sandbox, JSON, mapping); since the next page is fetched while one is written, it "
					+ "overlaps the writing, and \"the rest\" (the sync's time minus that) is what the writing (loading the "
					+ "stored rows, comparing, writing, `sync_seen`, progress) added beyond the fetching.\n\n");
			md.append("### Page latency along each listing (bare fetch, 2nd pass)\n\n")
				.append(markdownTable(pagesAlongTheListing()))
				.append('\n');
			md.append("### Writes to the mirror during the no-op re-sync\n\n").append(markdownTable(writes())).append('\n');
			md.append("""
					How writes are detected (two independent ways, both asserted to be 0):

					- **Row versions (`xmin`)**: every INSERT and every UPDATE in PostgreSQL creates a new row version
					  stamped with the writing transaction's id in `xmin` — even an UPDATE that sets every column to the
					  value it already has. Before the re-sync the benchmark notes the next transaction id to be assigned
					  (`pg_snapshot_xmax(pg_current_snapshot())`); afterwards, rows of `phone_numbers` and `number_events`
					  whose `xmin` is at or after it were written by the re-sync. `count(*)` before and after catches DELETEs.
					- **`pg_stat_user_tables`**: the change of `n_tup_ins + n_tup_upd + n_tup_del` for the two tables in
					  the portal's schema (counts rolled-back writes too). PostgreSQL 15+ backends publish these counters
					  at most once a second and up to 10 s after going idle, so the benchmark waits 11 s before each
					  reading (outside every timing) and calls `pg_stat_clear_snapshot()`.
					- **Self-check**: before the re-sync, one `UPDATE phone_numbers SET modified_at = modified_at,
					  version = version` on one row must show up as exactly 1 in both — the kind of write a comparison of
					  `count(*)`, `max(version)` or `max(modified_at)` would miss.

					Transaction ids are global to the server (other sessions use them too); only rows of the two tables in
					the benchmark's own schema are counted.

					`sync_runs` and `sync_seen` are the sync's own bookkeeping (progress per page, the set of numbers seen
					by the run, deleted at its end) and are written by every run by design; they are shown, not asserted.

					""");
			md.append(END).append('\n');
			return md.toString();
		}

		void refresh(Path file) throws IOException {
			String generated = markdown();
			String content;
			if (Files.exists(file)) {
				String existing = Files.readString(file);
				int begin = existing.indexOf(BEGIN);
				int end = existing.indexOf(END);
				content = begin >= 0 && end > begin
						? existing.substring(0, begin) + generated + existing.substring(end + END.length()).replaceFirst("^\n", "")
						: existing.stripTrailing() + "\n\n" + generated;
			}
			else {
				content = "# Benchmarks\n\n" + generated;
			}
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			Files.writeString(file, content);
		}

		// ------------------------------------------------------------ formatting

		static String text(List<List<String>> rows) {
			int[] widths = new int[rows.get(0).size()];
			for (List<String> row : rows) {
				for (int i = 0; i < row.size(); i++) {
					widths[i] = Math.max(widths[i], row.get(i).length());
				}
			}
			StringBuilder out = new StringBuilder();
			for (int r = 0; r < rows.size(); r++) {
				List<String> row = rows.get(r);
				for (int i = 0; i < row.size(); i++) {
					String cell = row.get(i);
					out.append(i == 0 ? String.format("%-" + widths[i] + "s", cell) : String.format("%" + widths[i] + "s", cell));
					out.append(i == row.size() - 1 ? "" : " | ");
				}
				out.append('\n');
				if (r == 0) {
					out.append(Arrays.stream(widths).mapToObj("-"::repeat).collect(Collectors.joining("-+-"))).append('\n');
				}
			}
			return out.toString();
		}

		private static String markdownTable(List<List<String>> rows) {
			StringBuilder md = new StringBuilder();
			md.append("| ").append(String.join(" | ", rows.get(0))).append(" |\n");
			md.append("|").append(rows.get(0).stream().map(cell -> "---").collect(Collectors.joining("|"))).append("|\n");
			rows.stream().skip(1).forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
			return md.toString();
		}

		private static String heap(Heap.Peak peak) {
			return mb(peak.sumOfPoolPeaks()) + " (" + mb(peak.oldGenPeak()) + ")";
		}

		private static long percentile(long[] sorted, int percent) {
			if (sorted.length == 0) {
				return 0;
			}
			int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
		}

		private static long average(long[] values, int from, int to) {
			if (to <= from) {
				return 0;
			}
			long sum = 0;
			for (int i = from; i < to; i++) {
				sum += values[i];
			}
			return sum / (to - from);
		}

		static String seconds(long nanos) {
			return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
		}

		private static String millis(long nanos) {
			return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
		}

		private static String rate(long amount, long nanos) {
			return nanos == 0 ? "-" : String.format(Locale.ROOT, "%,.0f", amount / (nanos / 1e9));
		}

		static String count(long amount) {
			return String.format(Locale.ROOT, "%,d", amount);
		}

		static String mb(long bytes) {
			return String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
		}

		private static String gb(long bytes) {
			return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
		}
	}
}

package com.numberops.portal.numbers;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.numberops.portal.support.BenchmarkReport;
import com.numberops.portal.support.LoadAverage;
import com.numberops.portal.support.PortalIntegrationTest;

/**
 * What the maintained counts' statement triggers (V16, V17) cost the writers, above all the sync,
 * which updates existing numbers as a JDBC batch of single-row UPDATEs (numbers.CarrierMirror):
 * each statement of the batch fires each trigger once. Over {@code benchmark.triggers.size}
 * numbers (100,000 by default) in pages of 1,000 rows, one transaction per page as a sync page is,
 * the same updates are timed with the count triggers enabled and disabled, alternating rounds:
 * an update that moves a counted column (inventory state, warmup) and one that touches only
 * provider fields (the common re-sync). A multi-row UPDATE of the same rows shows what one
 * statement per page would cost. Writes its table into docs/benchmarks.md. Not part of
 * {@code ./mvnw verify}: {@code ./mvnw -B -Pbenchmark test -Dtest=CountTriggersBenchmark}.
 */
@Tag("benchmark")
class CountTriggersBenchmark extends PortalIntegrationTest {

	static final int SIZE = Integer.getInteger("benchmark.triggers.size", 100_000);

	static final int PAGE = 1_000;

	static final int ROUNDS = Integer.getInteger("benchmark.triggers.rounds", 3);

	static final List<String> TRIGGERS = List.of("fleet_counts_update", "provisioning_failures_update");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	record Shape(String label, String sql, boolean batch) {
	}

	@Test
	void whatTheCountTriggersCostASync() throws IOException {
		jdbc.update("delete from phone_numbers");
		long account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode) values ('SINCH', 'triggers', 'Triggers', 'SANDBOX')
				on conflict (provider, account_ref) do update set name = excluded.name returning id""", Long.class);
		jdbc.update("""
				insert into phone_numbers (number, provider_account_id, provider, provider_phone_number_id, cap_sms, cap_voice,
				    inventory_state, status, sms_provisioning_status, sms_provisioning_error_codes)
				select '+1' || (3000000000 + g)::text, ?, 'SINCH', 'trig-' || g, true, true, 'Available', 'Active',
				       case when g % 200 = 7 then 'FAILED' end, case when g % 200 = 7 then '{CAMPAIGN_NOT_AVAILABLE}'::text[] end
				from generate_series(1, ?) g""", account, SIZE);
		jdbc.execute("vacuum (analyze) phone_numbers");
		List<Long> ids = jdbc.queryForList("select id from phone_numbers order by id", Long.class);
		List<Shape> shapes = List.of(
				new Shape("provider fields only (a re-sync's update), batch of single-row UPDATEs",
						"update phone_numbers set provider_synced_at = now(), provider_raw = '{}'::jsonb where id = ?", true),
				new Shape("a counted column moves (inventory state, warmup), batch of single-row UPDATEs",
						"update phone_numbers set inventory_state = case inventory_state when 'Available' then 'Assigned' else 'Available' end, "
								+ "warmup_state = case when warmup_state is null then 'Warming' end where id = ?",
						true),
				new Shape("a counted column moves, one multi-row UPDATE per page",
						"update phone_numbers set inventory_state = case inventory_state when 'Available' then 'Assigned' else 'Available' end "
								+ "where id = any(?)",
						false));
		String loadBefore = LoadAverage.now();
		StringBuilder table = new StringBuilder();
		table.append("## What the count triggers cost a sync (issues 15 and 18)\n\n");
		table.append("Measured ").append(LocalDate.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
			.append(" cores; ").append(String.format("%,d", SIZE)).append(" numbers updated in pages of ")
			.append(String.format("%,d", PAGE)).append(" rows, one transaction per page, as numbers.CarrierMirror writes a ")
			.append("sync page; best of ").append(ROUNDS).append(" alternating rounds with the count triggers (")
			.append(String.join(", ", TRIGGERS)).append(") enabled and disabled; load average ").append(loadBefore)
			.append(" before.\n\n| update | triggers on, ms per 1,000 rows | off | cost of the triggers |\n|---|---:|---:|---:|\n");
		for (Shape shape : shapes) {
			double[] on = new double[ROUNDS];
			double[] off = new double[ROUNDS];
			for (int round = 0; round < ROUNDS; round++) {
				triggers(false);
				off[round] = perPage(shape, ids);
				triggers(true);
				on[round] = perPage(shape, ids);
			}
			double bestOn = Arrays.stream(on).min().orElseThrow();
			double bestOff = Arrays.stream(off).min().orElseThrow();
			table.append(String.format("| %s | %.1f | %.1f | %+.0f%% |%n", shape.label(), bestOn, bestOff,
					(bestOn / bestOff - 1) * 100));
		}
		triggers(true);
		// the counts were not kept while the triggers were off: start them again from the table
		jdbc.update("delete from phone_numbers");
		jdbc.update("delete from fleet_count_deltas");
		jdbc.update("delete from fleet_counts");
		jdbc.update("delete from provisioning_failure_deltas");
		jdbc.update("delete from provisioning_failures");
		System.out.println(table);
		BenchmarkReport.write("count-triggers-benchmark", table.toString());
	}

	private void triggers(boolean enabled) {
		for (String trigger : TRIGGERS) {
			jdbc.execute("alter table phone_numbers " + (enabled ? "enable" : "disable") + " trigger " + trigger);
		}
	}

	/** Milliseconds per page of {@link #PAGE} rows over every number. */
	private double perPage(Shape shape, List<Long> ids) {
		long start = System.nanoTime();
		int pages = 0;
		for (int from = 0; from < ids.size(); from += PAGE) {
			List<Long> page = ids.subList(from, Math.min(ids.size(), from + PAGE));
			transactions.executeWithoutResult(tx -> {
				if (shape.batch()) {
					List<Object[]> args = new ArrayList<>(page.size());
					page.forEach(id -> args.add(new Object[] { id }));
					jdbc.batchUpdate(shape.sql(), args);
				}
				else {
					jdbc.update(shape.sql(), (Object) page.toArray(Long[]::new));
				}
			});
			pages++;
		}
		return (System.nanoTime() - start) / 1e6 / pages;
	}
}

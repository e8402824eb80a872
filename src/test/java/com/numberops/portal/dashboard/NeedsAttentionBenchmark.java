package com.numberops.portal.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.SignedIn;
import com.numberops.portal.users.NewUser;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Role;
import com.numberops.portal.users.UserAdministration;

/**
 * "Needs attention today" at {@code benchmark.size} numbers (1,000,000 by default) in ten teams,
 * with a realistic share flagged (0.5% failed provisioning over four codes, 1% warmup trouble, a
 * few hundred releases on hold and vanished numbers, 2,000 drift events, 500 open and failed
 * changes): p50 and p95 of {@link NeedsAttention#today} for an admin of every team and a viewer of
 * one. Not part of {@code ./mvnw verify}: {@code ./mvnw -B -Pbenchmark test -Dtest=NeedsAttentionBenchmark}.
 */
@Tag("benchmark")
class NeedsAttentionBenchmark extends PortalIntegrationTest {

	@Autowired
	NeedsAttention attention;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UserAdministration administration;

	@Autowired
	com.numberops.portal.numbers.FlaggedNumbers flagged;

	@Autowired
	com.numberops.portal.changes.ChangeLog changes;

	/** Median time of a call, in ms. */
	static double time(Runnable call) {
		List<Long> times = new ArrayList<>();
		for (int i = 0; i < 15; i++) {
			long t0 = System.nanoTime();
			call.run();
			times.add(System.nanoTime() - t0);
		}
		times.sort(null);
		return times.get(7) / 1e6;
	}

	@Test
	void theWorklistAtAMillionNumbers() {
		int size = Integer.getInteger("benchmark.size", 1_000_000);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode) values ('SINCH', ?, 'Benchmark', 'SANDBOX')
				returning id""", Long.class, "attention-" + tag);
		List<Long> teams = new ArrayList<>();
		for (int t = 0; t < 10; t++) {
			teams.add(jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "Bench " + t + " " + tag));
		}
		long started = System.nanoTime();
		jdbc.update("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, team_id, cap_sms, cap_voice, sms_provisioning_status, sms_provisioning_error_codes,
				    warmup_state, call_warmup_state, provider_release_scheduled_at, provider_missing_since, modified_at)
				select '+1' || (2000000000 + g)::text, 'Line ' || g, 'US', 'LOCAL', ?, 'SINCH', 'bench-' || g,
				       (array[%s])[1 + (g / 7) %% 10], true, true,
				       case when g %% 200 = 7 then 'FAILED' when g %% 500 = 3 then 'IN_PROGRESS' end,
				       case when g %% 200 = 7 then (array['{CAMPAIGN_NOT_AVAILABLE}', '{EXCEEDED_10DLC_LIMIT}',
				           '{SMS_PROVISIONING_FAILED}', null])[1 + (g / 200) %% 4]::text[] end,
				       case when g %% 100 = 11 then 'Needs Attention' when g %% 300 = 13 then 'Blocked'
				            when g %% 3 = 0 then 'Warming' when g %% 3 = 1 then 'Ready' end,
				       case when g %% 150 = 17 then 'Needs Attention' when g %% 400 = 19 then 'Blocked'
				            when g %% 4 = 0 then 'Warming' end,
				       case when g %% 2500 = 23 then now() + make_interval(hours => g %% 200) end,
				       case when g %% 3000 = 29 then now() - make_interval(hours => g %% 400) end,
				       now() - make_interval(secs => g)
				from generate_series(1, ?) g""".formatted(teams.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b)
			.orElseThrow()), account, size);
		jdbc.update("""
				insert into number_events (phone_number_id, type, title, field, before_value, after_value, source, created_at)
				select id, 'PROVIDER_CHANGED', 'SMS service plan changed at Sinch', 'sms_service_plan_id', 'a', 'b',
				       'PROVIDER_SYNC', now() - make_interval(mins => (id %% 3000)::int)
				from phone_numbers where provider_account_id = ? and id %% 500 = 0""".replace("%%", "%"), account);
		jdbc.update("""
				insert into pending_changes (phone_number_id, kind, fields, payload, state, summary, provider, created_at)
				select id, 'RENAME', '{}', '{}', (array['FAILED', 'PENDING', 'PARTIAL', 'SUCCEEDED'])[1 + ((id / 1000) %% 4)::int],
				       'Rename', 'SINCH', now() - make_interval(mins => (id %% 600)::int)
				from phone_numbers where provider_account_id = ? and id %% 1000 = 1""".replace("%%", "%"), account);
		jdbc.execute("analyze phone_numbers");
		jdbc.execute("analyze number_events");
		jdbc.execute("analyze pending_changes");
		System.out.printf("filled %,d numbers in %.1f s%n", size, (System.nanoTime() - started) / 1e9);

		PortalPrincipal admin = (PortalPrincipal) users.loadUserByUsername("admin");
		String viewerName = "bench-" + tag;
		SignedIn.during(admin, () -> administration
			.create(new NewUser(viewerName, "Bench viewer", Role.VIEWER, "long-enough-1", Set.of(teams.get(3)))));
		PortalPrincipal viewer = (PortalPrincipal) users.loadUserByUsername(viewerName);
		for (PortalPrincipal person : List.of(admin, viewer)) {
			Worklist sample = SignedIn.during(person, () -> attention.today(person));
			List<Long> times = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				long t0 = System.nanoTime();
				SignedIn.during(person, () -> attention.today(person));
				times.add(System.nanoTime() - t0);
			}
			times.sort(null);
			com.numberops.portal.numbers.Viewer v = com.numberops.portal.numbers.Viewer.of(person);
			java.util.Map<String, Double> parts = new java.util.LinkedHashMap<>();
			parts.put("failedByCode", time(() -> flagged.failedProvisioning(v, 5)));
			for (var line : List.of(java.util.Map.entry(com.numberops.portal.numbers.NumberFilter.Parameter.WARMUP, "Needs Attention"),
					java.util.Map.entry(com.numberops.portal.numbers.NumberFilter.Parameter.WARMUP, "Blocked"),
					java.util.Map.entry(com.numberops.portal.numbers.NumberFilter.Parameter.CALL_WARMUP, "Needs Attention"),
					java.util.Map.entry(com.numberops.portal.numbers.NumberFilter.Parameter.RELEASE_WITHIN, "48h"),
					java.util.Map.entry(com.numberops.portal.numbers.NumberFilter.Parameter.VANISHED, "7d"),
					java.util.Map.entry(com.numberops.portal.numbers.NumberFilter.Parameter.DRIFT, "24h"))) {
				var kind = switch (line.getKey()) {
					case WARMUP -> com.numberops.portal.numbers.FlaggedNumbers.Line.SMS_WARMUP;
					case CALL_WARMUP -> com.numberops.portal.numbers.FlaggedNumbers.Line.CALL_WARMUP;
					case RELEASE_WITHIN -> com.numberops.portal.numbers.FlaggedNumbers.Line.RELEASE;
					case VANISHED -> com.numberops.portal.numbers.FlaggedNumbers.Line.VANISHED;
					default -> com.numberops.portal.numbers.FlaggedNumbers.Line.DRIFT;
				};
				parts.put(line.getKey().key() + "=" + line.getValue(), time(() -> flagged.matching(v, java.util.Map.of(line.getKey(), line.getValue()), kind, 5)));
			}
			parts.put("changesFailed", time(() -> changes.flagged(v, com.numberops.portal.changes.ChangeLog.Filter.inState(com.numberops.portal.changes.ChangeState.FAILED), 5)));
			parts.put("changesOverdue", time(() -> changes.flagged(v, com.numberops.portal.changes.ChangeLog.Filter.overdueOnes(), 5)));
			System.out.println("parts (median ms): " + parts);
			if (!v.limited()) {
				jdbc.execute("set plan_cache_mode = force_custom_plan");
				for (String sql : List.of(
						"select p.id from phone_numbers p where p.warmup_state = 'Needs Attention' order by p.modified_at desc, p.id desc limit 5",
						"select count(*) from phone_numbers p where p.warmup_state = 'Needs Attention'",
						"select p.id from phone_numbers p where (p.sms_provisioning_status = 'FAILED' or p.voice_provisioning_status = 'FAILED') order by p.modified_at desc, p.id desc limit 5")) {
					System.out.println("PLAN " + String.join("\n", jdbc.queryForList("explain analyze " + sql, String.class)));
				}
			}
			System.out.printf("%s (%s): %d concerns, p50 %.1f ms, p95 %.1f ms; %s%n", person.getUsername(),
					person.getTeamIds().isEmpty() ? "every team" : "one team of ten", sample.concerns().size(),
					times.get(19) / 1e6, times.get(37) / 1e6,
					sample.concerns().stream().map(c -> c.key() + "=" + c.count()).toList());
		}
	}
}

package com.numberops.portal.numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What the benchmarks outside this package share with {@link InventoryBenchmark}: its fill of the
 * mirror, and an inventory page's statements run exactly as {@link NumberQueries#page} runs them
 * (the API list benchmark times its endpoint against them).
 */
public final class MillionNumbers {

	private MillionNumbers() {
	}

	/**
	 * One generate_series insert: realistic spread of carriers, regions, types, states, teams,
	 * plans; every number deleted first. Answers the first team's id.
	 */
	public static long fill(JdbcTemplate jdbc, int size) {
		jdbc.update("delete from phone_numbers");
		long account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode) values ('SINCH', 'benchmark', 'Benchmark', 'SANDBOX')
				on conflict (provider, account_ref) do update set name = excluded.name returning id""", Long.class);
		List<Long> teams = new ArrayList<>();
		for (String name : List.of("Bench Growth", "Bench Retention", "Bench Support", "Bench Alerts")) {
			teams.add(jdbc.queryForObject("insert into teams (name) values (?) on conflict ((lower(name))) do update set name = excluded.name returning id", Long.class, name));
		}
		jdbc.update("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, team_id, cap_sms, cap_voice, sms_service_plan_id, ten_dlc_campaign_id,
				    sms_provisioning_status, inventory_state, status, warmup_state, warmup_health_score, enabled,
				    created_at, modified_at)
				select '+1' || (200 + g % 700) || lpad((g % 10000000)::text, 7, '0') || '',
				       case when g % 10 = 0 then null
				            else (array['Growth','Retention','Support','Alerts','Outreach'])[1 + g % 5] || ' line ' || g end,
				       (array['US','US','US','CA','GB'])[1 + g % 5],
				       (array['LOCAL','LOCAL','MOBILE','TOLL_FREE'])[1 + (g / 7) % 4],
				       ?, 'SINCH', 'bench-' || g,
				       case when g % 3 = 0 then null else (?::bigint[])[1 + g % 4] end,
				       g % 8 <> 0, true,
				       case when g % 4 = 0 then null else (array['sp-growth-01','sp-retention-02','sp-support-03'])[1 + g % 3] end,
				       case when g % 4 = 0 or g % 5 in (3, 4) then null else (array['CA1B2C3','CB4D5E6','CC7F8G9'])[1 + g % 3] end,
				       case when g % 997 = 0 then 'FAILED' end,
				       (array['Available','Assigned','Ready for SMS','Ready for voice','Restricted','Pending verification'])[1 + (g / 3) % 6],
				       case when g % 997 = 0 then 'FailedProvisioning' else (array['Active','Active','Active','Unregistered'])[1 + g % 4] end,
				       case when g % 6 = 0 then (array['Warming','Healthy','Needs Attention'])[1 + g % 3] end,
				       case when g % 6 = 0 then g % 101 end,
				       true,
				       now() - (g % 100000) * interval '1 minute', now() - (g % 100000) * interval '1 minute'
				from generate_series(1, ?) g""", account, teams.toArray(Long[]::new), size);
		// a mirror in use is vacuumed: autovacuum does it minutes after a large sync, and until then
		// index-only scans still read the heap (one page's count took 25 ms instead of 3)
		jdbc.execute("vacuum (analyze) phone_numbers");
		jdbc.execute("analyze teams");
		// and its million new rows are on disk: a checkpoint writing them out mid-run would slow
		// whichever pages it met
		jdbc.execute("checkpoint");
		return teams.get(0);
	}

	/**
	 * An inventory page's statements for an all-teams viewer, run in the caller's transaction as
	 * the service runs them (custom plans, the rows, then the sample or the capped count): answers
	 * the page's ids and its next cursor.
	 */
	public static Map.Entry<List<Long>, String> runPage(NamedParameterJdbcTemplate named, NumberQueries.Request request) {
		NumberListPage page = NumberQueries.run(named, request, NumberQueries.pageSql(new Viewer(0, Set.of()), request));
		return new java.util.AbstractMap.SimpleEntry<>(page.rows().stream().map(NumberRow::id).toList(), page.nextCursor());
	}
}

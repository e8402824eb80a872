package com.numberops.portal.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.numberops.portal.support.PortalIntegrationTest;

/**
 * Each worklist line of numbers is counted through its partial index (V1, V15), not by reading
 * the fleet: the count statement the Numbers page and {@link FlaggedNumbers} run, planned over
 * 50,000 numbers of which a few are flagged (in a transaction rolled back afterwards).
 */
class WorklistIndexesTests extends PortalIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	TransactionTemplate transactions;

	@ParameterizedTest(name = "{0}={1} → {2}")
	@CsvSource({
			"provisioningError, CAMPAIGN_NOT_AVAILABLE, phone_numbers_provisioning_idx",
			"failed, true, phone_numbers_provisioning_idx",
			"warmup, Blocked, phone_numbers_warmup_idx",
			"warmup, Needs Attention, phone_numbers_warmup_idx",
			"callWarmup, Blocked, phone_numbers_call_warmup_idx",
			"callWarmup, Needs Attention, phone_numbers_call_warmup_idx",
			"releaseWithin, 48h, phone_numbers_release_hold_idx",
			"vanished, 7d, phone_numbers_vanished_idx",
			"drift, 24h, number_events_drift_idx" })
	void aLineIsCountedThroughItsPartialIndex(String parameter, String value, String index) {
		transactions.executeWithoutResult(status -> {
			String ref = "indexes-" + UUID.randomUUID();
			long account = jdbc.queryForObject("""
					insert into provider_accounts (provider, account_ref, name, mode) values ('SINCH', ?, 'Index test', 'SANDBOX')
					returning id""", Long.class, ref);
			jdbc.update("""
					insert into phone_numbers (number, provider_account_id, provider, provider_phone_number_id, cap_sms, cap_voice,
					    sms_provisioning_status, sms_provisioning_error_codes, warmup_state, call_warmup_state,
					    provider_release_scheduled_at, provider_missing_since)
					select '+1646' || lpad(g::text, 7, '0'), ?, 'SINCH', ? || g, true, true,
					       case when g % 5000 = 0 then 'FAILED' end, case when g % 5000 = 0 then '{CAMPAIGN_NOT_AVAILABLE}'::text[] end,
					       case when g % 5000 = 1 then 'Blocked' when g % 5000 = 2 then 'Needs Attention' when g % 3 = 0 then 'Warming' end,
					       case when g % 5000 = 3 then 'Blocked' when g % 5000 = 4 then 'Needs Attention' when g % 3 = 0 then 'Warming' end,
					       case when g % 5000 = 5 then now() + interval '1 day' end,
					       case when g % 5000 = 6 then now() - interval '1 day' end
					from generate_series(1, 50000) g""", account, ref);
			jdbc.update("""
					insert into number_events (phone_number_id, type, title, source, created_at)
					select id, case when number like '%0' then 'PROVIDER_CHANGED' else 'RENAMED' end, 'x',
					       case when number like '%00' then 'PROVIDER_SYNC' else 'PORTAL' end, now() - interval '1 hour'
					from phone_numbers where provider_account_id = ?""", account);
			jdbc.execute("analyze phone_numbers");
			jdbc.execute("analyze number_events");
			Map<String, String> raw = new HashMap<>(Map.of(parameter, value));
			NumberQueries.Request request = NumberQueries.parse(raw);
			assertThat(request.problems()).isEmpty();
			MapSqlParameterSource params = new MapSqlParameterSource();
			String where = NumberQueries.where(new Viewer(1, java.util.Set.of()), request.filter(), params);
			List<String> plan = named.queryForList("explain select count(*) from phone_numbers p where " + where, params,
					String.class);
			String text = String.join("\n", plan);
			assertThat(text).as(text).contains(index).doesNotContain("Seq Scan on phone_numbers");
			status.setRollbackOnly();
		});
	}
}

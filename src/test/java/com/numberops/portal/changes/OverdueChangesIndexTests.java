package com.numberops.portal.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.numberops.portal.support.PortalIntegrationTest;

/**
 * The overdue changes are counted from the few open ones (pending_changes_open_idx, V2),
 * not by reading every change ever made: planned over 30,000 settled changes and a few open ones,
 * in a transaction rolled back afterwards.
 */
class OverdueChangesIndexTests extends PortalIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void overdueChangesAreCountedThroughTheOpenChangesIndex() {
		transactions.executeWithoutResult(status -> {
			String ref = "overdue-" + UUID.randomUUID();
			long account = jdbc.queryForObject("""
					insert into provider_accounts (provider, account_ref, name, mode) values ('SINCH', ?, 'Overdue test', 'SANDBOX')
					returning id""", Long.class, ref);
			long number = jdbc.queryForObject("""
					insert into phone_numbers (number, provider_account_id, provider, provider_phone_number_id)
					values ('+16465550000', ?, 'SINCH', ?) returning id""", Long.class, account, ref);
			jdbc.update("""
					insert into pending_changes (phone_number_id, kind, fields, payload, state, created_at)
					select ?, 'RENAME', '{}', '{}', case when g % 3000 = 0 then 'PENDING' else 'SUCCEEDED' end,
					       now() - make_interval(mins => g)
					from generate_series(1, 30000) g""", number);
			jdbc.execute("analyze pending_changes");
			String plan = String.join("\n", named.queryForList("explain select count(*) from pending_changes c where "
					+ ChangeLog.OVERDUE, new MapSqlParameterSource("overdueAfter", "3600 seconds"), String.class));
			assertThat(plan).as(plan).contains("pending_changes_open_idx").doesNotContain("Seq Scan");
			status.setRollbackOnly();
		});
	}
}

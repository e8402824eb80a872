package com.numberops.portal.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;

import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.sync.SyncRuns;
import com.numberops.portal.sync.SyncTrigger;

/**
 * The mirror filled with every sandbox number, for tests that work on the seeded fleet: each
 * account is synced once per test JVM (whichever test asks first; a sync already running is
 * waited for, not started twice).
 */
public final class SandboxMirror {

	private SandboxMirror() {
	}

	public static void fill(ProviderAccounts accounts, MirrorSync sync, SyncRuns runs, JdbcTemplate jdbc,
			String startedBy) {
		for (ProviderAccount account : accounts.all()) {
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				if (synced(jdbc, account)) {
					return true;
				}
				if (runs.running(account.id()).isEmpty()) {
					sync.syncAccount(account.id(), SyncTrigger.MANUAL, startedBy);
				}
				return synced(jdbc, account);
			});
		}
	}

	/**
	 * Whether a full sync of the account has succeeded: numbers alone do not say it, a test may
	 * have put a few of its own into the account (AdminSetsUpAnAlertIT does), and the seeded fleet
	 * was then never brought in for the tests after it.
	 */
	private static boolean synced(JdbcTemplate jdbc, ProviderAccount account) {
		return Boolean.TRUE.equals(jdbc.queryForObject(
				"select exists (select 1 from sync_runs where provider_account_id = ? and status = 'SUCCEEDED')", Boolean.class,
				account.id()));
	}

	public static int numbersOf(JdbcTemplate jdbc, ProviderAccount account) {
		return jdbc.queryForObject("select count(*) from phone_numbers where provider_account_id = ?", Integer.class,
				account.id());
	}
}

package com.numberops.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.support.PortalIntegrationTest;

/**
 * Which accounts' syncs need attention: the last ended run failed or was cut off, or none
 * succeeded for more than two intervals. The test writes the newest runs of a configured account
 * and removes them afterwards.
 */
class SyncHealthTests extends PortalIntegrationTest {

	@Autowired
	SyncHealth health;

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	ProviderAccount account;

	final List<Long> runs = new ArrayList<>();

	@BeforeEach
	void anAccount() {
		account = accounts.all().get(0);
	}

	@AfterEach
	void removeRuns() {
		runs.forEach(id -> jdbc.update("delete from sync_runs where id = ?", id));
	}

	long run(String status, int endedMinutesAgo, String message) {
		long id = jdbc.queryForObject("""
				insert into sync_runs (provider_account_id, trigger, status, started_at, finished_at, heartbeat_at, error_message)
				values (?, 'SCHEDULED', ?, now() + make_interval(days => 1, secs => ?), now() - make_interval(mins => ?), now(), ?)
				returning id""", Long.class, account.id(), status, runs.size(), endedMinutesAgo, message);
		runs.add(id);
		return id;
	}

	List<SyncHealth.Trouble> failedOf(ProviderAccount account) {
		return health.failed().stream().filter(trouble -> trouble.account().id() == account.id()).toList();
	}

	List<SyncHealth.Trouble> staleOf(ProviderAccount account, Duration interval) {
		return health.stale(interval).stream().filter(trouble -> trouble.account().id() == account.id()).toList();
	}

	@Test
	void anAccountWhoseLastEndedRunFailedNeedsAttentionUntilARunSucceeds() {
		// started_at orders the runs (the later written, the newer; all after the real ones); a run
		// still going does not hide a failure
		run("SUCCEEDED", 30, null);
		long failed = run("FAILED", 20, "Sinch answered 401");
		long running = jdbc.queryForObject("""
				insert into sync_runs (provider_account_id, trigger, status, started_at, heartbeat_at)
				values (?, 'MANUAL', 'RUNNING', now() + interval '2 days', now()) returning id""", Long.class, account.id());
		runs.add(running);
		assertThat(failedOf(account)).singleElement().satisfies(trouble -> {
			assertThat(trouble.problem()).isEqualTo(SyncHealth.Problem.FAILED);
			assertThat(trouble.runId()).isEqualTo(failed);
			assertThat(trouble.detail()).isEqualTo("Failed: Sinch answered 401");
			assertThat(trouble.link()).isEqualTo("/sync#sync-run-" + failed);
		});
		jdbc.update("delete from sync_runs where id = ?", running);
		long interrupted = run("INTERRUPTED", 5, "The portal instance stopped");
		assertThat(failedOf(account)).singleElement().satisfies(trouble -> {
			assertThat(trouble.runId()).isEqualTo(interrupted);
			assertThat(trouble.detail()).startsWith("Interrupted: ");
		});
		run("SUCCEEDED", 1, null);
		assertThat(failedOf(account)).isEmpty();
	}

	@Test
	void anAccountNotSyncedForMoreThanTwoIntervalsIsStale() {
		long last = run("SUCCEEDED", 40, null);
		assertThat(staleOf(account, Duration.ofMinutes(15))).singleElement().satisfies(trouble -> {
			assertThat(trouble.problem()).isEqualTo(SyncHealth.Problem.STALE);
			assertThat(trouble.runId()).isEqualTo(last);
			assertThat(trouble.detail()).startsWith("Last synced successfully 40 minutes ago").endsWith("every 15 min");
			assertThat(trouble.link()).isEqualTo("/sync#sync-account-" + account.id());
		});
		// a failure since does not make it fresher
		run("FAILED", 2, "timeout");
		assertThat(staleOf(account, Duration.ofMinutes(15))).hasSize(1);
		assertThat(staleOf(account, Duration.ofMinutes(25))).isEmpty();
		run("SUCCEEDED", 1, null);
		assertThat(staleOf(account, Duration.ofMinutes(15))).isEmpty();
	}

	@Test
	void withoutAScheduleNoAccountIsStale() {
		// the tests run without scheduled syncs (TestDatabase): nothing is expected of the clock
		assertThat(health.stale()).isEmpty();
	}
}

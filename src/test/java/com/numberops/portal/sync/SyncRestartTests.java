package com.numberops.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.support.Eventually;
import com.numberops.portal.support.PortalIntegrationTest;

/**
 * A portal killed (kill -9) in the middle of a sync leaves its run RUNNING and its scheduler
 * execution picked, heartbeat stopped. This portal, the restarted one, must recognise the orphan
 * within a minute, say so on the Sync page, and take "Sync now" again.
 */
class SyncRestartTests extends PortalIntegrationTest {

	/** The detection window: db-scheduler's dead age (40 s) and its look-out period (10 s), with room for the run. */
	private static final Duration WITHIN_A_MINUTE = Duration.ofSeconds(60);

	private static final String DEAD_INSTANCE = "portal-killed-mid-sync";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	SyncRuns runs;

	@Autowired
	SyncRequests requests;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SchedulerClient scheduler;

	@Autowired
	OneTimeTask<SyncJobs.SyncRequest> syncAccount;

	@AfterEach
	void idle() {
		for (ProviderAccount account : accounts.all()) {
			Eventually.until(WITHIN_A_MINUTE, "no sync of " + account.name() + " is left going on",
					() -> requests.queued(account.id()) || runs.running(account.id()).isPresent(), busy -> !busy);
		}
	}

	@Test
	void aRunOrphanedByAKilledPortalIsShownInterruptedAndSyncNowIsTakenWithinAMinute() throws Exception {
		ProviderAccount flowroute = accounts.all().stream()
			.filter(account -> account.provider() == ProviderKind.FLOWROUTE)
			.findFirst()
			.orElseThrow();
		String instance = String.valueOf(flowroute.id());
		Instant killed = Instant.now();
		// what the killed portal left: its run, last heard from at its latest page (started after every
		// run earlier tests made, so that the account's card, which lists the latest runs, shows it) ...
		long orphan = jdbc.queryForObject("""
				with started as (
				    select greatest(now() - interval '20 seconds',
				                    (select max(started_at) + interval '1 millisecond' from sync_runs where provider_account_id = ?)) as at)
				insert into sync_runs (provider_account_id, trigger, status, started_by, started_at, heartbeat_at, scopes_total,
				                       pages, fetched, unchanged, executed_by)
				select ?, 'MANUAL', 'RUNNING', 'operator', at, greatest(at, now() - interval '5 seconds'), 1, 1, 200, 200, ?
				from started returning id""", Long.class, flowroute.id(), flowroute.id(), DEAD_INSTANCE);
		// ... and its execution, still picked by it, heartbeat stopped (written by the scheduler client,
		// so its data is what the scheduler writes; held in the future until it is marked picked)
		scheduler.schedule(syncAccount.instance(instance, new SyncJobs.SyncRequest(flowroute.id(), SyncTrigger.MANUAL, "operator")),
				killed.plus(Duration.ofHours(1)));
		assertThat(jdbc.update("""
				update scheduled_tasks set picked = true, picked_by = ?, last_heartbeat = now() - interval '2 minutes',
				       execution_time = now() - interval '20 seconds'
				where task_name = ? and task_instance = ? and not picked""", DEAD_INSTANCE, SyncJobs.SYNC_ACCOUNT, instance))
			.isEqualTo(1);

		// "Sync now" is refused ("already queued") only while the dead execution holds the account
		String accepted = Eventually.until(WITHIN_A_MINUTE, "Sync now is taken again",
				() -> syncNow(flowroute), answer -> answer.contains("queued: it starts within seconds"));
		assertThat(accepted).isNotBlank();
		assertThat(Duration.between(killed, Instant.now())).isLessThan(WITHIN_A_MINUTE);

		SyncRun interrupted = runs.find(orphan).orElseThrow();
		assertThat(interrupted.status()).isEqualTo(SyncRun.INTERRUPTED);
		assertThat(interrupted.finishedAt()).isNotNull();
		assertThat(interrupted.errorMessage()).contains(DEAD_INSTANCE).contains("stopped without finishing it");

		// the sync taken over and the one pressed for both run to their end
		Eventually.until(WITHIN_A_MINUTE, "the syncs after the restart ran",
				() -> requests.queued(flowroute.id()) || runs.running(flowroute.id()).isPresent(), busy -> !busy);
		List<SyncRun> after = runs.recent(flowroute.id(), 10).stream().filter(run -> run.id() > orphan).toList();
		assertThat(after).isNotEmpty().allSatisfy(run -> assertThat(run.status()).isEqualTo(SyncRun.SUCCEEDED));

		String page = mvc.perform(get("/sync").with(user(userDetails.loadUserByUsername("viewer"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		int row = page.indexOf("id=\"sync-run-" + orphan + "\"");
		assertThat(row).isNotNegative();
		String shown = page.substring(row, page.indexOf("</tr>", page.indexOf("</tr>", row) + 5));
		assertThat(shown).contains("data-status=\"INTERRUPTED\"", ">Interrupted<", "<strong>Interrupted:</strong>",
				HtmlUtils.htmlEscape(interrupted.errorMessage()));
	}

	/** Presses "Sync now" as an operator; answers the card and toast the portal sends back. */
	private String syncNow(ProviderAccount account) {
		try {
			return mvc.perform(post("/sync/{id}/run", account.id()).with(user(userDetails.loadUserByUsername("operator")))
				.with(csrf())
				.header("HX-Request", "true")).andReturn().getResponse().getContentAsString();
		}
		catch (Exception failure) {
			throw new AssertionError("Sync now could not be pressed", failure);
		}
	}
}

package com.numberops.portal.sync.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.sandbox.Fault;
import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.sync.SyncRequests;
import com.numberops.portal.sync.SyncRun;
import com.numberops.portal.sync.SyncRuns;
import com.numberops.portal.sync.SyncTrigger;

/**
 * The Sync page over the real filter chain: runs per account, "Sync now" through the real
 * scheduler to a finished run, the polling status fragment, and who may press the button.
 */
class SyncPageTests extends PortalIntegrationTest {

	/** Long enough for the scheduler to pick a queued sync and run it through ~300 sandbox numbers. */
	private static final Duration DEADLINE = Duration.ofSeconds(30);

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
	MirrorSync sync;

	@Autowired
	SandboxFaults faults;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void healthyAndIdle() {
		faults.clearAll();
		// a sync started here must not still hold an account when the next test starts one
		for (ProviderAccount account : accounts.all()) {
			awaitIdle(account);
		}
	}

	@Test
	void everyAccountShowsItsRunsAndOnlyOperatorsAndAdminsSeeSyncNow() throws Exception {
		ProviderAccount flowroute = account(ProviderKind.FLOWROUTE);
		SyncRun run = sync.syncAccount(flowroute.id(), SyncTrigger.SCHEDULED, null).orElseThrow();
		assertThat(run.status()).isEqualTo(SyncRun.SUCCEEDED);

		String page = mvc.perform(get("/sync").with(as("viewer")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Not built yet"))))
			.andExpect(content().string(not(containsString("sync-now"))))
			.andReturn().getResponse().getContentAsString();
		for (ProviderAccount account : accounts.all()) {
			assertThat(page).contains("id=\"sync-account-" + account.id() + "\"", HtmlUtils.htmlEscape(account.name()),
					account.accountRef());
		}
		String row = rowOf(page, run);
		assertThat(row).contains("Scheduled", "Succeeded", ">" + run.fetched() + "<", ">" + run.unchanged() + "<");
		assertThat(run.fetched()).isPositive();
		// nothing is going on: no card polls
		assertThat(page).doesNotContain("hx-trigger");

		for (String member : List.of("operator", "admin")) {
			mvc.perform(get("/sync").with(as(member)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("class=\"btn btn-sm btn-primary sync-now\"")))
				.andExpect(content().string(containsString("action=\"/sync/" + flowroute.id() + "/run\"")));
		}
	}

	@Test
	void aFailedRunSaysWhyInPlainWords() throws Exception {
		ProviderAccount flowroute = account(ProviderKind.FLOWROUTE);
		faults.set(SandboxApi.FLOWROUTE, "list", Fault.serverErrors(1.0));
		SyncRun failed = sync.syncAccount(flowroute.id(), SyncTrigger.MANUAL, "operator").orElseThrow();
		assertThat(failed.status()).isEqualTo(SyncRun.FAILED);
		assertThat(failed.errorMessage()).contains("500");

		String page = mvc.perform(get("/sync").with(as("viewer")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(rowOf(page, failed)).contains("Failed", "Sync now", "operator");
		assertThat(page).contains("<strong>Failed:</strong> <span class=\"sync-error-message\">"
				+ HtmlUtils.htmlEscape(failed.errorMessage()) + "</span>");
	}

	@Test
	void theStatusFragmentPollsWithAProgressBarWhileARunGoesOnAndStopsOnceItEnded() throws Exception {
		ProviderAccount flowroute = account(ProviderKind.FLOWROUTE);
		// a run in the middle of its work, recorded the way the engine records it
		long runId = runs.start(flowroute.id(), SyncTrigger.MANUAL, "operator", 1).orElseThrow();
		try {
			runs.progress(runId, 120, 20, 5, 95, 300);

			mvc.perform(get("/sync/{id}/status", flowroute.id()).with(as("viewer")).header("HX-Request", "true"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("hx-trigger=\"every 1s\"")))
				.andExpect(content().string(containsString("hx-get=\"/sync/" + flowroute.id() + "/status\"")))
				.andExpect(content().string(containsString("data-state=\"running\"")))
				.andExpect(content().string(containsString("<progress class=\"sync-progress\" max=\"100\" value=\"40\">")))
				.andExpect(content().string(containsString("120 of 300 numbers fetched")))
				// the whole page's layout is not in a fragment answer
				.andExpect(content().string(not(containsString("<html"))));
			// the page itself polls as well when opened during a run
			mvc.perform(get("/sync").with(as("viewer")))
				.andExpect(content().string(containsString("hx-get=\"/sync/" + flowroute.id() + "/status\"")));
		}
		finally {
			runs.succeed(runId, 0);
		}

		String ended = mvc.perform(get("/sync/{id}/status", flowroute.id()).with(as("viewer")).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(ended).doesNotContain("hx-trigger", "<progress", "data-state=");
		assertThat(rowOf(ended, runs.find(runId).orElseThrow())).contains("Succeeded", ">120<", ">95<");
	}

	@Test
	void syncNowQueuesARealRunThatTheStatusFragmentFollowsToItsEnd() throws Exception {
		ProviderAccount sinch = account(ProviderKind.SINCH);
		// nine listings of 300 ms each: the run stays observable for a few polls
		faults.set(SandboxApi.SINCH, "list", Fault.latency(300));
		List<Long> before = runIds(sinch);

		mvc.perform(post("/sync/{id}/run", sinch.id()).with(as("operator")).with(csrf()).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"sync-account-" + sinch.id() + "\"")))
			.andExpect(content().string(containsString("hx-trigger=\"every 1s\"")))
			.andExpect(content().string(containsString("<progress class=\"sync-progress\"")))
			.andExpect(content().string(containsString("Syncing…")))
			.andExpect(content().string(containsString("hx-swap-oob=\"beforeend:#toasts\"")))
			.andExpect(content().string(containsString("Sync of Sinch active numbers queued")));
		// pressed again while it is queued or running: nothing more is queued
		mvc.perform(post("/sync/{id}/run", sinch.id()).with(as("admin")).with(csrf()).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is already queued")));

		List<String> states = new ArrayList<>();
		String last = await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> {
			String fragment = mvc.perform(get("/sync/{id}/status", sinch.id()).with(as("operator")).header("HX-Request", "true"))
				.andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			states.add(fragment.contains("data-state=\"running\"") ? "running"
					: fragment.contains("data-state=\"queued\"") ? "queued" : "ended");
			return fragment;
		}, fragment -> !fragment.contains("hx-trigger"));

		assertThat(states).contains("running");
		List<SyncRun> added = runs.recent(sinch.id(), 20).stream().filter(run -> !before.contains(run.id())).toList();
		assertThat(added).singleElement().satisfies(run -> {
			assertThat(run.status()).isEqualTo(SyncRun.SUCCEEDED);
			assertThat(run.trigger()).isEqualTo(SyncTrigger.MANUAL);
			assertThat(run.startedBy()).isEqualTo("operator");
			assertThat(run.fetched()).isPositive();
			assertThat(rowOf(last, run)).contains("Succeeded", "Sync now", "operator", ">" + run.fetched() + "<");
		});
		assertThat(last).contains(">Sync now</button>").doesNotContain("disabled");
	}

	@Test
	void aPlainFormPostGoesBackToThePageWithAToast() throws Exception {
		ProviderAccount flowroute = account(ProviderKind.FLOWROUTE);
		mvc.perform(post("/sync/{id}/run", flowroute.id()).with(as("operator")).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/sync"))
			.andExpect(flash().attributeExists("toast"));
	}

	@Test
	void aViewersDirectPostIsRefusedAndQueuesNothing() throws Exception {
		ProviderAccount sinch = account(ProviderKind.SINCH);
		List<Long> before = runIds(sinch);
		mvc.perform(post("/sync/{id}/run", sinch.id()).with(as("viewer")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/sync/{id}/run", sinch.id()).with(as("viewer")).with(csrf()).header("HX-Request", "true"))
			.andExpect(status().isForbidden());
		assertThat(requests.queued(sinch.id())).isFalse();
		assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'sync-account' and task_instance = ?",
				Integer.class, String.valueOf(sinch.id()))).isZero();
		assertThat(runIds(sinch)).isEqualTo(before);
	}

	@Test
	void anUnknownAccountIsNotFound() throws Exception {
		mvc.perform(get("/sync/{id}/status", 987654).with(as("viewer")).header("HX-Request", "true"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/sync/{id}/run", 987654).with(as("operator")).with(csrf()).header("HX-Request", "true"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/sync/{id}/run", 987654).with(as("operator")).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void theStatusAddressWithoutHtmxLeadsToThePage() throws Exception {
		mvc.perform(get("/sync/{id}/status", account(ProviderKind.FLOWROUTE).id()).with(as("viewer")))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/sync"));
	}

	private RequestPostProcessor as(String username) {
		return user(userDetails.loadUserByUsername(username));
	}

	private ProviderAccount account(ProviderKind kind) {
		return accounts.all().stream().filter(account -> account.provider() == kind).findFirst().orElseThrow();
	}

	private List<Long> runIds(ProviderAccount account) {
		return runs.recent(account.id(), 1000).stream().map(SyncRun::id).toList();
	}

	private void awaitIdle(ProviderAccount account) {
		await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
			.until(() -> !requests.queued(account.id()) && runs.running(account.id()).isEmpty());
	}

	/** The table row of one run, from its opening tag to its end. */
	private static String rowOf(String html, SyncRun run) {
		int start = html.indexOf("id=\"sync-run-" + run.id() + "\"");
		assertThat(start).as("row of run " + run.id()).isNotNegative();
		return html.substring(start, html.indexOf("</tr>", start));
	}
}

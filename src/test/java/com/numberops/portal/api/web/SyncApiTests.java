package com.numberops.portal.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.sandbox.Fault;
import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.sync.SyncRequests;
import com.numberops.portal.sync.SyncRun;
import com.numberops.portal.sync.SyncRuns;
import com.numberops.portal.sync.SyncTrigger;

/**
 * Sync runs and "Sync now" over the API, through the real scheduler against the sandbox carrier:
 * one request queues one run, another meanwhile is told one is already on its way (409), a retry
 * with the same Idempotency-Key gets the first answer, and the runs read as the Sync page lists them.
 */
class SyncApiTests extends ApiEditsTest {

	private static final Duration DEADLINE = Duration.ofSeconds(30);

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	SyncRuns runs;

	@Autowired
	SyncRequests requests;

	@Autowired
	SandboxFaults faults;

	@AfterEach
	void healthyAndIdle() {
		faults.clearAll();
		for (ProviderAccount account : accounts.all()) {
			await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
				.until(() -> !requests.queued(account.id()) && runs.running(account.id()).isEmpty());
		}
	}

	ProviderAccount sandbox(ProviderKind kind) {
		return accounts.all().stream().filter(account -> account.provider() == kind && account.sandbox()).findFirst()
			.orElseThrow();
	}

	List<Long> runIds(ProviderAccount account) {
		return runs.recent(account.id(), 1000).stream().map(SyncRun::id).toList();
	}

	@Test
	void syncNowQueuesOneRunAndAnotherRequestMeanwhileIsTold() throws Exception {
		ProviderAccount sinch = sandbox(ProviderKind.SINCH);
		// slow listings: the run is still queued or running when the second request comes
		faults.set(SandboxApi.SINCH, "list", Fault.latency(300));
		List<Long> before = runIds(sinch);
		String key = UUID.randomUUID().toString();

		MvcResult queued = mvc.perform(post("/api/provider-accounts/" + sinch.id() + "/sync-runs", operator, null)
			.header(IdempotencyKeyFilter.HEADER, key))
			.andExpect(status().isAccepted())
			.andExpect(header().string(HttpHeaders.LOCATION, "/api/provider-accounts/" + sinch.id() + "/sync-runs"))
			.andExpect(jsonPath("$.queued").value(true))
			.andReturn();
		mvc.perform(post("/api/provider-accounts/" + sinch.id() + "/sync-runs", admin, null))
			.andExpect(status().isConflict())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/problem+json"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("already queued or running")));
		// the operator's retry of their own request: the first answer, not the refusal
		mvc.perform(post("/api/provider-accounts/" + sinch.id() + "/sync-runs", operator, null)
			.header(IdempotencyKeyFilter.HEADER, key))
			.andExpect(status().isAccepted())
			.andExpect(header().string(IdempotencyKeyFilter.REPLAYED, "true"))
			.andExpect(jsonPath("$.queued").value(true));
		assertThat(queued.getResponse().getContentAsString()).contains("\"accountId\":\"" + sinch.id() + "\"");

		await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
			.until(() -> !requests.queued(sinch.id()) && runs.running(sinch.id()).isEmpty());
		List<SyncRun> added = runs.recent(sinch.id(), 20).stream().filter(run -> !before.contains(run.id())).toList();
		assertThat(added).singleElement().satisfies(run -> {
			assertThat(run.trigger()).isEqualTo(SyncTrigger.MANUAL);
			assertThat(run.startedBy()).isEqualTo(operator);
			assertThat(run.status()).isEqualTo(SyncRun.SUCCEEDED);
		});
		SyncRun run = added.get(0);

		mvc.perform(read("/api/provider-accounts/" + sinch.id() + "/sync-runs?limit=5", "viewer"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.syncQueued").value(false))
			.andExpect(jsonPath("$.runs[0].id").value(String.valueOf(run.id())))
			.andExpect(jsonPath("$.runs[0].trigger").value("MANUAL"))
			.andExpect(jsonPath("$.runs[0].links.self.href").value("/api/sync-runs/" + run.id()));
		mvc.perform(read("/api/sync-runs/" + run.id(), "viewer"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUCCEEDED"))
			.andExpect(jsonPath("$.progressPercent").value(100))
			.andExpect(jsonPath("$.fetched").value(run.fetched()));
	}

	@Test
	void aViewerCannotSyncAndUnknownAccountsAndRunsAreNotFound() throws Exception {
		ProviderAccount sinch = sandbox(ProviderKind.SINCH);
		List<Long> before = runIds(sinch);
		mvc.perform(post("/api/provider-accounts/" + sinch.id() + "/sync-runs", "viewer", null))
			.andExpect(status().isForbidden());
		assertThat(requests.queued(sinch.id())).isFalse();
		assertThat(runIds(sinch)).isEqualTo(before);

		mvc.perform(post("/api/provider-accounts/987654/sync-runs", operator, null)).andExpect(status().isNotFound());
		mvc.perform(read("/api/provider-accounts/987654/sync-runs", operator)).andExpect(status().isNotFound());
		mvc.perform(read("/api/sync-runs/987654321", operator)).andExpect(status().isNotFound());
		mvc.perform(read("/api/provider-accounts/" + sinch.id() + "/sync-runs?limit=0", operator))
			.andExpect(status().is4xxClientError());
		mvc.perform(read("/api/provider-accounts/" + sinch.id() + "/sync-runs?limit=101", operator))
			.andExpect(status().is4xxClientError());
	}
}

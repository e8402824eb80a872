package com.numberops.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.numberops.portal.changes.Change;
import com.numberops.portal.changes.Edit;
import com.numberops.portal.changes.NumberEdits;
import com.numberops.portal.changes.PendingChanges;
import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.sandbox.flowroute.FlowrouteSandboxRows;
import com.numberops.portal.support.Eventually;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.SignedIn;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.sync.SyncRun;
import com.numberops.portal.sync.SyncTrigger;
import com.numberops.portal.users.PortalPrincipal;

/**
 * {@code /actuator/prometheus}: the portal's own meters after a sync and an edit, for admins only
 * (like every actuator endpoint but health).
 */
class PrometheusMetricsTests extends PortalIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	MirrorSync sync;

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	NumberEdits edits;

	@Autowired
	PendingChanges changes;

	@Autowired
	SandboxDatabase sandbox;

	@Autowired
	JdbcTemplate jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	String scrape() throws Exception {
		return mvc.perform(get("/actuator/prometheus").with(as("admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void anAdminScrapesThePortalsOwnMetersAfterASyncAndAnEdit() throws Exception {
		ProviderAccount flowroute = accounts.all()
			.stream()
			.filter(account -> account.provider() == ProviderKind.FLOWROUTE)
			.findFirst()
			.orElseThrow();
		SyncRun run = sync.syncAccount(flowroute.id(), SyncTrigger.MANUAL, "test").orElseThrow();
		assertThat(run.status()).isEqualTo(SyncRun.SUCCEEDED);

		String id = FlowrouteSandboxRows.insert(sandbox.jdbc(), FlowrouteSandboxRows.newId("1557"), "Metrics line");
		assertThat(sync.refresh(flowroute.id(), id, MirrorSync.SOURCE_SYNC)).isTrue();
		long numberId = jdbc.queryForObject(
				"select id from phone_numbers where provider_account_id = ? and provider_phone_number_id = ?", Long.class,
				flowroute.id(), id);
		PortalPrincipal operator = (PortalPrincipal) users.loadUserByUsername("operator");
		Change rename = SignedIn.during(operator,
				() -> edits.submit(operator, numberId, new Edit.Rename("Metrics line renamed"), null, null));
		Eventually.until(Duration.ofSeconds(40), "the rename reaches Flowroute",
				() -> changes.find(rename.id()).orElseThrow(), change -> !change.state().open());

		String metrics = scrape();
		assertThat(metrics)
			.contains("portal_sync_runs_seconds_count{account=\"" + flowroute.name()
					+ "\",outcome=\"SUCCEEDED\",provider=\"flowroute\"}")
			.contains("portal_sync_numbers_total{account=\"" + flowroute.name() + "\",provider=\"flowroute\"}")
			// the listing pages of the sync, and the rename's PATCH
			.contains("portal_carrier_requests_seconds_count{carrier=\"flowroute\",method=\"GET\",outcome=\"SUCCESS\",status=\"200\"}")
			.containsPattern("portal_carrier_requests_seconds_count\\{carrier=\"flowroute\",method=\"PATCH\",outcome=\"SUCCESS\",status=\"20\\d\"}")
			.contains("portal_outbox_depth{state=\"PENDING\"}")
			.contains("portal_outbox_depth{state=\"WAITING_FOR_PROVIDER\"}")
			.contains("portal_outbox_oldest_age_seconds ")
			.contains("portal_fleet_numbers{inventory_state=\"READY_FOR_SMS\"}")
			.contains("portal_fleet_numbers_status{status=\"ACTIVE\"}")
			// Spring Boot's own: the requests the portal answered
			.contains("http_server_requests_seconds_count");
		// the gauges keep an answer for 5 s, and an earlier scrape may have read a smaller mirror
		double mirror = jdbc.queryForObject("select count(*) from phone_numbers", Long.class).doubleValue();
		assertThat(Eventually.until(Duration.ofSeconds(15), "the fleet's gauges sum to the mirror's numbers",
				() -> fleetTotal(scrapeUnchecked()), total -> total == mirror)).isEqualTo(mirror);
	}

	private String scrapeUnchecked() {
		try {
			return scrape();
		}
		catch (Exception failed) {
			throw new IllegalStateException(failed);
		}
	}

	private static double fleetTotal(String metrics) {
		return metrics.lines()
			.filter(line -> line.startsWith("portal_fleet_numbers{"))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	@Test
	void nobodySignedInIsToldToSignInAndAViewerIsRefused() throws Exception {
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/prometheus").accept(MediaType.TEXT_HTML))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		mvc.perform(get("/actuator/prometheus").with(as("viewer"))).andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus").with(as("operator"))).andExpect(status().isForbidden());
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}
}

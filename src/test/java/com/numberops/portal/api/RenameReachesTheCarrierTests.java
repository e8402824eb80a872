package com.numberops.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.support.Eventually;
import com.numberops.portal.support.ApiClient;
import com.numberops.portal.support.TestTokens;
import com.numberops.portal.users.ApiTokens;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.sync.MirrorSync;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A PUT over real HTTP with a personal API token (no session, no CSRF) renames a Sinch number of the sandbox: 202 with a link to the change, the change pushed by the
 * dispatcher from the outbox, the carrier's displayName changed, and the change read back as
 * succeeded. The number is the test's own (area code 555, never seeded).
 */
class RenameReachesTheCarrierTests extends PortalIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SandboxDatabase sandbox;

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	MirrorSync sync;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	ApiTokens tokens;

	@Autowired
	UserDetailsService users;

	@Test
	void aRenameSentToTheApiReachesTheSandboxCarrier() throws Exception {
		ProviderAccount sinch = accounts.all().stream().filter(a -> a.provider() == ProviderKind.SINCH).findFirst().orElseThrow();
		String number = "+1555" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
		sandbox.jdbc()
			.sql("""
					insert into sinch_numbers (project_id, kind, phone_number, display_name, region_code, type, capabilities,
					                           money_currency, money_amount)
					values (:project, 'ACTIVE', :number, 'API rename test', 'US', 'LOCAL', :caps, 'USD', 1.00)""")
			.param("project", ProvidersProperties.SANDBOX_SINCH_PROJECT)
			.param("number", number)
			.param("caps", new String[] { "SMS", "VOICE" })
			.update();
		assertThat(sync.refresh(sinch.id(), number, MirrorSync.SOURCE_SYNC)).isTrue();
		long id = jdbc.queryForObject("select id from phone_numbers where provider_account_id = ? and provider_phone_number_id = ?",
				Long.class, sinch.id(), number);

		ApiClient http = ApiClient.withToken(port, TestTokens.of(tokens, users, "operator"));
		HttpResponse<String> read = http.get("/api/phone-numbers/" + id);
		assertThat(read.statusCode()).isEqualTo(200);
		String etag = read.headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> renamed = http.put("/api/phone-numbers/" + id,
				"{\"name\": \"Renamed through the API\", \"number\": \"" + number + "\"}", Map.of("If-Match", etag));

		assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(202);
		JsonNode answer = json.readTree(renamed.body());
		assertThat(answer.path("name").asString()).isEqualTo("Renamed through the API");
		String change = answer.path("links").path("openChanges").path(0).path("id").asString();
		assertThat(change).isNotEmpty();

		String atCarrier = Eventually.until(Duration.ofSeconds(40), "the carrier has the new name",
				() -> sandbox.jdbc()
					.sql("select display_name from sinch_numbers where project_id = :project and phone_number = :number")
					.param("project", ProvidersProperties.SANDBOX_SINCH_PROJECT)
					.param("number", number)
					.query(String.class)
					.single(),
				"Renamed through the API"::equals);
		assertThat(atCarrier).isEqualTo("Renamed through the API");
		assertThat(Eventually.until(Duration.ofSeconds(40), "the change settles",
				() -> jdbc.queryForObject("select state from pending_changes where id = ?", String.class, Long.parseLong(change)),
				state -> List.of("SUCCEEDED", "FAILED").contains(state))).isEqualTo("SUCCEEDED");
		HttpResponse<String> after = http.get("/api/phone-numbers/" + id);
		assertThat(json.readTree(after.body()).path("links").path("openChanges").size()).isZero();
		assertThat(json.readTree(after.body()).path("events").findValuesAsString("type")).contains("EDIT_REQUESTED",
				"CHANGE_SUCCEEDED");
	}
}

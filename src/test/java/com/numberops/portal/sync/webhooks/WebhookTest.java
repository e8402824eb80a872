package com.numberops.portal.sync.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.support.PortalIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the webhook tests share: raw HTTP to the running portal, numbers of their own at the
 * simulated carriers (area codes 558 for Sinch and 559 for Flowroute are never seeded) brought
 * into the mirror by a refresh, and reading the mirror back. Adds no annotation: the context stays
 * the shared one. Faults are always switched off again after each test.
 */
abstract class WebhookTest extends PortalIntegrationTest {

	static final String PROJECT = ProvidersProperties.SANDBOX_SINCH_PROJECT;

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	SandboxDatabase sandbox;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MirrorSync sync;

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	JsonMapper json;

	@Autowired
	SandboxFaults faults;

	private final List<String> sinchCreated = new ArrayList<>();

	private final List<String> flowrouteCreated = new ArrayList<>();

	@AfterEach
	void removeOurCarrierNumbersAndFaults() {
		faults.clearAll();
		JdbcClient carrier = sandbox.jdbc();
		if (!sinchCreated.isEmpty()) {
			carrier.sql("delete from sinch_numbers where project_id = :project and phone_number in (:numbers)")
				.param("project", PROJECT)
				.param("numbers", sinchCreated)
				.update();
			sinchCreated.clear();
		}
		if (!flowrouteCreated.isEmpty()) {
			carrier.sql("delete from flowroute_numbers where id in (:ids)").param("ids", flowrouteCreated).update();
			flowrouteCreated.clear();
		}
	}

	record Reply(int status, HttpHeaders headers, JsonNode body) {
	}

	Reply post(String path, byte[] body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		return send(request);
	}

	Reply send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode body;
			try {
				body = response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
			}
			catch (RuntimeException notJson) {
				body = json.createObjectNode();
			}
			return new Reply(response.statusCode(), response.headers(), body);
		}
		catch (IOException | InterruptedException failure) {
			throw new IllegalStateException(failure);
		}
	}

	long accountId(ProviderKind kind) {
		return accounts.all()
			.stream()
			.filter(account -> account.provider() == kind)
			.map(ProviderAccount::id)
			.findFirst()
			.orElseThrow();
	}

	/** A fresh Sinch number ("ACTIVE" or "IMPORTED") at the sandbox, without a callbackUrl, not yet in the mirror. */
	String sinchNumber(String kind, String displayName) {
		while (true) {
			String number = "+1558" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
			int inserted = sandbox.jdbc()
				.sql("""
						insert into sinch_numbers (project_id, kind, phone_number, display_name, region_code, type,
						                           capabilities, money_currency, money_amount, sms_service_plan_id,
						                           sms_campaign_id, voice_app_id)
						values (:project, :kind, :number, :name, 'US', 'LOCAL', array['SMS','VOICE'], 'USD', 2.00, '', '', '')
						on conflict do nothing""")
				.param("project", PROJECT)
				.param("kind", kind)
				.param("number", number)
				.param("name", displayName)
				.update();
			if (inserted == 1) {
				sinchCreated.add(number);
				return number;
			}
		}
	}

	/** A fresh Sinch number that the mirror already holds (read once, as a sync would). */
	String mirroredSinchNumber(String kind, String displayName) {
		String number = sinchNumber(kind, displayName);
		ProviderKind provider = "ACTIVE".equals(kind) ? ProviderKind.SINCH : ProviderKind.SINCH_IMPORTED;
		assertThat(sync.refresh(accountId(provider), number, MirrorSync.SOURCE_SYNC)).as("mirrored").isTrue();
		assertThat(mirrorName(provider, number)).isEqualTo(displayName);
		return number;
	}

	void renameAtSinch(String number, String displayName) {
		assertThat(sandbox.jdbc()
			.sql("update sinch_numbers set display_name = ? where project_id = ? and phone_number = ?")
			.params(displayName, PROJECT, number)
			.update()).isEqualTo(1);
	}

	/** A fresh Flowroute number (11 digits) at the sandbox that the mirror already holds. */
	String mirroredFlowrouteNumber(String alias) {
		while (true) {
			String id = "1559" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
			int inserted = sandbox.jdbc()
				.sql("""
						insert into flowroute_numbers (id, alias, cnam_lookups_enabled, messaging_enabled, number_type,
						                               rate_center, state, iso_country, monthly_cost, setup_cost,
						                               inbound_rate, rate_type)
						values (?, ?, false, false, 'longcode', 'sttlwa0101', 'wa', 'US', 1.25, 1.00, 0.0120, 'local')
						on conflict do nothing""")
				.params(id, alias)
				.update();
			if (inserted == 1) {
				flowrouteCreated.add(id);
				assertThat(sync.refresh(accountId(ProviderKind.FLOWROUTE), id, MirrorSync.SOURCE_SYNC)).isTrue();
				assertThat(mirrorName(ProviderKind.FLOWROUTE, id)).isEqualTo(alias);
				return id;
			}
		}
	}

	void renameAtFlowroute(String id, String alias) {
		assertThat(sandbox.jdbc().sql("update flowroute_numbers set alias = ? where id = ?").params(alias, id).update())
			.isEqualTo(1);
	}

	String mirrorName(ProviderKind provider, String providerNumberId) {
		return mirrorColumn(provider, providerNumberId, "name");
	}

	/** A text column of the mirror's row; null when the mirror has no such number (or the value is null). */
	String mirrorColumn(ProviderKind provider, String providerNumberId, String column) {
		List<String> values = jdbc.queryForList("select " + column + "::text from phone_numbers"
				+ " where provider_account_id = ? and provider_phone_number_id = ?", String.class, accountId(provider),
				providerNumberId);
		return values.isEmpty() ? null : values.get(0);
	}

	boolean mirrored(ProviderKind provider, String providerNumberId) {
		return jdbc.queryForObject("select count(*) from phone_numbers where provider_account_id = ?"
				+ " and provider_phone_number_id = ?", Long.class, accountId(provider), providerNumberId) > 0;
	}

	/** The number's events with source WEBHOOK, as "field: before → after". */
	List<String> webhookEvents(ProviderKind provider, String providerNumberId) {
		return jdbc.queryForList("""
				select e.field || ': ' || coalesce(e.before_value, '') || ' → ' || coalesce(e.after_value, '')
				from number_events e join phone_numbers p on p.id = e.phone_number_id
				where p.provider_account_id = ? and p.provider_phone_number_id = ? and e.source = 'WEBHOOK'
				order by e.id""", String.class, accountId(provider), providerNumberId);
	}

	boolean delivered(String provider, String eventId) {
		return jdbc.queryForObject("select count(*) from webhook_events where provider = ? and event_id = ?", Long.class,
				provider, eventId) > 0;
	}

	/** Polls {@code condition} until it holds; fails when {@code timeout} passed first. */
	static void until(Duration timeout, String what, BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(timeout);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Gave up after " + timeout + " waiting until " + what);
			}
			try {
				Thread.sleep(25);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted while waiting until " + what, interrupted);
			}
		}
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}

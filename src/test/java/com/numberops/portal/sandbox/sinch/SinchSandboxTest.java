package com.numberops.portal.sandbox.sinch;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.SandboxSinchProject;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the Sinch sandbox tests share: raw HTTP to the running portal (no adapter types, so the
 * tests read the wire format exactly as the seeds write it), numbers of their own in the sandbox
 * tables, and waiting on a condition with a deadline. Adds no annotation: the context stays the
 * shared one. Faults are always switched off again after each test.
 */
abstract class SinchSandboxTest extends PortalIntegrationTest {

	static final String PROJECT = ProvidersProperties.SANDBOX_SINCH_PROJECT;

	static final String BASIC = "Basic " + Base64.getEncoder()
		.encodeToString("sandbox-key:sandbox-secret".getBytes(StandardCharsets.UTF_8));

	/** Numbers the tests create: +1555 and 7 digits, far from anything seeded; unique per JVM (and schema). */
	private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(1_000_000);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	SandboxDatabase sandbox;

	@Autowired
	SandboxFaults faults;

	@AfterEach
	void healthySandboxAgain() {
		faults.clearAll();
	}

	record Reply(int status, HttpHeaders headers, String raw, JsonNode body) {

		String header(String name) {
			return headers.firstValue(name).orElse(null);
		}
	}

	String active(String path) {
		return "/sandbox/sinch/v1/projects/" + PROJECT + path;
	}

	String imported(String path) {
		return "/sandbox/sinch-imported/v1/projects/" + PROJECT + path;
	}

	Reply get(String path) {
		return send(request(path, BASIC).GET());
	}

	Reply get(String path, String authorization) {
		return send(request(path, authorization).GET());
	}

	Reply patch(String path, String body) {
		return send(request(path, BASIC).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
	}

	Reply post(String path, String body) {
		return send(request(path, BASIC).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	Reply postForm(String path, String form, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request);
	}

	HttpRequest.Builder request(String path, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(20));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return request;
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
			return new Reply(response.statusCode(), response.headers(), response.body(), body);
		}
		catch (IOException | InterruptedException failure) {
			throw new IllegalStateException(failure);
		}
	}

	/** The fields of a Sinch 400's fieldViolations, in order. */
	static List<String> violationFields(Reply reply) {
		return reply.body().get("error").get("details").get(0).get("fieldViolations").findValuesAsString("field");
	}

	/**
	 * A fresh active number of the sandbox project (not seeded: tests may change or release it
	 * freely). A made-up region code such as XA gives a test a listing of its own.
	 */
	String createNumber(String regionCode, String type, List<String> capabilities, String servicePlanId,
			String campaignId, String voiceAppId, String displayName) {
		String phoneNumber = nextPhoneNumber(regionCode);
		sandbox.jdbc()
			.sql("""
					insert into sinch_numbers (project_id, kind, phone_number, display_name, region_code, type,
					    capabilities, money_currency, money_amount, next_charge_date, sms_service_plan_id,
					    sms_campaign_id, voice_app_id)
					values (:project, 'ACTIVE', :phone, :name, :region, :type, string_to_array(:caps, ','), 'USD', 2.00,
					    timestamptz '2026-12-01T00:00:00Z', :plan, :campaign, :voice)""")
			.param("project", PROJECT)
			.param("phone", phoneNumber)
			.param("name", displayName)
			.param("region", regionCode)
			.param("type", type)
			.param("caps", String.join(",", capabilities))
			.param("plan", servicePlanId)
			.param("campaign", campaignId)
			.param("voice", voiceAppId)
			.update();
		SandboxSinchProject.has(sandbox.jdbc(), servicePlanId, campaignId);
		return phoneNumber;
	}

	String createUsNumber(String servicePlanId, String campaignId) {
		return createNumber("US", "LOCAL", List.of("SMS", "VOICE"), servicePlanId, campaignId, "", "Test line");
	}

	String createImportedNumber(String servicePlanId, String campaignId, String displayName) {
		String phoneNumber = nextPhoneNumber("US");
		sandbox.jdbc()
			.sql("""
					insert into sinch_numbers (project_id, kind, phone_number, display_name, region_code, type,
					    capabilities, money_currency, money_amount, sms_service_plan_id, sms_campaign_id)
					values (:project, 'IMPORTED', :phone, :name, 'US', 'LOCAL', array['SMS'], 'USD', 0.50, :plan, :campaign)""")
			.param("project", PROJECT)
			.param("phone", phoneNumber)
			.param("name", displayName)
			.param("plan", servicePlanId)
			.param("campaign", campaignId)
			.update();
		SandboxSinchProject.has(sandbox.jdbc(), servicePlanId, campaignId);
		return phoneNumber;
	}

	/** The project has these plans and campaigns (the sandbox fails a link to one it does not have). */
	void projectHas(String... ids) {
		for (String id : ids) {
			if (id.startsWith("app-")) {
				SandboxSinchProject.hasVoiceApp(sandbox.jdbc(), id);
				continue;
			}
			boolean campaign = !id.startsWith("sp-");
			SandboxSinchProject.has(sandbox.jdbc(), campaign ? "" : id, campaign ? id : "");
		}
	}

	static String nextPhoneNumber(String regionCode) {
		int n = NEXT_NUMBER.getAndIncrement();
		return switch (regionCode) {
			case "GB" -> "+447555" + n;
			case "US" -> "+1555" + n;
			// made-up regions (XA, XB, ...) keep a test's listing to the numbers it created itself
			default -> "+99955" + n;
		};
	}

	/** Asks again and again until the answer satisfies the condition, or fails at the deadline. */
	static <T> T await(Duration deadline, Supplier<T> ask, Predicate<T> done, String what) {
		Instant end = Instant.now().plus(deadline);
		T last = ask.get();
		while (!done.test(last)) {
			if (Instant.now().isAfter(end)) {
				fail("Timed out after %s waiting for %s; last seen: %s", deadline, what, last);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				fail("interrupted");
			}
			last = ask.get();
		}
		return last;
	}

	static String enc(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}

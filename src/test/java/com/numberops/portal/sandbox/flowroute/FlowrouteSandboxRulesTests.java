package com.numberops.portal.sandbox.flowroute;

import static com.numberops.portal.sandbox.flowroute.FlowrouteSandboxRows.insert;
import static com.numberops.portal.sandbox.flowroute.FlowrouteSandboxRows.until;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.numberops.portal.sandbox.Fault;
import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.support.PortalIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated Flowroute enforces seed 004 over raw HTTP, with its status codes and its
 * {@code {"errors": [...]}} bodies: what a client written against the real API would meet.
 */
class FlowrouteSandboxRulesTests extends PortalIntegrationTest {

	private static final String BASIC = "Basic "
			+ Base64.getEncoder().encodeToString("sandbox-access:sandbox-secret".getBytes(StandardCharsets.UTF_8));

	private static final String JSON_API = "application/vnd.api+json";

	@LocalServerPort
	int port;

	@Autowired
	SandboxDatabase sandboxDatabase;

	@Autowired
	SandboxFaults faults;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	record Reply(int status, @Nullable String contentType, JsonNode body) {

		JsonNode error() {
			assertThat(body.path("errors").isArray()).as("errors array in %s", body).isTrue();
			return body.path("errors").get(0);
		}

		JsonNode attributes() {
			return body.path("data").path("attributes");
		}
	}

	@AfterEach
	void healthySandbox() {
		faults.clearAll();
	}

	JdbcClient jdbc() {
		return sandboxDatabase.jdbc();
	}

	String url(String path) {
		return "http://localhost:" + port + "/sandbox/flowroute" + path;
	}

	Reply send(String method, String pathOrUrl, @Nullable String contentType, @Nullable String body,
			@Nullable String authorization) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : url(pathOrUrl)))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", JSON_API)
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode parsed = response.body().isEmpty() ? json.missingNode() : json.readTree(response.body());
			return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), parsed);
		}
		catch (IOException failure) {
			throw new AssertionError(failure);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new AssertionError(interrupted);
		}
	}

	Reply get(String path) {
		return send("GET", path, null, null, BASIC);
	}

	Reply patch(String id, String contentType, String body) {
		return send("PATCH", "/v2/numbers/" + id, contentType, body, BASIC);
	}

	void assertFlowrouteError(Reply reply, int status, String title) {
		assertThat(reply.status()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith(JSON_API);
		assertThat(reply.body().path("errors")).hasSize(1);
		JsonNode error = reply.error();
		assertThat(error.path("status").asInt()).isEqualTo(status);
		assertThat(error.path("title").asString()).isEqualTo(title);
		assertThat(error.path("detail").asString()).isNotBlank();
		assertThat(error.path("id").asString()).isNotBlank();
	}

	@Test
	void withoutOrWithWrongCredentialsTheAnswerIsTheSeeds401() {
		for (String authorization : new String[] { null, "Basic " + Base64.getEncoder()
			.encodeToString("sandbox-access:wrong".getBytes(StandardCharsets.UTF_8)), "Bearer something" }) {
			Reply reply = send("GET", "/v2/numbers", null, null, authorization);
			assertFlowrouteError(reply, 401, "Unauthorized");
			assertThat(reply.error().path("detail").asString()).isEqualTo("Authentication failed.");
		}
		String id = insert(jdbc(), "untouchable");
		assertFlowrouteError(send("PATCH", "/v2/numbers/" + id, JSON_API, "{\"type\":\"number\",\"alias\":\"x\"}", null),
				401, "Unauthorized");
		assertThat(alias(id)).isEqualTo("untouchable");
	}

	@Test
	void limitIsOneToTwoHundred() {
		assertFlowrouteError(get("/v2/numbers?limit=201"), 400, "Bad Request");
		assertFlowrouteError(get("/v2/numbers?limit=0"), 400, "Bad Request");
		assertFlowrouteError(get("/v2/numbers?limit=many"), 400, "Bad Request");
		assertFlowrouteError(get("/v2/numbers?offset=-1"), 400, "Bad Request");
		Reply full = get("/v2/numbers?limit=200");
		assertThat(full.status()).isEqualTo(200);
		assertThat(full.contentType()).startsWith(JSON_API);
		assertThat(full.body().path("data").size()).isBetween(1, 200);
		// without limit a page holds Flowroute's default of 10
		assertThat(get("/v2/numbers").body().path("data")).hasSize(10);
	}

	@Test
	void pagesFollowLinksNextUntilItIsGone() {
		List<String> created = new ArrayList<>();
		String prefix = FlowrouteSandboxRows.newBlock();
		for (int i = 0; i < 5; i++) {
			created.add(insert(jdbc(), prefix + String.format("%04d", i), "paged " + i));
		}
		List<String> seen = new ArrayList<>();
		List<Integer> pageSizes = new ArrayList<>();
		String next = url("/v2/numbers?starts_with=" + prefix + "&limit=2");
		int pages = 0;
		while (next != null) {
			Reply page = get(next);
			assertThat(page.status()).isEqualTo(200);
			pageSizes.add(page.body().path("data").size());
			page.body().path("data").forEach(number -> {
				assertThat(number.path("type").asString()).isEqualTo("number");
				seen.add(number.path("id").asString());
			});
			assertThat(page.body().path("links").path("self").asString()).contains("/sandbox/flowroute/v2/numbers");
			JsonNode link = page.body().path("links").path("next");
			next = link.isMissingNode() ? null : link.asString();
			if (next != null) {
				assertThat(next).contains("offset=" + (pages + 1) * 2).contains("limit=2").contains("starts_with=" + prefix);
			}
			assertThat(++pages).isLessThanOrEqualTo(3);
		}
		assertThat(pageSizes).containsExactly(2, 2, 1);
		assertThat(seen).containsExactlyElementsOf(created);
		// an offset past the end is an empty last page, not an error
		Reply beyond = get("/v2/numbers?starts_with=" + prefix + "&offset=5");
		assertThat(beyond.body().path("data")).isEmpty();
		assertThat(beyond.body().path("links").has("next")).isFalse();
	}

	@Test
	void startsWithContainsAndEndsWithFilterByNumber() {
		String id = insert(jdbc(), "filtered");
		String middle = id.substring(4, 9);
		assertThat(ids(get("/v2/numbers?limit=200&starts_with=" + id.substring(0, 8))))
			.allMatch(other -> other.startsWith(id.substring(0, 8)))
			.contains(id);
		assertThat(ids(get("/v2/numbers?limit=200&contains=" + middle))).allMatch(other -> other.contains(middle))
			.contains(id);
		assertThat(ids(get("/v2/numbers?limit=200&ends_with=" + id.substring(1)))).containsExactly(id);
		assertThat(ids(get("/v2/numbers?starts_with=1555&contains=" + middle + "&ends_with=" + id.substring(9))))
			.contains(id);
		assertThat(get("/v2/numbers?starts_with=19999999999").body().path("data")).isEmpty();
		assertFlowrouteError(get("/v2/numbers?contains=abc"), 400, "Bad Request");
	}

	@Test
	void aNumberIsTheSeedsJsonApiResource() {
		String id = insert(jdbc(), "My NYC number");
		Reply reply = get("/v2/numbers/" + id);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.contentType()).startsWith(JSON_API);
		JsonNode data = reply.body().path("data");
		assertThat(data.path("id").asString()).isEqualTo(id);
		assertThat(data.path("type").asString()).isEqualTo("number");
		assertThat(data.path("links").path("self").asString()).isEqualTo(url("/v2/numbers/" + id));
		assertThat(data.path("attributes").propertyNames()).containsExactlyInAnyOrder("alias", "cnam_lookups_enabled",
				"messaging_enabled", "number_type", "rate_center", "state", "value", "iso_country", "monthly_cost",
				"setup_cost", "inbound_rate", "rate_type", "status", "tier");
		assertThat(reply.attributes().path("alias").asString()).isEqualTo("My NYC number");
		assertThat(reply.attributes().path("value").asString()).isEqualTo(id);
		assertThat(reply.attributes().path("number_type").asString()).isEqualTo("longcode");
		assertThat(reply.attributes().path("monthly_cost").asDouble()).isEqualTo(1.25);
		assertThat(reply.attributes().path("inbound_rate").asDouble()).isEqualTo(0.012);
		assertThat(reply.attributes().path("status").asString()).isEqualTo("PURCHASED");
		assertThat(data.path("relationships").propertyNames()).containsExactlyInAnyOrder("cnam_preset", "e911_address",
				"failover_route", "primary_route");
		assertThat(data.path("relationships").path("primary_route").path("data").path("type").asString())
			.isEqualTo("route");
		JsonNode route = reply.body().path("included").get(0);
		assertThat(route.path("type").asString()).isEqualTo("route");
		assertThat(route.path("attributes").path("route_type").asString()).isEqualTo("sip-reg");
		assertThat(reply.body().path("links").path("self").asString()).isEqualTo(url("/v2/numbers/" + id));
	}

	@ParameterizedTest
	@ValueSource(strings = { "12345", "2065551234", "120655512345", "10065551234", "1206555123a", "%2B12065551234" })
	void idsThatAreNot11DigitNorthAmericanNumbersAre400(String id) {
		assertFlowrouteError(get("/v2/numbers/" + id), 400, "Bad Request");
		assertFlowrouteError(patch(id, JSON_API, "{\"type\":\"number\",\"alias\":\"x\"}"), 400, "Bad Request");
		assertFlowrouteError(send("DELETE", "/v2/numbers/" + id, null, null, BASIC), 400, "Bad Request");
	}

	@Test
	void anUnknownNumberIs404InFlowroutesFormat() {
		String unknown = FlowrouteSandboxRows.newId("1555");
		Reply reply = get("/v2/numbers/" + unknown);
		assertFlowrouteError(reply, 404, "Not Found");
		assertThat(reply.error().path("detail").asString()).contains(unknown);
		assertThat(reply.error().path("status").isInt()).isTrue();
		assertFlowrouteError(patch(unknown, JSON_API, "{\"type\":\"number\",\"alias\":\"x\"}"), 404, "Not Found");
		assertFlowrouteError(get("/v2/message-provision/status/0123456789abcdef0123456789abcdef"), 404, "Not Found");
	}

	@Test
	void aBodyWithoutTypeNumberIsRefusedAndChangesNothing() {
		String id = insert(jdbc(), "kept");
		for (String body : List.of("{\"alias\":\"no type\"}", "{\"type\":\"numbers\",\"alias\":\"wrong type\"}",
				"{\"type\":null,\"alias\":\"null type\"}", "{\"data\":{\"attributes\":{\"alias\":\"no type\"}}}",
				"{\"data\":{\"type\":\"route\",\"attributes\":{\"alias\":\"wrong type\"}}}")) {
			Reply reply = patch(id, JSON_API, body);
			assertFlowrouteError(reply, 422, "Unprocessable Entity");
			assertThat(reply.error().path("detail").asString()).contains("type");
		}
		assertThat(alias(id)).isEqualTo("kept");
	}

	@Test
	void malformedBodiesAndUnknownAttributesAre400() {
		String id = insert(jdbc(), "kept");
		assertFlowrouteError(patch(id, JSON_API, "{\"type\":\"number\",\"alias\":"), 400, "Bad Request");
		assertFlowrouteError(patch(id, JSON_API, "[]"), 400, "Bad Request");
		assertFlowrouteError(patch(id, JSON_API, "{\"type\":\"number\",\"alias\":5}"), 400, "Bad Request");
		assertFlowrouteError(patch(id, JSON_API, "{\"type\":\"number\",\"cnam_lookups_enabled\":\"yes\"}"), 400,
				"Bad Request");
		assertFlowrouteError(patch(id, JSON_API, "{\"type\":\"number\",\"messaging_enabled\":1}"), 400, "Bad Request");
		assertFlowrouteError(patch(id, JSON_API, "{\"type\":\"number\",\"value\":\"12065550000\"}"), 400, "Bad Request");
		assertFlowrouteError(patch(id, JSON_API, "{\"type\":\"number\",\"servicePlanId\":\"sp\"}"), 400, "Bad Request");
		assertFlowrouteError(patch(id, JSON_API,
				"{\"type\":\"number\",\"messaging_enabled\":true,\"messaging_callback_url\":\"not a url\"}"), 400,
				"Bad Request");
		assertFlowrouteError(patch(id, "text/plain", "{\"type\":\"number\",\"alias\":\"x\"}"), 415,
				"Unsupported Media Type");
		assertFlowrouteError(patch(id, JSON_API, "{\"data\":{\"type\":\"number\",\"id\":\"12065550000\"}}"), 409,
				"Conflict");
		assertThat(alias(id)).isEqualTo("kept");
		assertThat(messaging(id)).isFalse();
	}

	@Test
	void theSeedsFlatBodyRenamesAndJsonApiBodySwitchesCnam() {
		String id = insert(jdbc(), "old name");
		// the seed's curl example: flat form, plain application/json
		Reply renamed = patch(id, "application/json", "{\"type\":\"number\", \"alias\":\"NYC Number\"}");
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.attributes().path("alias").asString()).isEqualTo("NYC Number");
		assertThat(renamed.attributes().path("cnam_lookups_enabled").asBoolean()).isFalse();
		assertThat(alias(id)).isEqualTo("NYC Number");

		Reply cnam = patch(id, JSON_API,
				"{\"data\":{\"type\":\"number\",\"id\":\"" + id + "\",\"attributes\":{\"cnam_lookups_enabled\":true}}}");
		assertThat(cnam.status()).isEqualTo(200);
		assertThat(cnam.attributes().path("cnam_lookups_enabled").asBoolean()).isTrue();
		assertThat(cnam.attributes().path("alias").asString()).isEqualTo("NYC Number");
		assertThat(get("/v2/numbers/" + id).attributes().path("cnam_lookups_enabled").asBoolean()).isTrue();

		Reply cleared = patch(id, JSON_API + "; charset=utf-8", "{\"type\":\"number\",\"alias\":null}");
		assertThat(cleared.status()).isEqualTo(200);
		assertThat(cleared.attributes().path("alias").isNull()).isTrue();
	}

	@Test
	void messagingProvisionsThenCompletesOnItsOwn() {
		String id = insert(jdbc(), "texting");
		Reply started = patch(id, JSON_API,
				"{\"type\":\"number\",\"messaging_enabled\":true,\"messaging_callback_url\":\"http://my-callback.com\"}");
		assertThat(started.status()).isEqualTo(200);
		assertThat(started.body().has("errors")).isFalse();
		// as in the seed: not enabled yet, the provision job is processing
		assertThat(started.attributes().path("messaging_enabled").asBoolean()).isFalse();
		String provision = started.body().path("data").path("relationships").path("message_provision").path("data")
			.path("id").asString();
		assertThat(provision).matches("[0-9a-f]{32}");
		JsonNode status = provisioningStatus(started.body());
		assertThat(status.path("attributes").path("status").asString()).isEqualTo("processing");
		assertThat(status.path("attributes").path("tn").asString()).isEqualTo(id);

		until(Duration.ofSeconds(10), "messaging is enabled",
				() -> get("/v2/numbers/" + id).attributes().path("messaging_enabled").asBoolean());
		Reply done = get("/v2/message-provision/status/" + provision);
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.body().path("data").path("type").asString()).isEqualTo("message_provisioning_status");
		assertThat(done.body().path("data").path("attributes").path("status").asString()).isEqualTo("complete");
		assertThat(provisioningStatus(get("/v2/numbers/" + id).body()).path("attributes").path("status").asString())
			.isEqualTo("complete");

		// enabling again starts nothing new; disabling drops the job
		Reply again = patch(id, JSON_API, "{\"type\":\"number\",\"messaging_enabled\":true}");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body().path("data").path("relationships").path("message_provision").path("data").path("id")
			.asString()).isEqualTo(provision);
		Reply off = patch(id, JSON_API, "{\"type\":\"number\",\"messaging_enabled\":false}");
		assertThat(off.attributes().path("messaging_enabled").asBoolean()).isFalse();
		assertThat(off.body().path("data").path("relationships").has("message_provision")).isFalse();
		assertThat(messaging(id)).isFalse();
	}

	@Test
	void failedMessageProvisioningIs207WithTheNumberUpdatedAndCanBeRetried() {
		String id = insert(jdbc(), "before");
		faults.set(SandboxApi.FLOWROUTE, "patch", Fault.provisioningFailures(1.0));
		Reply partial = patch(id, JSON_API,
				"{\"type\":\"number\",\"alias\":\"after\",\"cnam_lookups_enabled\":true,\"messaging_enabled\":true}");
		assertThat(partial.status()).isEqualTo(207);
		assertThat(partial.contentType()).startsWith(JSON_API);
		assertThat(partial.attributes().path("alias").asString()).isEqualTo("after");
		assertThat(partial.attributes().path("cnam_lookups_enabled").asBoolean()).isTrue();
		assertThat(partial.attributes().path("messaging_enabled").asBoolean()).isFalse();
		assertThat(partial.body().path("data").path("relationships").has("message_provision")).isFalse();
		JsonNode error = partial.error();
		assertThat(error.path("title").asString()).isEqualTo("Message Provision Unavailable");
		assertThat(error.path("detail").asString()).contains("messaging_enabled");
		assertThat(error.path("status").asInt()).isEqualTo(503);
		assertThat(alias(id)).isEqualTo("after");
		assertThat(messaging(id)).isFalse();

		faults.clearAll();
		Reply retried = patch(id, JSON_API, "{\"type\":\"number\",\"messaging_enabled\":true}");
		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.body().has("errors")).isFalse();
		assertThat(provisioningStatus(retried.body()).path("attributes").path("status").asString())
			.isEqualTo("processing");
		until(Duration.ofSeconds(10), "messaging is enabled after the retry", () -> messagingShown(id));
	}

	@Test
	void aNumberEndingIn0207NeverGetsMessaging() {
		String id = insert(jdbc(), FlowrouteSandboxRows.alwaysFailingId(), "unlucky");
		for (int attempt = 0; attempt < 2; attempt++) {
			Reply partial = patch(id, JSON_API, "{\"type\":\"number\",\"alias\":\"still unlucky\",\"messaging_enabled\":true}");
			assertThat(partial.status()).isEqualTo(207);
			assertThat(partial.error().path("detail").asString()).contains(id);
			assertThat(partial.attributes().path("alias").asString()).isEqualTo("still unlucky");
		}
		assertThat(messaging(id)).isFalse();
		// what does not touch messaging still answers 200
		assertThat(patch(id, JSON_API, "{\"type\":\"number\",\"cnam_lookups_enabled\":true}").status()).isEqualTo(200);
	}

	@Test
	void deleteReleasesTheNumberAndThenItIsGone() {
		String id = insert(jdbc(), "to release");
		Reply released = send("DELETE", "/v2/numbers/" + id, null, null, BASIC);
		assertThat(released.status()).isEqualTo(204);
		assertFlowrouteError(get("/v2/numbers/" + id), 404, "Not Found");
		assertFlowrouteError(send("DELETE", "/v2/numbers/" + id, null, null, BASIC), 404, "Not Found");
		assertThat(jdbc().sql("select count(*) from flowroute_numbers where id = ?").param(id).query(Long.class).single())
			.isZero();
	}

	@Test
	void faultsAnswerInFlowroutesFormat() {
		faults.set(SandboxApi.FLOWROUTE, "list", Fault.rateLimited(1.0, 7));
		assertFlowrouteError(get("/v2/numbers"), 429, "Too Many Requests");
		faults.set(SandboxApi.FLOWROUTE, "list", Fault.serverErrors(1.0));
		assertFlowrouteError(get("/v2/numbers"), 500, "Internal Server Error");
	}

	private JsonNode provisioningStatus(JsonNode document) {
		for (JsonNode included : document.path("included")) {
			if ("message_provisioning_status".equals(included.path("type").asString())) {
				return included;
			}
		}
		throw new AssertionError("no message_provisioning_status included in " + document);
	}

	private boolean messagingShown(String id) {
		return get("/v2/numbers/" + id).attributes().path("messaging_enabled").asBoolean();
	}

	private List<String> ids(Reply reply) {
		assertThat(reply.status()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		reply.body().path("data").forEach(number -> ids.add(number.path("id").asString()));
		return ids;
	}

	private @Nullable String alias(String id) {
		return jdbc().sql("select alias from flowroute_numbers where id = ?").param(id).query(String.class).single();
	}

	private boolean messaging(String id) {
		return jdbc().sql("select messaging_enabled from flowroute_numbers where id = ?")
			.param(id)
			.query(Boolean.class)
			.single();
	}
}

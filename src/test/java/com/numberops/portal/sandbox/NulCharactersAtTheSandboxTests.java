package com.numberops.portal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.support.PortalIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A NUL character in a sandbox request, in a query parameter or in a string of a PATCH or rent
 * body, is the carrier's own 400 in the carrier's own error body (seed 001's nested Sinch error
 * with the field, seed 000's flat one, Flowroute's {@code errors}), and changes nothing at the
 * "carrier". Before, PostgreSQL refused the NUL and the sandbox answered 500.
 */
class NulCharactersAtTheSandboxTests extends PortalIntegrationTest {

	private static final String SINCH_BASIC = basic(ProvidersProperties.SANDBOX_SINCH_KEY,
			ProvidersProperties.SANDBOX_SINCH_SECRET);

	private static final String FLOWROUTE_BASIC = basic(ProvidersProperties.SANDBOX_FLOWROUTE_KEY,
			ProvidersProperties.SANDBOX_FLOWROUTE_SECRET);

	private static final String ACTIVE = "/sandbox/sinch/v1/projects/" + ProvidersProperties.SANDBOX_SINCH_PROJECT;

	private static final String IMPORTED = "/sandbox/sinch-imported/v1/projects/"
			+ ProvidersProperties.SANDBOX_SINCH_PROJECT;

	private static final String FLOWROUTE = "/sandbox/flowroute/v2";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	SandboxDatabase sandbox;

	@Autowired
	JsonMapper json;

	static Stream<Arguments> queryParameters() {
		return Stream.of(
				Arguments.of(SandboxApi.SINCH, ACTIVE + "/activeNumbers?regionCode=US&type=LOCAL", List.of("regionCode",
						"type", "numberPattern.pattern", "numberPattern.searchPattern", "capability", "orderBy",
						"pageSize", "pageToken")),
				Arguments.of(SandboxApi.SINCH, ACTIVE + "/availableNumbers?regionCode=US&type=LOCAL", List.of(
						"regionCode", "type", "numberPattern.pattern", "numberPattern.searchPattern", "capabilities",
						"size")),
				Arguments.of(SandboxApi.SINCH, ACTIVE + "/availableRegions?types=LOCAL", List.of("types")),
				Arguments.of(SandboxApi.SINCH_IMPORTED,
						IMPORTED + "/importedNumbers?servicePlanId=sp-growth-01&campaignId=CA1B2C3",
						List.of("servicePlanId", "campaignId", "pageSize", "pageToken")),
				Arguments.of(SandboxApi.FLOWROUTE, FLOWROUTE + "/numbers?limit=5", List.of("limit", "offset",
						"starts_with", "contains", "ends_with")));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("queryParameters")
	void aNulInAQueryParameterIsTheCarriers400(SandboxApi api, String listing, List<String> parameters) {
		for (String parameter : parameters) {
			HttpResponse<String> answer = send(api, get(listing + "&" + parameter + "=a%00b"));

			assertThat(answer.statusCode()).as(parameter + ": " + answer.body()).isEqualTo(400);
			assertCarrierError(api, answer, parameter);
		}
	}

	@Test
	void aNulInASinchActivePatchIsSinchs400WithTheFieldAndChangesNothing() {
		String number = sandbox.jdbc()
			.sql("select min(phone_number) from sinch_numbers where kind = 'ACTIVE' and region_code = 'US'")
			.query(String.class)
			.single();
		String before = sinchRow("ACTIVE", number);
		for (String body : List.of("{\"displayName\": \"a\\u0000b\"}",
				"{\"smsConfiguration\": {\"servicePlanId\": \"sp\\u0000\", \"campaignId\": \"\"}}",
				"{\"smsConfiguration\": {\"servicePlanId\": \"\", \"campaignId\": \"C\\u0000\"}}",
				"{\"voiceConfiguration\": {\"appId\": \"\\u0000\"}}",
				"{\"callbackUrl\": \"https://example.com/\\u0000\"}",
				"{\"displayName\\u0000\": \"x\"}")) {
			HttpResponse<String> answer = send(SandboxApi.SINCH,
					patch(ACTIVE + "/activeNumbers/" + enc(number), "application/json", body));

			assertThat(answer.statusCode()).as(body + ": " + answer.body()).isEqualTo(400);
			assertCarrierError(SandboxApi.SINCH, answer, null);
		}
		assertThat(sinchRow("ACTIVE", number)).isEqualTo(before);
	}

	@Test
	void aNulInARentIsSinchs400() {
		String available = sandbox.jdbc()
			.sql("select min(phone_number) from sinch_available_numbers where region_code = 'US'")
			.query(String.class)
			.single();
		HttpResponse<String> answer = send(SandboxApi.SINCH, HttpRequest.newBuilder(uri(ACTIVE + "/availableNumbers/"
				+ enc(available) + ":rent"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"smsConfiguration\": {\"servicePlanId\": \"sp\\u0000\"}}")));

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
		assertCarrierError(SandboxApi.SINCH, answer, "smsConfiguration.servicePlanId");
		assertThat(sandbox.jdbc()
			.sql("select count(*) from sinch_numbers where phone_number = ?")
			.param(available)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aNulInAnImportedPatchIsTheFlat400AndChangesNothing() {
		String number = sandbox.jdbc()
			.sql("select min(phone_number) from sinch_numbers where kind = 'IMPORTED'")
			.query(String.class)
			.single();
		String before = sinchRow("IMPORTED", number);

		HttpResponse<String> answer = send(SandboxApi.SINCH_IMPORTED,
				patch(IMPORTED + "/importedNumbers/" + enc(number), "application/json", "{\"displayName\": \"a\\u0000\"}"));

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
		assertCarrierError(SandboxApi.SINCH_IMPORTED, answer, null);
		assertThat(sinchRow("IMPORTED", number)).isEqualTo(before);
	}

	@Test
	void aNulInAFlowroutePatchIsFlowroutes400AndChangesNothing() {
		String id = sandbox.jdbc().sql("select min(id) from flowroute_numbers").query(String.class).single();
		String before = flowrouteRow(id);
		for (String body : List.of(
				"{\"data\": {\"type\": \"number\", \"id\": \"" + id + "\", \"attributes\": {\"alias\": \"a\\u0000\"}}}",
				"{\"type\": \"number\", \"alias\": \"\\u0000\"}")) {
			HttpResponse<String> answer = send(SandboxApi.FLOWROUTE,
					patch(FLOWROUTE + "/numbers/" + id, "application/vnd.api+json", body));

			assertThat(answer.statusCode()).as(body + ": " + answer.body()).isEqualTo(400);
			assertCarrierError(SandboxApi.FLOWROUTE, answer, null);
		}
		assertThat(flowrouteRow(id)).isEqualTo(before);
	}

	@Test
	void withoutCredentialsTheNulIsNeverLookedAt() {
		HttpResponse<String> answer = sendRaw(get(IMPORTED + "/importedNumbers?servicePlanId=%00&campaignId=x"));

		assertThat(answer.statusCode()).isEqualTo(401);
	}

	private void assertCarrierError(SandboxApi api, HttpResponse<String> answer, String field) {
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith(api.contentType()));
		JsonNode body = json.readTree(answer.body());
		switch (api) {
			case SINCH -> {
				JsonNode error = body.path("error");
				assertThat(error.path("code").asInt()).isEqualTo(400);
				assertThat(error.path("status").asString()).isEqualTo("INVALID_ARGUMENT");
				assertThat(error.path("message").asString()).contains("NUL");
				if (field != null) {
					assertThat(error.path("details").get(0).path("fieldViolations").findValuesAsString("field"))
						.containsExactly(field);
				}
			}
			case SINCH_IMPORTED -> {
				assertThat(body.path("code").asString()).isEqualTo("400");
				assertThat(body.path("status").asString()).isEqualTo("INVALID_ARGUMENT");
				assertThat(body.path("message").asString()).contains("NUL");
				if (field != null) {
					assertThat(body.path("message").asString()).contains(field);
				}
			}
			case FLOWROUTE -> {
				JsonNode error = body.path("errors").get(0);
				assertThat(error.path("status").asInt()).isEqualTo(400);
				assertThat(error.path("title").asString()).isEqualTo("Bad Request");
				assertThat(error.path("detail").asString()).contains("NUL");
				if (field != null) {
					assertThat(error.path("detail").asString()).contains(field);
				}
			}
		}
	}

	private String sinchRow(String kind, String number) {
		return sandbox.jdbc()
			.sql("select n::text from sinch_numbers n where kind = ? and phone_number = ?")
			.param(kind)
			.param(number)
			.query(String.class)
			.single();
	}

	private String flowrouteRow(String id) {
		return sandbox.jdbc().sql("select n::text from flowroute_numbers n where id = ?").param(id).query(String.class).single();
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(uri(path)).GET();
	}

	private HttpRequest.Builder patch(String path, String contentType, String body) {
		return HttpRequest.newBuilder(uri(path))
			.header("Content-Type", contentType)
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private HttpResponse<String> send(SandboxApi api, HttpRequest.Builder request) {
		return sendRaw(request.header("Authorization", api == SandboxApi.FLOWROUTE ? FLOWROUTE_BASIC : SINCH_BASIC));
	}

	private HttpResponse<String> sendRaw(HttpRequest.Builder request) {
		try {
			return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException | InterruptedException failure) {
			throw new IllegalStateException(failure);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}
}

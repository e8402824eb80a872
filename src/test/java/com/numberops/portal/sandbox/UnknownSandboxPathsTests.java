package com.numberops.portal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.support.PortalIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * As at the carriers, credentials come before routing: under each simulated root, a path (or a
 * method) the API does not have is 401 without credentials, and 404 in the API's own error body
 * with them; never the portal's error page.
 */
class UnknownSandboxPathsTests extends PortalIntegrationTest {

	private static final String SINCH_BASIC = basic(ProvidersProperties.SANDBOX_SINCH_KEY,
			ProvidersProperties.SANDBOX_SINCH_SECRET);

	private static final String FLOWROUTE_BASIC = basic(ProvidersProperties.SANDBOX_FLOWROUTE_KEY,
			ProvidersProperties.SANDBOX_FLOWROUTE_SECRET);

	private static final String PROJECT = ProvidersProperties.SANDBOX_SINCH_PROJECT;

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	record Unknown(SandboxApi api, String method, String path) {
	}

	static final List<Unknown> UNKNOWN = List.of(
			new Unknown(SandboxApi.SINCH, "GET", "/sandbox/sinch/v1/projects/" + PROJECT + "/nothingHere"),
			new Unknown(SandboxApi.SINCH, "GET", "/sandbox/sinch/v2/whatever"),
			new Unknown(SandboxApi.SINCH, "GET", "/sandbox/sinch/"),
			new Unknown(SandboxApi.SINCH, "DELETE", "/sandbox/sinch/v1/projects/" + PROJECT + "/activeNumbers"),
			new Unknown(SandboxApi.SINCH_IMPORTED, "GET", "/sandbox/sinch-imported/v1/projects/" + PROJECT + "/nothingHere"),
			new Unknown(SandboxApi.SINCH_IMPORTED, "POST", "/sandbox/sinch-imported/elsewhere"),
			new Unknown(SandboxApi.FLOWROUTE, "GET", "/sandbox/flowroute/v2/nothing-here"),
			new Unknown(SandboxApi.FLOWROUTE, "GET", "/sandbox/flowroute/v1/numbers"),
			new Unknown(SandboxApi.FLOWROUTE, "PUT", "/sandbox/flowroute/v2/numbers"));

	@Test
	void anUnknownPathWithoutCredentialsIs401InTheApisBody() {
		for (Unknown unknown : UNKNOWN) {
			Reply reply = send(unknown, null);
			assertThat(reply.status()).as("%s", unknown).isEqualTo(401);
			assertThat(reply.code()).as("%s: %s", unknown, reply.raw()).isEqualTo(401);
		}
	}

	@Test
	void anUnknownPathWithCredentialsIs404InTheApisBody() {
		for (Unknown unknown : UNKNOWN) {
			Reply reply = send(unknown, unknown.api() == SandboxApi.FLOWROUTE ? FLOWROUTE_BASIC : SINCH_BASIC);
			assertThat(reply.status()).as("%s", unknown).isEqualTo(404);
			assertThat(reply.code()).as("%s: %s", unknown, reply.raw()).isEqualTo(404);
		}
	}

	@Test
	void anotherCarriersCredentialsDoNotOpenAnUnknownPath() {
		assertThat(send(UNKNOWN.get(1), FLOWROUTE_BASIC).status()).isEqualTo(401);
		assertThat(send(UNKNOWN.get(6), SINCH_BASIC).status()).isEqualTo(401);
	}

	record Reply(SandboxApi api, int status, String raw, JsonNode body) {

		/** The status code the API's own error body carries (each API writes it its own way). */
		int code() {
			return switch (api) {
				case SINCH -> body.path("error").path("code").asInt(-1);
				case SINCH_IMPORTED -> Integer.parseInt(body.path("code").asString("-1"));
				case FLOWROUTE -> body.path("errors").path(0).path("status").asInt(-1);
			};
		}
	}

	Reply send(Unknown unknown, @Nullable String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + unknown.path()))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", "application/json")
			.method(unknown.method(), HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode body;
			try {
				body = json.readTree(response.body());
			}
			catch (RuntimeException notJson) {
				body = json.createObjectNode();
			}
			return new Reply(unknown.api(), response.statusCode(), response.body(), body);
		}
		catch (IOException | InterruptedException failure) {
			throw new IllegalStateException(failure);
		}
	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}
}

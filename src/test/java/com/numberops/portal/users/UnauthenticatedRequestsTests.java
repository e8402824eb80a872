package com.numberops.portal.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.numberops.portal.support.PortalHttp;
import com.numberops.portal.support.PortalIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request without a session is answered for the kind of client that sent it: a browser is sent
 * to the login page, htmx reloads the whole page (to the login), and any other client (an API
 * client, curl, a script) gets 401, not 403: it is not signed in, not refused.
 */
class UnauthenticatedRequestsTests extends PortalIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void aBrowserIsSentToTheLogin() {
		PortalHttp http = PortalHttp.anonymous(port);

		HttpResponse<String> answer = http.send(http.request("/numbers")
			.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
			.GET());

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/login"));
	}

	@Test
	void htmxReloadsTheWholePage() {
		PortalHttp http = PortalHttp.anonymous(port);

		HttpResponse<String> answer = http.send(http.request("/numbers").header("HX-Request", "true").GET());

		assertThat(answer.headers().firstValue("HX-Refresh")).hasValue("true");
	}

	@Test
	void aJsonClientGets401WithProblemDetails() {
		PortalHttp http = PortalHttp.anonymous(port);

		HttpResponse<String> answer = http.send(http.request("/numbers").header("Accept", "application/json").GET());

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(answer.headers().firstValue("HX-Refresh")).isEmpty();
		assertThat(answer.headers().allValues("Set-Cookie")).as("no session for a client that is not signed in").isEmpty();
		JsonNode problem = json.readTree(answer.body());
		assertThat(problem.path("status").asInt()).isEqualTo(401);
		assertThat(problem.path("detail").asString()).containsIgnoringCase("sign in");
	}

	@ParameterizedTest(name = "Accept: {0}")
	@ValueSource(strings = { "*/*", "text/plain", "text/csv", "application/xml" })
	void anyOtherClientGets401(String accept) {
		PortalHttp http = PortalHttp.anonymous(port);

		HttpResponse<String> answer = http.send(http.request("/numbers/export.csv").header("Accept", accept).GET());

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.headers().firstValue("HX-Refresh")).isEmpty();
		assertThat(answer.headers().firstValue("Location")).isEmpty();
		assertThat(answer.body()).doesNotContain("jsessionid");
	}

	@Test
	void aClientWithoutAcceptGets401() {
		PortalHttp http = PortalHttp.anonymous(port);

		HttpResponse<String> answer = http.send(http.request("/actuator/metrics").GET());

		assertThat(answer.statusCode()).isEqualTo(401);
	}

	@Test
	void aSignedInPersonRefusedStillGets403() {
		PortalHttp http = PortalHttp.signIn(port, "viewer", "demo");

		HttpResponse<String> answer = http.send(http.request("/admin/users").header("Accept", "application/json").GET());

		assertThat(answer.statusCode()).isEqualTo(403);
	}
}

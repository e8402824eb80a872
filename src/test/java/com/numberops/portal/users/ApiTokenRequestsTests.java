package com.numberops.portal.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.numberops.portal.support.ApiClient;
import com.numberops.portal.support.PortalHttp;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.SignedIn;
import com.numberops.portal.support.TestTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Personal API tokens over real HTTP, as another system uses them: a token acts as its user on
 * /api (and only there), statelessly and without CSRF; every refusal is problem details, with the
 * Bearer challenge for a 401; a token's requests are rate limited; bodies are limited in size.
 */
class ApiTokenRequestsTests extends PortalIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	UserAdministration administration;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	ApiAccessProperties limits;

	ApiClient as(String username) {
		return ApiClient.withToken(port, TestTokens.of(tokens, userDetails, username));
	}

	JsonNode problem(HttpResponse<String> answer, int status) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(answer.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		return problem;
	}

	@Test
	void aTokenActsAsItsUser() {
		var issued = TestTokens.issue(tokens, userDetails, "operator");

		HttpResponse<String> answer = ApiClient.withToken(port, issued.token()).get("/api/me");

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		JsonNode me = json.readTree(answer.body());
		assertThat(me.path("username").asString()).isEqualTo("operator");
		assertThat(me.path("displayName").asString()).isEqualTo("Oscar Operator");
		assertThat(me.path("role").asString()).isEqualTo("OPERATOR");
		assertThat(me.path("allTeams").asBoolean()).isTrue();
		assertThat(me.path("token").path("id").asLong()).isEqualTo(issued.id());
		assertThat(me.path("token").path("name").asString()).isEqualTo(issued.name());
		assertThat(me.path("token").path("expiresAt").asString()).isEqualTo(issued.expiresAt().toString());
	}

	@Test
	void aTokenRequestMakesNoSession() {
		HttpResponse<String> answer = as("viewer").get("/api/me");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void noTokenIsA401WithTheBearerChallenge() {
		// as curl asks: anything will do
		ApiClient anonymous = ApiClient.anonymous(port);
		HttpResponse<String> answer = anonymous.send(anonymous.request("/api/me").setHeader("Accept", "*/*").GET());

		JsonNode problem = problem(answer, 401);
		assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"number-portal-api\"");
		assertThat(problem.path("detail").asString()).contains("Authorization: Bearer");
		assertThat(problem.path("instance").asString()).isEqualTo("/api/me");
		assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void anUnknownTokenIsA401InvalidToken() {
		HttpResponse<String> answer = ApiClient.withToken(port, "np_" + "x".repeat(43)).get("/api/me");

		JsonNode problem = problem(answer, 401);
		assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).startsWith("Bearer realm=\"number-portal-api\", error=\"invalid_token\""));
		assertThat(problem.path("detail").asString()).isEqualTo("This API token is unknown.");
	}

	@Test
	void aRevokedTokenIsA401() {
		PortalPrincipal operator = (PortalPrincipal) userDetails.loadUserByUsername("operator");
		var issued = TestTokens.issue(tokens, userDetails, "operator");
		ApiClient client = ApiClient.withToken(port, issued.token());
		assertThat(client.get("/api/me").statusCode()).isEqualTo(200);

		tokens.revoke(operator, issued.id());

		HttpResponse<String> answer = client.get("/api/me");
		assertThat(problem(answer, 401).path("detail").asString()).contains("revoked");
		assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).contains("error=\"invalid_token\""));
	}

	@Test
	void anExpiredTokenIsA401() {
		var issued = TestTokens.issue(tokens, userDetails, "operator");
		jdbc.update("update api_tokens set created_at = now() - interval '2 days', expires_at = now() - interval '1 second' where id = ?",
				issued.id());

		HttpResponse<String> answer = ApiClient.withToken(port, issued.token()).get("/api/me");

		assertThat(problem(answer, 401).path("detail").asString()).contains("expired");
	}

	@Test
	void aDisabledUsersTokenIsA401() {
		String username = "api-disabled-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		PortalPrincipal admin = (PortalPrincipal) userDetails.loadUserByUsername("admin");
		long id = SignedIn.during(admin, () -> administration
			.create(new NewUser(username, "Soon Disabled", Role.OPERATOR, "long-enough-1", Set.of()))).id();
		ApiClient client = as(username);
		assertThat(client.get("/api/me").statusCode()).isEqualTo(200);

		SignedIn.during(admin, () -> administration.disable(id));

		assertThat(problem(client.get("/api/me"), 401).path("detail").asString()).contains("disabled");
	}

	@Test
	void aTokenNeverOpensAPage() {
		ApiClient admin = as("admin");

		HttpResponse<String> browserPage = admin.send(admin.request("/numbers").setHeader("Accept", "text/html").GET());
		HttpResponse<String> jsonPage = admin.get("/admin/users");

		assertThat(browserPage.statusCode()).isEqualTo(302);
		assertThat(browserPage.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/login"));
		assertThat(jsonPage.statusCode()).isEqualTo(401);
	}

	@Test
	void aTokenPostNeedsNoCsrfButASessionPostDoes() {
		// /api/me takes no POST: 405 means the request got past CSRF and authentication to the handler
		HttpResponse<String> byToken = as("operator").post("/api/me", "{}");
		PortalHttp session = PortalHttp.signIn(port, "operator", "demo");
		HttpResponse<String> sessionWithoutCsrf = session.send(session.request("/api/me")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));
		String csrf = session.csrfOf(session.get("/").body());
		HttpResponse<String> sessionWithCsrf = session.send(session.request("/api/me")
			.header("Content-Type", "application/json")
			.header("X-CSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofString("{}")));

		assertThat(byToken.statusCode()).as(byToken.body()).isEqualTo(405);
		assertThat(problem(sessionWithoutCsrf, 403).path("detail").asString()).contains("CSRF");
		assertThat(sessionWithCsrf.statusCode()).isEqualTo(405);
	}

	@Test
	void aSignedInSessionReadsTheApiToo() {
		PortalHttp session = PortalHttp.signIn(port, "viewer", "demo");

		HttpResponse<String> answer = session.send(session.request("/api/me").header("Accept", "application/json").GET());

		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode me = json.readTree(answer.body());
		assertThat(me.path("username").asString()).isEqualTo("viewer");
		assertThat(me.path("token").isNull()).isTrue();
	}

	@Test
	void aSessionAnAdminEndedOpensNoApiEither() {
		String username = "api-session-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		PortalPrincipal admin = (PortalPrincipal) userDetails.loadUserByUsername("admin");
		long id = SignedIn.during(admin, () -> administration
			.create(new NewUser(username, "Session Ended", Role.OPERATOR, "long-enough-1", Set.of()))).id();
		PortalHttp session = PortalHttp.signIn(port, username, "long-enough-1");
		assertThat(session.send(session.request("/api/me").header("Accept", "application/json").GET()).statusCode())
			.isEqualTo(200);

		SignedIn.during(admin, () -> administration.disable(id));

		problem(session.send(session.request("/api/me").header("Accept", "application/json").GET()), 401);
	}

	@Test
	void aTokenRevokesItselfOverTheApiWithoutCsrf() {
		var issued = TestTokens.issue(tokens, userDetails, "operator");
		ApiClient client = ApiClient.withToken(port, issued.token());

		HttpResponse<String> revoked = client.delete("/api/tokens/" + issued.id());

		assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
		assertThat(client.get("/api/me").statusCode()).isEqualTo(401);
	}

	@Test
	void aViewersTokenHasTheViewersRole() {
		HttpResponse<String> viewer = as("viewer").get("/api/admin/tokens");
		HttpResponse<String> admin = as("admin").get("/api/admin/tokens");

		assertThat(problem(viewer, 403).path("detail").asString()).contains("role");
		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(json.readTree(as("viewer").get("/api/me").body()).path("role").asString()).isEqualTo("VIEWER");
	}

	@Test
	void anotherUsersTokenIsNotFound() {
		var viewers = TestTokens.issue(tokens, userDetails, "viewer");

		HttpResponse<String> answer = as("operator").delete("/api/tokens/" + viewers.id());

		problem(answer, 404);
		assertThat(ApiClient.withToken(port, viewers.token()).get("/api/me").statusCode()).isEqualTo(200);
	}

	@Test
	void pastItsRateLimitATokenIsTold429WithRetryAfter() {
		ApiClient client = as("viewer");
		HttpResponse<String> last = null;
		int allowed = 0;
		// the bucket refills while the loop runs: a few more than the limit may pass, never twice as many
		for (int i = 0; i < 2 * limits.rateLimit().requestsPerMinute(); i++) {
			last = client.get("/api/me");
			if (last.statusCode() != 200) {
				break;
			}
			allowed++;
		}

		assertThat(allowed).isGreaterThanOrEqualTo(limits.rateLimit().requestsPerMinute());
		JsonNode problem = problem(last, 429);
		assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(
				seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
		assertThat(problem.path("detail").asString()).contains(limits.rateLimit().requestsPerMinute() + " a minute");
		assertThat(as("viewer").get("/api/me").statusCode()).as("another token has its own bucket").isEqualTo(200);
	}

	@Test
	void aBodyOverTheLimitIsA413() {
		byte[] body = ("{\"name\":\"" + "x".repeat((int) limits.maxBodySize().toBytes()) + "\"}").getBytes();
		ApiClient client = as("operator");

		HttpResponse<String> declared = client.send(client.request("/api/me")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
		// no Content-Length: sent chunked, read up to the limit
		HttpResponse<String> chunked = client.send(client.request("/api/me")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(body))));
		HttpResponse<String> small = client.send(client.request("/api/me")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString("{\"a\":1}"))));

		assertThat(problem(declared, 413).path("detail").asString()).contains("at most " + limits.maxBodySize().toBytes() + " bytes");
		problem(chunked, 413);
		assertThat(small.statusCode()).as("a small chunked body passes the limit").isEqualTo(405);
	}

	@Test
	void anAddressThatTakesBatchesHasItsOwnLimit() {
		ApiClient client = as("operator");
		long batchLimit = limits.maxBodySize("/api/warmup-signals").toBytes();
		assertThat(batchLimit).isGreaterThan(limits.maxBodySize().toBytes());
		String overTheDefault = "{\"reports\": [], \"padding\": \"" + "x".repeat((int) limits.maxBodySize().toBytes()) + "\"}";
		String overItsOwn = "{\"reports\": [], \"padding\": \"" + "x".repeat((int) batchLimit) + "\"}";

		HttpResponse<String> read = client.post("/api/warmup-signals", overTheDefault);
		HttpResponse<String> refused = client.post("/api/warmup-signals", overItsOwn);

		assertThat(read.statusCode()).as("read, and refused for what it says").isNotEqualTo(413).isBetween(400, 499);
		problem(refused, 413);
	}

	@Test
	void everyApiRefusalIsProblemDetailsWhateverTheClientAccepts() {
		ApiClient client = as("viewer");

		HttpResponse<String> notFound = client.send(client.request("/api/no-such-thing").setHeader("Accept", "text/html").GET());

		problem(notFound, 404);
	}
}

package com.numberops.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.numberops.portal.support.ApiClient;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.TestTokens;
import com.numberops.portal.users.ApiTokens;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Role;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The phone number resource as another system calls it: real HTTP, a bearer token, no session,
 * no CSRF token. Read with the ETag, list a page at a time, rename, a stale If-Match, a viewer's
 * token refused a PUT, another team's number unknown.
 */
class PhoneNumbersWithATokenTests extends PortalIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JsonMapper json;

	ApiNumbers fleet;

	long team;

	List<Long> numbers = new ArrayList<>();

	ApiClient operator;

	@BeforeEach
	void numbersAndATokenOfOurOwn() {
		fleet = new ApiNumbers(jdbc);
		team = fleet.team("token");
		for (String name : List.of("Desk A", "Desk B", "Desk C", "Desk D", "Desk E")) {
			numbers.add(fleet.number(name, team));
		}
		operator = client(fleet.person(users, Role.OPERATOR, team));
	}

	ApiClient client(PortalPrincipal person) {
		return ApiClient.withToken(port, TestTokens.of(tokens, users, person.getUsername()));
	}

	JsonNode body(HttpResponse<String> answer) {
		return json.readTree(answer.body());
	}

	@Test
	void readListAndRenameWithAToken() {
		long id = numbers.get(0);
		HttpResponse<String> read = operator.get("/api/phone-numbers/" + id);
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		assertThat(read.headers().firstValue("Set-Cookie")).as("no session for a token").isEmpty();
		String etag = read.headers().firstValue("ETag").orElseThrow();
		assertThat(body(read).path("name").asString()).isEqualTo("Desk A");
		assertThat(operator.get("/api/phone-numbers/" + id, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);

		List<String> seen = new ArrayList<>();
		String token = "";
		do {
			JsonNode page = body(operator.get("/api/phone-numbers?account=" + fleet.account + "&pageSize=2" + token));
			page.path("items").forEach(item -> seen.add(item.path("id").asString()));
			token = page.path("nextPageToken").isNull() ? null : "&pageToken=" + page.path("nextPageToken").asString();
		}
		while (token != null && seen.size() < 20);
		assertThat(seen).containsExactlyElementsOf(numbers.stream().map(String::valueOf).toList());

		HttpResponse<String> renamed = operator.put("/api/phone-numbers/" + id, "{\"name\": \"Desk A renamed\"}",
				Map.of("If-Match", etag));
		assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(202);
		assertThat(body(renamed).path("links").path("openChanges").path(0).path("kind").asString()).isEqualTo("RENAME");

		HttpResponse<String> stale = operator.put("/api/phone-numbers/" + id, "{\"name\": \"Desk A again\"}",
				Map.of("If-Match", etag));
		assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
		assertThat(stale.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(fleet.row(id)).containsEntry("name", "Desk A renamed");
	}

	@Test
	void aViewersTokenReadsButMayNotPut() {
		ApiClient viewer = client(fleet.person(users, Role.VIEWER, team));
		long id = numbers.get(1);
		assertThat(viewer.get("/api/phone-numbers/" + id).statusCode()).isEqualTo(200);
		HttpResponse<String> refused = viewer.put("/api/phone-numbers/" + id, "{\"name\": \"Viewer was here\"}");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(fleet.row(id)).containsEntry("name", "Desk B");
		assertThat(fleet.changes(id)).isZero();
	}

	@Test
	void anotherTeamsTokenFindsNoSuchNumber() {
		ApiClient outsider = client(fleet.person(users, Role.ADMIN, fleet.team("elsewhere")));
		long id = numbers.get(2);
		assertThat(outsider.get("/api/phone-numbers/" + id).statusCode()).isEqualTo(404);
		assertThat(outsider.put("/api/phone-numbers/" + id, "{\"name\": \"Mine now\"}").statusCode()).isEqualTo(404);
		assertThat(body(outsider.get("/api/phone-numbers?account=" + fleet.account)).path("items").size()).isZero();
		assertThat(fleet.row(id)).containsEntry("name", "Desk C");
	}
}

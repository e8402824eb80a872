package com.numberops.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Role;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A PUT the API cannot take, one row per kind of bad input: each gets a problem details answer
 * with the right status, names the field where there is one, and changes nothing (the number's
 * name, version, timeline, outbox and override requests stay as they were).
 */
class BadInputTests extends PortalIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JsonMapper json;

	ApiNumbers fleet;

	long number;

	PortalPrincipal operator;

	@BeforeEach
	void aNumberOfOurOwn() {
		fleet = new ApiNumbers(jdbc);
		long team = fleet.team("bad-input");
		number = fleet.number("Front desk", team);
		operator = fleet.person(users, Role.OPERATOR, team);
	}

	/** Case, body, status, the field the first error names (null: the whole request). */
	static Stream<Arguments> badBodies() {
		String longName = "x".repeat(256);
		return Stream.of(
				Arguments.of("malformed JSON", "{\"name\": \"Front", 400, null),
				Arguments.of("not an object", "[\"Front desk\"]", 400, null),
				Arguments.of("an empty body", "", 400, null),
				Arguments.of("JSON null", "null", 400, null),
				Arguments.of("trailing content", "{\"name\": \"A\"} {\"name\": \"B\"}", 400, null),
				Arguments.of("a duplicate key", "{\"name\": \"A\", \"name\": \"B\"}", 400, null),
				Arguments.of("an unknown field", "{\"name\": \"Renamed\", \"colour\": \"red\"}", 400, "colour"),
				Arguments.of("an unknown nested field",
						"{\"name\": \"Renamed\", \"adminEnablementOverride\": {\"enabled\": true, \"reason\": \"why not\", \"by\": 1}}",
						400, "adminEnablementOverride.by"),
				Arguments.of("a number for a string", "{\"name\": 12345}", 400, "name"),
				Arguments.of("a string for a boolean", "{\"name\": \"Renamed\", \"enabled\": \"false\"}", 400, "enabled"),
				Arguments.of("a number for a boolean", "{\"name\": \"Renamed\", \"enabled\": 0}", 400, "enabled"),
				Arguments.of("an object for a string", "{\"name\": {\"first\": \"x\"}}", 400, "name"),
				Arguments.of("a date that is none", "{\"name\": \"Renamed\", \"adminEnablementOverride\": {\"enabled\": true, "
						+ "\"reason\": \"because\", \"updatedAt\": \"yesterday\"}}", 400, "adminEnablementOverride.updatedAt"),
				Arguments.of("a NUL character", "{\"name\": \"Front\\u0000desk\"}", 400, "name"),
				Arguments.of("no name", "{\"enabled\": false}", 422, "name"),
				Arguments.of("a blank name", "{\"name\": \"   \"}", 422, "name"),
				Arguments.of("a name over 255 characters", "{\"name\": \"" + longName + "\"}", 422, "name"),
				Arguments.of("a name of two lines", "{\"name\": \"Front\\ndesk\"}", 422, "name"),
				Arguments.of("an override without enabled", "{\"name\": \"Renamed\", \"adminEnablementOverride\": {\"reason\": \"x\"}}",
						422, "adminEnablementOverride.enabled"),
				Arguments.of("an override without a reason",
						"{\"name\": \"Renamed\", \"adminEnablementOverride\": {\"enabled\": false}}", 422,
						"adminEnablementOverride.reason"),
				Arguments.of("another number's id", "{\"name\": \"Renamed\", \"id\": \"999999999\"}", 422, "id"),
				Arguments.of("an id that is no number", "{\"name\": \"Renamed\", \"id\": \"<script>alert(1)</script>\"}", 422, "id"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badBodies")
	void aBadBodyIsAProblemAndChangesNothing(String what, String body, int status, String field) throws Exception {
		Map<String, Object> before = fleet.row(number);
		int events = fleet.events(number);
		MockHttpServletResponse answer = mvc
			.perform(put("/api/phone-numbers/" + number).contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.with(user(operator))
				.with(csrf()))
			.andReturn()
			.getResponse();

		assertThat(answer.getStatus()).as(what + ": " + answer.getContentAsString()).isEqualTo(status);
		assertThat(answer.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = json.readTree(answer.getContentAsString());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("detail").asString()).isNotBlank().doesNotContain("tools.jackson").doesNotContain("Exception");
		JsonNode first = problem.path("errors").path(0);
		assertThat(first.path("message").asString()).isNotBlank();
		if (field == null) {
			assertThat(first.path("field").isNull()).as(what + ": the whole request").isTrue();
		}
		else {
			assertThat(first.path("field").asString()).isEqualTo(field);
		}
		assertNothingChanged(before, events);
	}

	/** Hostile text that is a valid name is just a name: stored as typed, never interpreted. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileNames")
	void hostileTextIsOnlyText(String what, String name) throws Exception {
		String body = json.writeValueAsString(Map.of("name", name));
		MockHttpServletResponse answer = mvc
			.perform(put("/api/phone-numbers/" + number).contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.with(user(operator))
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(202);
		assertThat(json.readTree(answer.getContentAsString()).path("name").asString()).isEqualTo(name);
		assertThat(fleet.row(number)).containsEntry("name", name);
	}

	static Stream<Arguments> hostileNames() {
		return Stream.of(Arguments.of("markup", "<script>alert('x')</script><img src=x onerror=alert(1)>"),
				Arguments.of("SQL", "'; drop table phone_numbers; --"), Arguments.of("a LIKE pattern", "100% _of_ \\ it"),
				Arguments.of("right-to-left and emoji", "\u202Edesk 📞"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void aBadRequestIsAProblemAndChangesNothing(String what, String contentType, String path, int status) throws Exception {
		Map<String, Object> before = fleet.row(number);
		int events = fleet.events(number);
		MockHttpServletResponse answer = mvc
			.perform(put(path.replace("{id}", String.valueOf(number))).contentType(contentType)
				.content("{\"name\": \"Renamed\"}")
				.accept(MediaType.APPLICATION_JSON)
				.with(user(operator))
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(answer.getStatus()).as(what + ": " + answer.getContentAsString()).isEqualTo(status);
		assertThat(answer.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertNothingChanged(before, events);
	}

	static Stream<Arguments> badRequests() {
		return Stream.of(Arguments.of("a form instead of JSON", "application/x-www-form-urlencoded", "/api/phone-numbers/{id}", 415),
				Arguments.of("plain text", "text/plain", "/api/phone-numbers/{id}", 415));
	}

	private void assertNothingChanged(Map<String, Object> before, int events) {
		assertThat(fleet.row(number)).as("the number").isEqualTo(before);
		assertThat(fleet.events(number)).as("its timeline").isEqualTo(events);
		assertThat(fleet.changes(number)).as("its changes").isZero();
		assertThat(fleet.overrideRequests(number)).as("its override requests").isZero();
	}
}

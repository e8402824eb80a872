package com.numberops.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Role;

/**
 * The phone number resource over MockMvc, signed in as people of the test's own teams: reads,
 * team scope, ETags, and PUTs going through the pages' services (the outbox, the enabled flag,
 * override requests) or refused with nothing changed.
 */
class PhoneNumbersApiTests extends PortalIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	ApiNumbers fleet;

	long team;

	long number;

	PortalPrincipal operator;

	@BeforeEach
	void aNumberOfOurOwn() {
		fleet = new ApiNumbers(jdbc);
		team = fleet.team("api");
		number = fleet.number("Front desk", team);
		operator = fleet.person(users, Role.OPERATOR, team);
	}

	MockHttpServletRequestBuilder putJson(long id, String body) {
		return put("/api/phone-numbers/" + id).contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.content(body)
			.with(csrf());
	}

	String body(String name) {
		return """
				{"name": "%s", "number": "%s", "businessId": "biz-1", "enabled": true, "id": "%d"}""".formatted(name,
				fleet.row(number).get("number"), number);
	}

	@Test
	void readsTheNumberAsTheSeedWritesIt() throws Exception {
		mvc.perform(get("/api/phone-numbers/" + number).with(user(operator)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(header().string("ETag", startsWith("\"" + fleet.version(number) + ".")))
			.andExpect(jsonPath("$.id").value(String.valueOf(number)))
			.andExpect(jsonPath("$.name").value("Front desk"))
			.andExpect(jsonPath("$.inventoryState").value("Ready for SMS"))
			.andExpect(jsonPath("$.status").value("Active"))
			.andExpect(jsonPath("$.callWarmupStage").value("Stage 2"))
			.andExpect(jsonPath("$.warmupHealthScore").value("87"))
			.andExpect(jsonPath("$.business.name").value("Acme Dental"))
			.andExpect(jsonPath("$.billing.monthlyAmount").value("1.2500"))
			.andExpect(jsonPath("$.location.coordinate.latitude").value("43.661471"))
			.andExpect(jsonPath("$.teamId").value(String.valueOf(team)))
			.andExpect(jsonPath("$.isPreferred").value(true))
			.andExpect(jsonPath("$.adminEnablementOverride").isEmpty())
			.andExpect(jsonPath("$.events", hasSize(1)))
			.andExpect(jsonPath("$.events[0].type").value("PROVIDER_CHANGED"))
			.andExpect(jsonPath("$.links.self").value("/api/phone-numbers/" + number));
	}

	@Test
	void anotherTeamsNumberIsNotFound() throws Exception {
		long otherTeam = fleet.team("other");
		PortalPrincipal outsider = fleet.person(users, Role.ADMIN, otherTeam);
		mvc.perform(get("/api/phone-numbers/" + number).with(user(outsider)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.instance").value("/api/phone-numbers/" + number));
		mvc.perform(putJson(number, body("Theirs now")).with(user(outsider))).andExpect(status().isNotFound());
		assertThat(fleet.row(number)).containsEntry("name", "Front desk");
	}

	@Test
	void anUnchangedNumberAnswers304ToItsETag() throws Exception {
		String etag = mvc.perform(get("/api/phone-numbers/" + number).with(user(operator)))
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		mvc.perform(get("/api/phone-numbers/" + number).with(user(operator)).header("If-None-Match", etag))
			.andExpect(status().isNotModified())
			.andExpect(header().string("ETag", etag));
		// a timeline note moves no version, yet changes the answer's events: the tag moves with it
		jdbc.update("""
				insert into number_events (phone_number_id, type, title, source) values (?, 'NOTE', 'A note', 'PORTAL')""",
				number);
		mvc.perform(get("/api/phone-numbers/" + number).with(user(operator)).header("If-None-Match", etag))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", not(etag)));
	}

	@Test
	void aRenameGoesIntoTheOutboxAndIsAccepted() throws Exception {
		mvc.perform(putJson(number, body("Front desk renamed")).with(user(operator)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.name").value("Front desk renamed"))
			.andExpect(jsonPath("$.links.openChanges[0].kind").value("RENAME"))
			.andExpect(jsonPath("$.links.openChanges[0].href", startsWith("/api/changes/")));
		assertThat(fleet.row(number)).containsEntry("name", "Front desk renamed");
		assertThat(jdbc.queryForList("select kind from pending_changes where phone_number_id = ?", String.class, number))
			.containsExactly("RENAME");
		assertThat(jdbc.queryForList("select type from number_events where phone_number_id = ? order by id", String.class,
				number)).contains("EDIT_REQUESTED");
	}

	@Test
	void sendingBackWhatWasReadChangesNothing() throws Exception {
		long version = fleet.version(number);
		mvc.perform(putJson(number, body("Front desk")).with(user(operator)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.links.openChanges", hasSize(0)));
		assertThat(fleet.version(number)).isEqualTo(version);
		assertThat(fleet.changes(number)).isZero();
	}

	@Test
	void enabledIsTheNumbersOwnFlagAsOnThePage() throws Exception {
		mvc.perform(putJson(number, body("Front desk").replace("\"enabled\": true", "\"enabled\": false")).with(user(operator)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(false));
		assertThat(fleet.row(number)).containsEntry("enabled", false);
	}

	@Test
	void aStaleIfMatchIsRefusedWith412AndChangesNothing() throws Exception {
		String etag = mvc.perform(get("/api/phone-numbers/" + number).with(user(operator)))
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		mvc.perform(putJson(number, body("First writer")).with(user(operator)).header("If-Match", etag))
			.andExpect(status().isAccepted());
		long version = fleet.version(number);
		int events = fleet.events(number);
		mvc.perform(putJson(number, body("Second writer")).with(user(operator)).header("If-Match", etag))
			.andExpect(status().isPreconditionFailed())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.currentVersion").value(version));
		assertThat(fleet.row(number)).containsEntry("name", "First writer");
		assertThat(fleet.version(number)).isEqualTo(version);
		assertThat(fleet.events(number)).isEqualTo(events);
	}

	@Test
	void aViewerMayReadButNotPut() throws Exception {
		PortalPrincipal viewer = fleet.person(users, Role.VIEWER, team);
		mvc.perform(get("/api/phone-numbers/" + number).with(user(viewer))).andExpect(status().isOk());
		mvc.perform(putJson(number, body("Viewer was here")).with(user(viewer)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(fleet.row(number)).containsEntry("name", "Front desk");
		assertThat(fleet.changes(number)).isZero();
	}

	@Test
	void anOperatorsOverrideBecomesARequestNotTheOverride() throws Exception {
		String wanted = body("Front desk").replace("\"id\"",
				"\"adminEnablementOverride\": {\"enabled\": false, \"reason\": \"Complaints from the carrier\"}, \"id\"");
		mvc.perform(putJson(number, wanted).with(user(operator)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.adminEnablementOverride").isEmpty())
			.andExpect(jsonPath("$.links.pendingOverrideRequest.enabled").value(false))
			.andExpect(jsonPath("$.links.pendingOverrideRequest.href", startsWith("/api/override-requests/")));
		assertThat(fleet.row(number).get("override_enabled")).isNull();
		assertThat(fleet.overrideRequests(number)).isOne();
		// sent again, the same request still waits: no second one supersedes it
		mvc.perform(putJson(number, wanted).with(user(operator))).andExpect(status().isOk());
		assertThat(fleet.overrideRequests(number)).isOne();
	}

	@Test
	void anAdminsNullOverrideClearsIt() throws Exception {
		jdbc.update("""
				update phone_numbers set override_enabled = false, override_reason = 'test', override_updated_at = now()
				where id = ?""", number);
		PortalPrincipal admin = fleet.person(users, Role.ADMIN, team);
		mvc.perform(putJson(number, body("Front desk").replace("\"id\"", "\"adminEnablementOverride\": null, \"id\""))
			.with(user(operator))).andExpect(status().isForbidden());
		assertThat(fleet.row(number).get("override_enabled")).isEqualTo(false);
		mvc.perform(putJson(number, body("Front desk").replace("\"id\"", "\"adminEnablementOverride\": null, \"id\""))
			.with(user(admin))).andExpect(status().isOk()).andExpect(jsonPath("$.adminEnablementOverride").isEmpty());
		assertThat(fleet.row(number).get("override_enabled")).isNull();
	}

	@Test
	void whatNamesTheNumberCannotBeChanged() throws Exception {
		long version = fleet.version(number);
		mvc.perform(putJson(number, """
				{"name": "Front desk", "number": "+12075550000", "businessId": "biz-2", "id": "1"}""").with(user(operator)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("id", "number",
					"businessId")));
		assertThat(fleet.version(number)).isEqualTo(version);
	}
}

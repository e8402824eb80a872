package com.numberops.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * {@code GET /api/phone-numbers}: a walk of pageToken → nextPageToken sees every number once, in
 * the sort's order; the Numbers page's filters apply; only the person's teams are listed; page
 * size and parameters are checked.
 */
class PhoneNumberListTests extends PortalIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JsonMapper json;

	ApiNumbers fleet;

	List<Long> ours = new ArrayList<>();

	long theirs;

	PortalPrincipal viewer;

	@BeforeEach
	void sevenNumbersOfOursAndOneOfAnotherTeam() {
		fleet = new ApiNumbers(jdbc);
		long team = fleet.team("list");
		for (String name : List.of("Gamma", "Alpha", "Foxtrot", "Delta", "Bravo", "Echo", "Charlie")) {
			ours.add(fleet.number("Desk " + name, team));
		}
		theirs = fleet.number("Desk Hotel", fleet.team("list-other"));
		viewer = fleet.person(users, Role.VIEWER, team);
	}

	JsonNode list(String query) throws Exception {
		MockHttpServletResponse answer = mvc.perform(get("/api/phone-numbers?" + query).with(user(viewer))).andReturn().getResponse();
		assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
		return json.readTree(answer.getContentAsString());
	}

	@Test
	void aWalkOfPageTokensSeesEveryNumberOnceInOrder() throws Exception {
		List<String> names = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		String token = null;
		int pages = 0;
		do {
			JsonNode page = list("account=" + fleet.account + "&sort=name&pageSize=3"
					+ (token == null ? "" : "&pageToken=" + token));
			assertThat(page.path("items").size()).isLessThanOrEqualTo(3);
			page.path("items").forEach(item -> {
				names.add(item.path("name").asString());
				ids.add(item.path("id").asString());
				assertThat(item.has("events")).as("the list leaves events out").isFalse();
				assertThat(item.path("inventoryState").asString()).isEqualTo("Ready for SMS");
			});
			token = page.path("nextPageToken").isNull() ? null : page.path("nextPageToken").asString();
			pages++;
		}
		while (token != null && pages < 10);
		assertThat(pages).isEqualTo(3);
		assertThat(names).containsExactly("Desk Alpha", "Desk Bravo", "Desk Charlie", "Desk Delta", "Desk Echo",
				"Desk Foxtrot", "Desk Gamma");
		assertThat(ids).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(ours.stream().map(String::valueOf).toList())
			.doesNotContain(String.valueOf(theirs));
	}

	@Test
	void theNumbersPagesFiltersApply() throws Exception {
		JsonNode found = list("account=" + fleet.account + "&q=Echo");
		assertThat(found.path("items")).singleElement().satisfies(item -> assertThat(item.path("name").asString()).isEqualTo("Desk Echo"));
		assertThat(found.path("totalSize").asLong()).isOne();
		jdbc.update("update phone_numbers set enabled = false where id = ?", ours.get(0));
		assertThat(list("account=" + fleet.account + "&enablement=DISABLED").path("items")).singleElement()
			.satisfies(item -> assertThat(item.path("id").asString()).isEqualTo(String.valueOf(ours.get(0))));
		assertThat(list("account=" + fleet.account + "&warmup=Healthy").path("items")).isEmpty();
		assertThat(list("account=" + fleet.account).path("totalSize").asLong()).isEqualTo(7);
	}

	@Test
	void aPageIsAtMost500() throws Exception {
		assertThat(list("account=" + fleet.account + "&pageSize=500").path("items").size()).isEqualTo(7);
		assertThat(list("account=" + fleet.account + "&pageSize=1").path("items").size()).isEqualTo(1);
	}

	static Stream<Arguments> badQueries() {
		return Stream.of(Arguments.of("pageSize=501", "pageSize"), Arguments.of("pageSize=0", "pageSize"),
				Arguments.of("pageSize=ten", "pageSize"), Arguments.of("pageToken=not-a-token", "pageToken"),
				Arguments.of("colour=red", "colour"), Arguments.of("size=20", "size"),
				Arguments.of("state=Nonsense", "state"), Arguments.of("sort=price", "sort"), Arguments.of("q=ab", "q"),
				Arguments.of("callStage=9", "callStage"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badQueries")
	void aQueryItCannotReadIsA400NamingTheParameter(String query, String parameter) throws Exception {
		MockHttpServletResponse answer = mvc.perform(get("/api/phone-numbers?" + query).with(user(viewer)))
			.andReturn()
			.getResponse();
		assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(400);
		assertThat(answer.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = json.readTree(answer.getContentAsString());
		assertThat(problem.path("errors").path(0).path("field").asString()).isEqualTo(parameter);
	}
}

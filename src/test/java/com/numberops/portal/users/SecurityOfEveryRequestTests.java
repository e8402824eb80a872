package com.numberops.portal.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.numberops.portal.support.PortalIntegrationTest;

/** CSRF, security headers, URL guards and the htmx expired-session answer, over the real filter chain. */
class SecurityOfEveryRequestTests extends PortalIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService userDetails;

	RequestPostProcessor as(String username) {
		return user(userDetails.loadUserByUsername(username));
	}

	int count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

	@Test
	void aPostWithoutCsrfTokenIsRefusedAndChangesNothing() throws Exception {
		int users = count("users");
		int teams = count("teams");
		mvc.perform(post("/admin/users").with(as("admin"))
			.param("username", "no-token")
			.param("displayName", "No Token")
			.param("role", "OPERATOR")
			.param("password", "long-enough-password"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/teams").with(as("admin")).param("name", "No token team"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/teams").with(as("admin")).with(csrf().useInvalidToken()).param("name", "Bad token team"))
			.andExpect(status().isForbidden());
		assertThat(count("users")).isEqualTo(users);
		assertThat(count("teams")).isEqualTo(teams);
	}

	@Test
	void theSameRequestWithItsTokenGoesThrough() throws Exception {
		int teams = count("teams");
		mvc.perform(post("/admin/teams").with(as("admin")).with(csrf()).param("name", "Token team"))
			.andExpect(status().is3xxRedirection());
		assertThat(count("teams")).isEqualTo(teams + 1);
	}

	@Test
	void everyHtmxRequestOfAPageCarriesTheToken() throws Exception {
		mvc.perform(get("/").with(as("viewer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-headers=\"{&quot;X-CSRF-TOKEN&quot;: &quot;")));
	}

	@Test
	void aLoginWithoutCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/login").param("username", "admin").param("password", "demo"))
			.andExpect(status().isForbidden());
	}

	@Test
	void everyPageCarriesTheSecurityHeaders() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("Content-Security-Policy", containsString("object-src 'none'")))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	void anAnonymousPageRequestGoesToTheLogin() throws Exception {
		mvc.perform(get("/numbers").accept(MediaType.TEXT_HTML)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void anHtmxRequestWithoutSessionReloadsTheWholePage() throws Exception {
		mvc.perform(post("/admin/users/1/disable").header("HX-Request", "true").with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(header().string("HX-Refresh", "true"));
		mvc.perform(get("/admin/users").header("HX-Request", "true"))
			.andExpect(header().string("HX-Refresh", "true"));
	}

	@Test
	void anHtmxPostWithTheTokenOfADeadSessionAlsoReloadsTheWholePage() throws Exception {
		int teams = count("teams");
		mvc.perform(post("/admin/teams").header("HX-Request", "true").with(csrf().useInvalidToken()).param("name", "Late"))
			.andExpect(status().isForbidden())
			.andExpect(header().string("HX-Refresh", "true"));
		// a plain form post refused the same way keeps its plain 403 page
		mvc.perform(post("/admin/teams").with(as("admin")).with(csrf().useInvalidToken()).param("name", "Late"))
			.andExpect(status().isForbidden())
			.andExpect(header().doesNotExist("HX-Refresh"));
		assertThat(count("teams")).isEqualTo(teams);
	}

	@ParameterizedTest(name = "{0} GET {1} -> {2}")
	@CsvSource({
			"viewer, /, 200",
			"viewer, /numbers, 200",
			"viewer, /numbers/export.csv, 200",
			"viewer, /sync, 200",
			"viewer, /changes, 200",
			"viewer, /approvals, 403",
			"viewer, /admin/users, 403",
			"viewer, /admin/providers, 403",
			"operator, /numbers, 200",
			"operator, /approvals, 403",
			"operator, /admin/users, 403",
			"admin, /approvals, 200",
			"admin, /admin/users, 200",
			"admin, /admin/providers, 200" })
	void eachRoleOpensExactlyItsSections(String username, String path, int status) throws Exception {
		mvc.perform(get(path).with(as(username)).accept(MediaType.TEXT_HTML)).andExpect(status().is(status));
	}

	@Test
	void healthIsPublicAndMetricsAreForAdmins() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/metrics").with(as("viewer"))).andExpect(status().isForbidden());
		mvc.perform(get("/actuator/metrics").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.names").isArray());
	}
}

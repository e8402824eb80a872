package com.numberops.portal.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.numberops.portal.support.PortalIntegrationTest;

/**
 * An admin changes an existing user's role and teams on the Users page, within their scope
 * (UserScope, AccessRules): over HTTP with real users, CSRF tokens and sessions. A user whose reach
 * changed is signed out; a refusal changes nothing and says why beside the field.
 */
class EditingRoleAndTeamsTests extends PortalIntegrationTest {

	private static final String PASSWORD = "long-enough-1";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	PasswordEncoder encoder;

	String tag;

	long teamA;

	long teamB;

	String limitedAdmin;

	@BeforeEach
	void teamsAndAnAdminOfTeamA() {
		tag = UUID.randomUUID().toString().substring(0, 8);
		teamA = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "Edit A " + tag);
		teamB = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "Edit B " + tag);
		limitedAdmin = "edit-admin-" + tag;
		newUser(limitedAdmin, Role.ADMIN, List.of(teamA));
	}

	long newUser(String username, Role role, List<Long> teams) {
		long id = jdbc.queryForObject("""
				insert into users (username, display_name, password_hash, role) values (?, ?, ?, ?) returning id""",
				Long.class, username, "Name of " + username, encoder.encode(PASSWORD), role.name());
		teams.forEach(team -> jdbc.update("insert into user_teams (user_id, team_id) values (?, ?)", id, team));
		return id;
	}

	RequestPostProcessor as(String username) {
		return user(userDetails.loadUserByUsername(username));
	}

	long version(long id) {
		return jdbc.queryForObject("select version from users where id = ?", Long.class, id);
	}

	String role(long id) {
		return jdbc.queryForObject("select role from users where id = ?", String.class, id);
	}

	List<Long> teams(long id) {
		return jdbc.queryForList("select team_id from user_teams where user_id = ? order by team_id", Long.class, id);
	}

	MockHttpServletRequestBuilder access(long id, String by, String role, long... teams) {
		MockHttpServletRequestBuilder request = post("/admin/users/{id}/access", id).with(as(by)).with(csrf())
			.param("role", role)
			.param("version", Long.toString(version(id)));
		for (long team : teams) {
			request.param("teamIds", Long.toString(team));
		}
		return request;
	}

	/** The session cookie of a sign-in: the session itself lives in the shared store (Spring Session JDBC). */
	Cookie signIn(String username) throws Exception {
		return mvc.perform(formLogin("/login").user(username).password(PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
	}

	@Test
	void anAdminChangesAUsersRoleAndTeamsAndTheUserIsSignedOut() throws Exception {
		long id = newUser("edited-" + tag, Role.OPERATOR, List.of(teamA));
		Cookie session = signIn("edited-" + tag);
		mvc.perform(get("/numbers").cookie(session).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());

		mvc.perform(get("/admin/users/{id}/access", id).with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"access-form\"")))
			.andExpect(content().string(containsString("value=\"" + teamA + "\" checked=\"checked\"")));
		mvc.perform(access(id, "admin", "VIEWER", teamA, teamB)).andExpect(redirectedUrl("/admin/users"));

		assertThat(role(id)).isEqualTo("VIEWER");
		assertThat(teams(id)).containsExactly(teamA, teamB);
		mvc.perform(get("/numbers").cookie(session).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/login?error=ended"));
	}

	@Test
	void savingTheSameRoleAndTeamsSignsNobodyOut() throws Exception {
		long id = newUser("same-" + tag, Role.OPERATOR, List.of(teamA));
		Cookie session = signIn("same-" + tag);
		mvc.perform(access(id, "admin", "OPERATOR", teamA)).andExpect(redirectedUrl("/admin/users"));
		mvc.perform(get("/numbers").cookie(session).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
	}

	@Test
	void aTeamLimitedAdminMayMakeAnAdminWithinTheirTeams() throws Exception {
		long id = newUser("promoted-" + tag, Role.VIEWER, List.of(teamA));
		mvc.perform(access(id, limitedAdmin, "ADMIN", teamA)).andExpect(redirectedUrl("/admin/users"));
		assertThat(role(id)).isEqualTo("ADMIN");
		assertThat(teams(id)).containsExactly(teamA);
	}

	@Test
	void aTeamLimitedAdminGivesNoTeamBeyondTheirOwnNorAllTeams() throws Exception {
		long id = newUser("ours-" + tag, Role.OPERATOR, List.of(teamA));
		long before = version(id);
		mvc.perform(access(id, limitedAdmin, "OPERATOR", teamA, teamB))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"teamIds-errors\">You may grant only your own teams.<")));
		mvc.perform(access(id, limitedAdmin, "ADMIN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tick at least one of your teams")));
		assertThat(role(id)).isEqualTo("OPERATOR");
		assertThat(teams(id)).containsExactly(teamA);
		assertThat(version(id)).isEqualTo(before);
	}

	@Test
	void aUserOutsideTheAdminsTeamsIsNotFoundForEditing() throws Exception {
		long theirs = newUser("theirs-" + tag, Role.OPERATOR, List.of(teamB));
		long allTeams = newUser("all-" + tag, Role.ADMIN, List.of());
		for (long id : new long[] { theirs, allTeams }) {
			mvc.perform(get("/admin/users/{id}/access", id).with(as(limitedAdmin))).andExpect(status().isNotFound());
			mvc.perform(access(id, limitedAdmin, "VIEWER", teamA)).andExpect(status().isNotFound());
		}
		assertThat(role(allTeams)).isEqualTo("ADMIN");
		assertThat(teams(allTeams)).isEmpty();
		assertThat(teams(theirs)).containsExactly(teamB);
	}

	@Test
	void aFormDrawnBeforeSomeoneElsesChangeOverwritesNothing() throws Exception {
		long id = newUser("raced-" + tag, Role.OPERATOR, List.of(teamA));
		long drawn = version(id);
		mvc.perform(access(id, "admin", "VIEWER", teamA)).andExpect(redirectedUrl("/admin/users"));
		mvc.perform(post("/admin/users/{id}/access", id).with(as("admin")).with(csrf())
			.param("role", "ADMIN")
			.param("teamIds", Long.toString(teamB))
			.param("version", Long.toString(drawn)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Someone changed raced-" + tag + " meanwhile")));
		assertThat(role(id)).isEqualTo("VIEWER");
		assertThat(teams(id)).containsExactly(teamA);
	}

	@Test
	void whatIsNotARoleOrATeamIsRefusedBesideItsField() throws Exception {
		long id = newUser("typed-" + tag, Role.OPERATOR, List.of(teamA));
		mvc.perform(post("/admin/users/{id}/access", id).with(as("admin")).with(csrf())
			.param("role", "ROOT")
			.param("teamIds", "abc")
			.param("version", Long.toString(version(id))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"role-errors\">Choose one of the roles.<")))
			.andExpect(content().string(containsString("Choose from the listed teams.")));
		assertThat(role(id)).isEqualTo("OPERATOR");
	}

	@Test
	void disablingAsksFirstWithoutJavaScriptAndChangesNothingUntilConfirmed() throws Exception {
		long id = newUser("to-disable-" + tag, Role.VIEWER, List.of(teamA));
		mvc.perform(post("/admin/users/{id}/disable", id).with(as("admin")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Disable Name of to-disable-" + tag + " (to-disable-" + tag + ")?")))
			.andExpect(content().string(containsString("<input type=\"hidden\" name=\"confirm\" value=\"yes\">")))
			.andExpect(content().string(containsString("action=\"/admin/users/" + id + "/disable\"")));
		assertThat(jdbc.queryForObject("select enabled from users where id = ?", Boolean.class, id)).isTrue();

		mvc.perform(post("/admin/users/{id}/disable", id).with(as("admin")).with(csrf()).param("confirm", "yes"))
			.andExpect(redirectedUrl("/admin/users"));
		assertThat(jdbc.queryForObject("select enabled from users where id = ?", Boolean.class, id)).isFalse();
	}

	@Test
	void theUsersPageOffersTheEditAndAsksBeforeDisablingWithHtmx() throws Exception {
		long id = newUser("listed-" + tag, Role.VIEWER, List.of(teamA));
		mvc.perform(get("/admin/users").with(as("admin")))
			.andExpect(content().string(containsString("href=\"/admin/users/" + id + "/access\"")))
			.andExpect(content().string(containsString(
					"hx-confirm=\"Disable listed-" + tag + "? They are signed out at once and cannot sign in until enabled again.\"")))
			.andExpect(content().string(containsString("hx-vals='{\"confirm\": \"yes\"}'")));
	}
}

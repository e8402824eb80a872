package com.numberops.portal.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.numberops.portal.support.PortalIntegrationTest;

/**
 * The role/team matrix of the Users page over HTTP, with real users and CSRF tokens: an admin
 * limited to team A sees and administers only users whose teams lie within A, grants only A, and
 * cannot reach an all-teams admin (whose password they could otherwise reset, then sign in as).
 */
class UserScopeTests extends PortalIntegrationTest {

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

	/** Admin limited to team A: the actor of every test here. */
	String limitedAdmin;

	/** Target users by where their teams lie relative to team A. */
	Map<String, Long> targets;

	@BeforeEach
	void aLimitedAdminAndUsersAroundThem() {
		tag = UUID.randomUUID().toString().substring(0, 8);
		teamA = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "Scope A " + tag);
		teamB = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "Scope B " + tag);
		limitedAdmin = "scoped-admin-" + tag;
		newUser(limitedAdmin, Role.ADMIN, List.of(teamA));
		targets = Map.of(
				"all-teams admin", newUser("all-" + tag, Role.ADMIN, List.of()),
				"team B user", newUser("theirs-" + tag, Role.OPERATOR, List.of(teamB)),
				"team A and B user", newUser("mixed-" + tag, Role.VIEWER, List.of(teamA, teamB)),
				"team A user", newUser("ours-" + tag, Role.OPERATOR, List.of(teamA)));
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

	String username(long id) {
		return jdbc.queryForObject("select username from users where id = ?", String.class, id);
	}

	boolean enabled(long id) {
		return jdbc.queryForObject("select enabled from users where id = ?", Boolean.class, id);
	}

	String hash(long id) {
		return jdbc.queryForObject("select password_hash from users where id = ?", String.class, id);
	}

	boolean exists(String username) {
		return jdbc.queryForObject("select exists (select 1 from users where username = ?)", Boolean.class, username);
	}

	MockHttpServletRequestBuilder newUserForm(String username, Role role, long... teams) {
		MockHttpServletRequestBuilder request = post("/admin/users").with(as(limitedAdmin)).with(csrf())
			.param("username", username)
			.param("displayName", "New " + username)
			.param("role", role.name())
			.param("password", PASSWORD);
		for (long team : teams) {
			request.param("teamIds", Long.toString(team));
		}
		return request;
	}

	@Test
	void aLimitedAdminCannotCreateAnAllTeamsUser() throws Exception {
		String username = "new-all-" + tag;
		mvc.perform(newUserForm(username, Role.ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tick at least one of your teams")));
		assertThat(exists(username)).isFalse();
	}

	@Test
	void aLimitedAdminCannotGrantATeamOutsideTheirOwn() throws Exception {
		String username = "new-b-" + tag;
		mvc.perform(newUserForm(username, Role.VIEWER, teamB))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You may grant only your own teams")));
		mvc.perform(newUserForm(username, Role.VIEWER, teamA, teamB))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You may grant only your own teams")));
		assertThat(exists(username)).isFalse();
	}

	@Test
	void aLimitedAdminCreatesUsersWithinTheirTeams() throws Exception {
		String username = "new-a-" + tag;
		mvc.perform(newUserForm(username, Role.OPERATOR, teamA)).andExpect(redirectedUrl("/admin/users"));
		assertThat(jdbc.queryForList("""
				select team_id from user_teams join users on users.id = user_id where username = ?""", Long.class,
				username)).containsExactly(teamA);
	}

	@Test
	void aLimitedAdminCannotTakeOverAnAllTeamsAdminByResettingTheirPassword() throws Exception {
		long target = targets.get("all-teams admin");
		String before = hash(target);
		mvc.perform(get("/admin/users/{id}/password", target).with(as(limitedAdmin))).andExpect(status().isNotFound());
		mvc.perform(post("/admin/users/{id}/password", target).with(as(limitedAdmin)).with(csrf())
			.param("password", "taken-over-123")
			.param("confirmation", "taken-over-123"))
			.andExpect(status().isNotFound());
		assertThat(hash(target)).isEqualTo(before);
		mvc.perform(formLogin("/login").user(username(target)).password("taken-over-123")).andExpect(unauthenticated());
	}

	static Stream<Arguments> outOfScope() {
		return Stream.of("all-teams admin", "team B user", "team A and B user").map(Arguments::of);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("outOfScope")
	void everyActionOnAUserOutsideTheScopeIsNotFoundAndChangesNothing(String who) throws Exception {
		long target = targets.get(who);
		String hashBefore = hash(target);

		mvc.perform(post("/admin/users/{id}/disable", target).with(as(limitedAdmin)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/users/{id}/disable", target).with(as(limitedAdmin)).with(csrf())
			.header("HX-Request", "true"))
			.andExpect(status().isNotFound());
		assertThat(enabled(target)).isTrue();

		jdbc.update("update users set enabled = false where id = ?", target);
		mvc.perform(post("/admin/users/{id}/enable", target).with(as(limitedAdmin)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(enabled(target)).isFalse();
		jdbc.update("update users set enabled = true where id = ?", target);

		for (int attempt = 1; attempt <= 5; attempt++) {
			mvc.perform(formLogin("/login").user(username(target)).password("wrong"));
		}
		mvc.perform(post("/admin/users/{id}/unlock", target).with(as(limitedAdmin)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(formLogin("/login").user(username(target)).password(PASSWORD))
			.andExpect(redirectedUrl("/login?error=locked"));

		mvc.perform(get("/admin/users/{id}/password", target).with(as(limitedAdmin))).andExpect(status().isNotFound());
		mvc.perform(post("/admin/users/{id}/password", target).with(as(limitedAdmin)).with(csrf())
			.param("password", "taken-over-123")
			.param("confirmation", "taken-over-123"))
			.andExpect(status().isNotFound());
		assertThat(hash(target)).isEqualTo(hashBefore);
	}

	@Test
	void aUserWithinTheScopeIsAdministeredAsBefore() throws Exception {
		long target = targets.get("team A user");
		mvc.perform(post("/admin/users/{id}/disable", target).with(as(limitedAdmin)).with(csrf()).param("confirm", "yes"))
			.andExpect(redirectedUrl("/admin/users"));
		assertThat(enabled(target)).isFalse();
		mvc.perform(post("/admin/users/{id}/enable", target).with(as(limitedAdmin)).with(csrf()))
			.andExpect(redirectedUrl("/admin/users"));
		assertThat(enabled(target)).isTrue();
		mvc.perform(post("/admin/users/{id}/password", target).with(as(limitedAdmin)).with(csrf())
			.param("password", "a-new-password-1")
			.param("confirmation", "a-new-password-1"))
			.andExpect(redirectedUrl("/admin/users"));
		mvc.perform(post("/admin/users/{id}/unlock", target).with(as(limitedAdmin)).with(csrf()))
			.andExpect(redirectedUrl("/admin/users"));
	}

	@Test
	void theListShowsALimitedAdminOnlyUsersAndTeamsWithinTheirTeams() throws Exception {
		mvc.perform(get("/admin/users").with(as(limitedAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ours-" + tag)))
			.andExpect(content().string(containsString(limitedAdmin)))
			.andExpect(content().string(not(containsString("all-" + tag))))
			.andExpect(content().string(not(containsString("theirs-" + tag))))
			.andExpect(content().string(not(containsString("mixed-" + tag))))
			// the new-user form offers team A only, and no "all teams" choice
			.andExpect(content().string(containsString("Scope A " + tag)))
			.andExpect(content().string(not(containsString("Scope B " + tag))))
			.andExpect(content().string(not(containsString("none ticked: all teams"))))
			.andExpect(content().string(not(containsString("id=\"new-team-form\""))));
		// the all-teams admin still sees everyone and every team
		mvc.perform(get("/admin/users").with(as("admin")))
			.andExpect(content().string(containsString("all-" + tag)))
			.andExpect(content().string(containsString("theirs-" + tag)))
			.andExpect(content().string(containsString("Scope B " + tag)))
			.andExpect(content().string(containsString("none ticked: all teams")));
	}

	@Test
	void onlyAnAllTeamsAdminAddsTeams() throws Exception {
		String name = "Scope C " + tag;
		mvc.perform(post("/admin/teams").with(as(limitedAdmin)).with(csrf()).param("name", name))
			.andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("select count(*) from teams where name = ?", Integer.class, name)).isZero();
	}
}

package com.numberops.portal.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.numberops.portal.support.PortalIntegrationTest;

/** The Users page and the service behind it, on Postgres: rules, validation and who may do what. */
class UserAdministrationTests extends PortalIntegrationTest {

	@Autowired
	UserAdministration administration;

	@Autowired
	Users users;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService userDetails;

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	RequestPostProcessor as(String username) {
		return user(userDetails.loadUserByUsername(username));
	}

	int userCount() {
		return jdbc.queryForObject("select count(*) from users", Integer.class);
	}

	@Test
	void demoUsersExistInSandboxModeWithTheirRoles() {
		assertThat(users.findByUsername("admin")).get().extracting(PortalUser::getRole).isEqualTo(Role.ADMIN);
		assertThat(users.findByUsername("operator")).get().extracting(PortalUser::getRole).isEqualTo(Role.OPERATOR);
		assertThat(users.findByUsername("viewer")).get().extracting(PortalUser::getRole).isEqualTo(Role.VIEWER);
		assertThat(jdbc.queryForObject("select password_hash from users where username = 'admin'", String.class))
			.as("a delegating encoder's hash, never the password").startsWith("{bcrypt}");
	}

	@Test
	@WithUserDetails("admin")
	void anAdminCreatesAUserLimitedToTeams() {
		Team team = administration.createTeam(unique("Team"));
		String username = unique("kim");
		var row = administration.create(new NewUser(username, "Kim Lee", Role.OPERATOR, "long-enough-1",
				Set.of(team.getId())));
		assertThat(row.role()).isEqualTo(Role.OPERATOR);
		assertThat(row.teamNames()).containsExactly(team.getName());
		assertThat(users.findByUsername(username)).get().extracting(PortalUser::getTeamIds).isEqualTo(Set.of(team.getId()));
		PortalPrincipal principal = (PortalPrincipal) userDetails.loadUserByUsername(username);
		assertThat(principal.getTeamIds()).containsExactly(team.getId());
	}

	static Stream<Arguments> badUsers() {
		return Stream.of(
				Arguments.of(new NewUser("admin", "Taken", Role.VIEWER, "long-enough-1", Set.of()), "username"),
				Arguments.of(new NewUser("ADMIN", "Taken, other case", Role.VIEWER, "long-enough-1", Set.of()), "username"),
				Arguments.of(new NewUser("a b", "Space", Role.VIEWER, "long-enough-1", Set.of()), "username"),
				Arguments.of(new NewUser("<script>", "Hostile", Role.VIEWER, "long-enough-1", Set.of()), "username"),
				Arguments.of(new NewUser("x".repeat(41), "Long", Role.VIEWER, "long-enough-1", Set.of()), "username"),
				Arguments.of(new NewUser("blank-name", "   ", Role.VIEWER, "long-enough-1", Set.of()), "displayName"),
				Arguments.of(new NewUser("long-name", "n".repeat(101), Role.VIEWER, "long-enough-1", Set.of()), "displayName"),
				Arguments.of(new NewUser("short-pw", "Short", Role.VIEWER, "short", Set.of()), "password"),
				Arguments.of(new NewUser("no-team", "No team", Role.VIEWER, "long-enough-1", Set.of(999_999L)), "teamIds"));
	}

	@ParameterizedTest(name = "{1}: {0}")
	@MethodSource("badUsers")
	@WithUserDetails("admin")
	void badInputIsRefusedOnItsFieldAndSavesNothing(NewUser request, String field) {
		int before = userCount();
		assertThatThrownBy(() -> administration.create(request)).isInstanceOfSatisfying(UserChangeRefused.class,
				refused -> assertThat(refused.field()).isEqualTo(field));
		assertThat(userCount()).isEqualTo(before);
	}

	@Test
	@WithUserDetails("operator")
	void anOperatorCannotUseTheServiceEvenWithoutThePage() {
		int before = userCount();
		assertThatThrownBy(() -> administration.create(
				new NewUser(unique("sneaky"), "Sneaky", Role.ADMIN, "long-enough-1", Set.of())))
			.isInstanceOf(AuthorizationDeniedException.class);
		assertThatThrownBy(() -> administration.users()).isInstanceOf(AuthorizationDeniedException.class);
		assertThat(userCount()).isEqualTo(before);
	}

	@Test
	void anAdminThatIsNoPortalUserAdministersNothing() {
		// an authentication without a portal user has no team scope to work within: refused, not "all teams"
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("ghost",
				null, AuthorityUtils.createAuthorityList(Role.ADMIN.authority())));
		try {
			int before = userCount();
			assertThatThrownBy(() -> administration.create(
					new NewUser(unique("ghostly"), "Ghostly", Role.ADMIN, "long-enough-1", Set.of())))
				.isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> administration.users()).isInstanceOf(AccessDeniedException.class);
			assertThat(userCount()).isEqualTo(before);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Test
	@WithUserDetails("viewer")
	void aViewerCannotResetAPassword() {
		long adminId = users.findByUsername("admin").orElseThrow().getId();
		assertThatThrownBy(() -> administration.resetPassword(adminId, "new-password-1"))
			.isInstanceOf(AuthorizationDeniedException.class);
	}

	@Test
	@WithUserDetails("admin")
	void anAdminCannotDisableThemself() {
		long adminId = users.findByUsername("admin").orElseThrow().getId();
		assertThatThrownBy(() -> administration.disable(adminId)).isInstanceOf(UserChangeRefused.class)
			.hasMessageContaining("your own account");
		assertThat(users.findById(adminId)).get().extracting(PortalUser::isEnabled).isEqualTo(true);
	}

	@Test
	@WithUserDetails("admin")
	void disablingAndEnablingAUser() {
		String username = unique("pat");
		var created = administration.create(new NewUser(username, "Pat", Role.VIEWER, "long-enough-1", Set.of()));
		long adminId = users.findByUsername("admin").orElseThrow().getId();
		assertThat(administration.disable(created.id()).enabled()).isFalse();
		assertThat(userDetails.loadUserByUsername(username).isEnabled()).isFalse();
		assertThat(administration.enable(created.id()).enabled()).isTrue();
	}

	@Test
	void theNewUserFormShowsFieldErrorsAndSavesNothing() throws Exception {
		int before = userCount();
		mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
			.param("username", "Bad Name!")
			.param("displayName", "")
			.param("role", "OPERATOR")
			.param("password", "short"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("lower-case letters")))
			.andExpect(content().string(containsString("Enter a name for the person.")))
			.andExpect(content().string(containsString("Use at least 10 characters.")));
		mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
			.param("username", "admin")
			.param("displayName", "Second admin")
			.param("role", "ADMIN")
			.param("password", "long-enough-1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The username admin is taken.")));
		mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
			.param("username", unique("role"))
			.param("displayName", "Unknown role")
			.param("role", "SUPERUSER")
			.param("password", "long-enough-1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is-invalid")));
		assertThat(userCount()).isEqualTo(before);
	}

	@Test
	void hostileInputIsEscapedOnThePage() throws Exception {
		mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
			.param("username", unique("xss"))
			.param("displayName", "<script>alert(1)</script>")
			.param("role", "VIEWER")
			.param("password", "long-enough-1"))
			.andExpect(redirectedUrl("/admin/users"));
		mvc.perform(get("/admin/users").with(as("admin")))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
	}

	@Test
	void aViewerPostingToTheUsersPageIsRefusedAndNothingChanges() throws Exception {
		int before = userCount();
		mvc.perform(post("/admin/users").with(as("viewer")).with(csrf())
			.param("username", unique("sneaky"))
			.param("displayName", "Sneaky")
			.param("role", "ADMIN")
			.param("password", "long-enough-1"))
			.andExpect(status().isForbidden());
		assertThat(userCount()).isEqualTo(before);
	}

	@Test
	void theResetPasswordFormChecksBothFields() throws Exception {
		long viewerId = users.findByUsername("viewer").orElseThrow().getId();
		String hashBefore = jdbc.queryForObject("select password_hash from users where id = ?", String.class, viewerId);
		mvc.perform(post("/admin/users/{id}/password", viewerId).with(as("admin")).with(csrf())
			.param("password", "long-enough-1")
			.param("confirmation", "long-enough-2"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The two passwords differ.")));
		assertThat(jdbc.queryForObject("select password_hash from users where id = ?", String.class, viewerId))
			.isEqualTo(hashBefore);
	}

	@Test
	void anHtmxDisableAnswersTheRowAndAToast() throws Exception {
		String username = unique("row");
		long id = jdbc.queryForObject("""
				insert into users (username, display_name, password_hash, role) values (?, 'Row', '{noop}x', 'VIEWER')
				returning id""", Long.class, username);
		mvc.perform(post("/admin/users/{id}/disable", id).with(as("admin")).with(csrf()).header("HX-Request", "true").param("confirm", "yes"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"user-" + id + "\"")))
			.andExpect(content().string(containsString("Disabled")))
			.andExpect(content().string(containsString("hx-swap-oob=\"beforeend:#toasts\"")));
		mvc.perform(post("/admin/users/{id}/enable", id).with(as("admin")).with(csrf()))
			.andExpect(redirectedUrl("/admin/users"));
		mvc.perform(post("/admin/users/{id}/enable", 987_654).with(as("admin")).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void unknownUserIdsAreNotFound() throws Exception {
		mvc.perform(get("/admin/users/{id}/password", 987_654).with(as("admin"))).andExpect(status().isNotFound());
		mvc.perform(get("/admin/users/{id}/password", "abc").with(as("admin"))).andExpect(status().isBadRequest());
		mvc.perform(get("/admin/users").with(as("admin"))).andExpect(header().doesNotExist("HX-Refresh"));
	}
}

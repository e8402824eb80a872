package com.numberops.portal.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.support.PortalIntegrationTest;

/** Who can sign in after start-up, in sandbox mode and with live carrier credentials. */
class StartupUsersTests extends PortalIntegrationTest {

	private static final ProvidersProperties LIVE = providers("key-id");

	static ProvidersProperties providers(String sinchKeyId) {
		return new ProvidersProperties(
				new ProvidersProperties.Sinch("project", sinchKeyId, "key-secret", ProvidersProperties.SinchAuth.BASIC, "",
						"", "", List.of("US"), List.of("LOCAL"), List.of(), ""),
				new ProvidersProperties.Flowroute("", "", ""),
				new ProvidersProperties.Http(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ZERO, Duration.ZERO, Duration.ZERO));
	}

	@Autowired
	UserRegistry registry;

	@Autowired
	Users users;

	@Autowired
	Teams teams;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	void startWith(ProvidersProperties providers, String demoPassword, String adminUsername, String adminPassword) {
		UsersProperties properties = new UsersProperties(demoPassword, adminUsername, adminPassword,
				new UsersProperties.Login(5, Duration.ofMinutes(15)));
		new UserBootstrap(providers, properties, registry, users, teams, clock, jdbc, transactions).bootstrap();
	}

	@Test
	void sandboxModeHasDemoUsersWithTheDemoPasswordAndDemoTeams() {
		assertThat(LIVE.sandboxMode()).isFalse();
		assertThat(providers("").sandboxMode()).isTrue();
		for (String name : new String[] { "admin", "operator", "viewer" }) {
			PortalUser user = users.findByUsername(name).orElseThrow();
			assertThat(encoder.matches("demo", user.getPasswordHash())).as(name).isTrue();
			assertThat(user.isEnabled()).isTrue();
		}
		assertThat(teams.findAllByOrderByName()).extracting(Team::getName).containsAll(UserBootstrap.DEMO_TEAMS);
	}

	@Test
	void aRestartInSandboxModeRestoresTheDemoUsers() {
		PortalUser viewer = users.findByUsername("viewer").orElseThrow();
		registry.changePassword(viewer, "someone-changed-it");
		startWith(providers(""), "demo", "", "");
		assertThat(encoder.matches("demo", users.findByUsername("viewer").orElseThrow().getPasswordHash())).isTrue();
	}

	@Test
	void aRestartLeavesDemoUsersThatAreAsTheyShouldBeAlone() {
		startWith(providers(""), "demo", "", "");
		PortalUser before = users.findByUsername("operator").orElseThrow();
		startWith(providers(""), "demo", "", "");
		PortalUser after = users.findByUsername("operator").orElseThrow();
		assertThat(after.getVersion()).as("not saved again").isEqualTo(before.getVersion());

		PortalUser disabled = users.findByUsername("operator").orElseThrow();
		jdbc.sql("update users set enabled = false, version = version + 1 where id = ?").param(disabled.getId()).update();
		startWith(providers(""), "demo", "", "");
		assertThat(users.findByUsername("operator").orElseThrow().isEnabled()).as("one that is not is restored").isTrue();
	}

	@Test
	void liveModeCreatesTheFirstAdminFromTheEnvironment() {
		startWith(LIVE, "demo", "Chief", "a-strong-admin-password");
		PortalUser chief = users.findByUsername("chief").orElseThrow();
		assertThat(chief.getRole()).isEqualTo(Role.ADMIN);
		assertThat(encoder.matches("a-strong-admin-password", chief.getPasswordHash())).isTrue();
		// a second start leaves the existing admin (and a password changed since) alone
		registry.changePassword(chief, "changed-by-chief-1");
		startWith(LIVE, "demo", "chief", "a-strong-admin-password");
		assertThat(encoder.matches("changed-by-chief-1", users.findByUsername("chief").orElseThrow().getPasswordHash()))
			.isTrue();
	}

	@Test
	void liveModeHasNoDefaultPassword() {
		long before = users.count();
		startWith(LIVE, "demo", "", "");
		assertThat(users.count()).isEqualTo(before);
	}

	@Test
	void aWeakFirstAdminPasswordStopsTheStart() {
		assertThatIllegalStateException().isThrownBy(() -> startWith(LIVE, "demo", "weak-admin", "short"))
			.withMessageContaining("PORTAL_ADMIN_PASSWORD")
			.withMessageNotContaining("short");
		assertThat(users.findByUsername("weak-admin")).isEmpty();
	}
}

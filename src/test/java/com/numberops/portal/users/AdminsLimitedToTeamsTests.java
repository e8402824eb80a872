package com.numberops.portal.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.numberops.portal.providers.ConnectionCheck;
import com.numberops.portal.sandbox.Fault;
import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.sandbox.web.SandboxFaultsView;
import com.numberops.portal.support.PortalHttp;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.SignedIn;

/**
 * What spans every team is for admins of every team: an admin limited to teams cannot open the
 * Providers page, break a sandbox carrier (every team's numbers live on it), run connection
 * checks, administer alerts or read the actuator's fleet-wide metrics, through the pages or the
 * services behind them; no tab leads there. An admin of every team can.
 */
class AdminsLimitedToTeamsTests extends PortalIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService people;

	@Autowired
	UserAdministration users;

	@Autowired
	SandboxFaults faults;

	@Autowired
	SandboxFaultsView faultControls;

	@Autowired
	ConnectionCheck connections;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void noFaultLeft() {
		faults.clearAll();
	}

	private String limitedAdmin() {
		long team = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "Limited " + tag);
		String username = "limited-" + tag;
		SignedIn.during(SignedIn.as(people, "admin"),
				() -> users.create(new NewUser(username, "Limited admin", Role.ADMIN, "long-enough-1", Set.of(team))));
		return username;
	}

	@Test
	void anAdminLimitedToTeamsCannotReachWhatSpansEveryTeam() {
		PortalHttp limited = PortalHttp.signIn(port, limitedAdmin(), "long-enough-1");
		long account = jdbc.queryForObject("select min(id) from provider_accounts", Long.class);

		assertThat(limited.get("/admin/providers").statusCode()).isEqualTo(403);
		assertThat(limited.send(limited.formPost("/admin/providers/faults",
				"api=SINCH&endpoint=list&serverErrorPercent=100")).statusCode()).isEqualTo(403);
		assertThat(faults.active()).as("no fault switched on").isEmpty();
		assertThat(limited.send(limited.formPost("/admin/providers/" + account + "/test", "")).statusCode())
			.isEqualTo(403);
		assertThat(limited.get("/admin/alerts").statusCode()).isEqualTo(403);
		assertThat(limited.get("/actuator/prometheus").statusCode()).isEqualTo(403);
		assertThat(limited.get("/actuator/metrics").statusCode()).isEqualTo(403);

		String usersPage = limited.get("/admin/users").body();
		assertThat(usersPage).as("their own people stay theirs").contains("id=\"admin-tokens-tab\"");
		assertThat(usersPage).as("no tab leads there")
			.doesNotContain("id=\"admin-providers-tab\"")
			.doesNotContain("id=\"admin-alerts-tab\"");
	}

	@Test
	void theServicesBehindThePagesRefuseThemToo() {
		var limited = SignedIn.as(people, limitedAdmin());
		long account = jdbc.queryForObject("select min(id) from provider_accounts", Long.class);

		assertThatThrownBy(() -> SignedIn.during(limited, () -> {
			faultControls.set(SandboxApi.SINCH, "list", Fault.serverErrors(1.0));
			return null;
		})).isInstanceOf(AuthorizationDeniedException.class);
		assertThatThrownBy(() -> SignedIn.during(limited, () -> connections.test(account)))
			.isInstanceOf(AuthorizationDeniedException.class);
		assertThat(faults.active()).isEmpty();
	}

	@Test
	void anAdminOfEveryTeamReachesThem() {
		PortalHttp admin = PortalHttp.signIn(port, "admin", "demo");
		assertThat(admin.get("/admin/providers").statusCode()).isEqualTo(200);
		assertThat(admin.get("/admin/alerts").statusCode()).isEqualTo(200);
		// not /actuator/prometheus: its gauges would keep this moment's answer for 5 s
		assertThat(admin.get("/actuator/metrics").statusCode()).isEqualTo(200);
		assertThat(admin.get("/admin/users").body()).contains("id=\"admin-providers-tab\"").contains("id=\"admin-alerts-tab\"");
		assertThat(admin.send(admin.formPost("/admin/providers/faults", "api=SINCH&endpoint=list&serverErrorPercent=100"))
			.statusCode()).isEqualTo(302);
		assertThat(faults.active()).isNotEmpty();
	}
}

package com.numberops.portal.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.numberops.portal.support.PortalHttp;
import com.numberops.portal.support.SignedIn;
import com.numberops.portal.users.NewUser;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Role;
import com.numberops.portal.users.UserAdministration;
import com.numberops.portal.support.PortalIntegrationTest;

/**
 * /admin/alerts over HTTP with a signed-in session: a rule or channel with bad input is told next
 * to its field and saves nothing; good input is listed; the page is the admins' (403 for others),
 * while the bell's list is every signed-in person's.
 */
class AlertsAdminPageTests extends PortalIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService people;

	@Autowired
	UserAdministration users;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void badRuleInputIsToldNextToItsFieldAndChangesNothing() {
		PortalHttp admin = PortalHttp.signIn(port, "admin", "demo");
		long channel = jdbc.queryForObject("""
				insert into alert_channels (kind, name, created_by) values ('PORTAL', ?, 'test') returning id""", Long.class,
				"Bell " + tag);
		long rules = count("alert_rules");

		HttpResponse<String> negative = postRule(admin, Map.of("name", "Negative " + tag, "kind", "PROVISIONING_FAILED",
				"errorCode", "CAMPAIGN_NOT_AVAILABLE", "threshold", "-3", "windowMinutes", "60"), channel);
		HttpResponse<String> noCode = postRule(admin, Map.of("name", "No code " + tag, "kind", "PROVISIONING_FAILED",
				"errorCode", "  ", "threshold", "5", "windowMinutes", "60"), channel);
		HttpResponse<String> noWindow = postRule(admin, Map.of("name", "No window " + tag, "kind", "CHANGE_FAILED",
				"threshold", "1", "windowMinutes", "0"), channel);
		HttpResponse<String> noChannel = postRule(admin, Map.of("name", "No channel " + tag, "kind", "CHANGE_FAILED",
				"threshold", "1", "windowMinutes", "60"), null);
		HttpResponse<String> notANumber = postRule(admin, Map.of("name", "Text " + tag, "kind", "CHANGE_FAILED",
				"threshold", "many", "windowMinutes", "60"), channel);
		HttpResponse<String> unknownKind = postRule(admin, Map.of("name", "Kind " + tag, "kind", "EVERYTHING",
				"threshold", "1", "windowMinutes", "60"), channel);

		assertThat(negative.statusCode()).isEqualTo(200);
		assertThat(negative.body()).contains("id=\"threshold-errors\"").contains("a whole number from 1 to 1000000");
		assertThat(noCode.body()).contains("id=\"errorCode-errors\"").contains("Name the carrier error code");
		assertThat(noWindow.body()).contains("id=\"windowMinutes-errors\"").contains("from 1 to 10080");
		assertThat(noChannel.body()).contains("id=\"channelIds-errors\"").contains("at least one channel");
		assertThat(notANumber.statusCode()).isEqualTo(200);
		assertThat(notANumber.body()).contains("id=\"threshold-errors\"");
		assertThat(unknownKind.statusCode()).isEqualTo(200);
		assertThat(unknownKind.body()).contains("id=\"kind-errors\"");
		assertThat(count("alert_rules")).as("nothing saved").isEqualTo(rules);

		HttpResponse<String> good = postRule(admin, Map.of("name", "Good " + tag, "kind", "CHANGE_FAILED", "threshold",
				"1", "windowMinutes", "60"), channel);
		assertThat(good.statusCode()).isEqualTo(302);
		String page = admin.get("/admin/alerts").body();
		assertThat(page).contains("Good " + tag);
		long rule = jdbc.queryForObject("select id from alert_rules where name = ?", Long.class, "Good " + tag);
		String row = page.substring(page.indexOf("id=\"rule-" + rule + "\""));
		assertThat(row.substring(0, row.indexOf("</tr>"))).as("its channels by name").contains("Bell " + tag)
			.contains("action=\"/admin/alerts/rules/" + rule + "/enabled\"");
		assertThat(count("alert_rules")).isEqualTo(rules + 1);
		jdbc.update("update alert_rules set enabled = false where name = ?", "Good " + tag);
	}

	@Test
	void badChannelInputIsToldNextToItsFieldAndChangesNothing() {
		PortalHttp admin = PortalHttp.signIn(port, "admin", "demo");
		long channels = count("alert_channels");

		HttpResponse<String> badUrl = postChannel(admin, Map.of("name", "Hook " + tag, "kind", "WEBHOOK", "target",
				"not a url"));
		HttpResponse<String> ftp = postChannel(admin, Map.of("name", "Hook " + tag, "kind", "WEBHOOK", "target",
				"ftp://example.com/x"));
		HttpResponse<String> shortSecret = postChannel(admin, Map.of("name", "Hook " + tag, "kind", "WEBHOOK", "target",
				"https://hooks.example.com/x", "secret", "short"));
		HttpResponse<String> badMail = postChannel(admin, Map.of("name", "Mail " + tag, "kind", "EMAIL", "target", "ops"));
		HttpResponse<String> noName = postChannel(admin, Map.of("name", " ", "kind", "PORTAL"));

		assertThat(badUrl.body()).contains("id=\"target-errors\"").contains("absolute http or https URL");
		assertThat(ftp.body()).contains("id=\"target-errors\"");
		assertThat(shortSecret.body()).contains("id=\"secret-errors\"").contains("at least 16 characters");
		assertThat(badMail.body()).contains("id=\"target-errors\"").contains("e-mail addresses");
		assertThat(noName.body()).contains("id=\"name-errors\"");
		assertThat(count("alert_channels")).as("nothing saved").isEqualTo(channels);

		HttpResponse<String> hook = postChannel(admin, Map.of("name", "Hook " + tag, "kind", "WEBHOOK", "target",
				"https://hooks.example.com/" + tag));
		assertThat(hook.statusCode()).isEqualTo(302);
		String page = admin.get("/admin/alerts").body();
		String secret = jdbc.queryForObject("select secret from alert_channels where name = ?", String.class, "Hook " + tag);
		assertThat(page).as("the made secret shown this once").contains("id=\"new-secret\"").contains(secret);
		assertThat(admin.get("/admin/alerts").body()).as("and never again").contains("Hook " + tag).doesNotContain(secret);
		jdbc.update("update alert_channels set enabled = false where name = ?", "Hook " + tag);
	}

	@Test
	void theAlertsPageIsTheAdminsAndTheBellsListEveryones() {
		for (String person : new String[] { "operator", "viewer" }) {
			PortalHttp other = PortalHttp.signIn(port, person, "demo");
			assertThat(other.get("/admin/alerts").statusCode()).as(person).isEqualTo(403);
			assertThat(other.send(other.formPost("/admin/alerts/rules", PortalHttp.form(Map.of("name", "x", "kind",
					"CHANGE_FAILED", "threshold", "1", "windowMinutes", "60")))).statusCode()).as(person).isEqualTo(403);
			HttpResponse<String> bell = other.get("/alerts");
			assertThat(bell.statusCode()).as(person).isEqualTo(200);
			assertThat(bell.body()).contains("id=\"alerts-bell\"");
		}
		PortalHttp admin = PortalHttp.signIn(port, "admin", "demo");
		HttpResponse<String> page = admin.get("/admin/alerts");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"admin-alerts-tab\"").contains("id=\"rule-form\"").contains("id=\"channel-form\"");
		assertThat(PortalHttp.anonymous(port).get("/alerts").statusCode()).as("signed out: not shown")
			.isIn(302, 401);
	}

	@Test
	void anAdminLimitedToTeamsHasNoAlertsAdministration() {
		// rules, channels and the history span every team: a rule of another team (or of every team)
		// would send its numbers to the limited admin's webhook or mailbox
		long team = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "Limited " + tag);
		long channel = jdbc.queryForObject("""
				insert into alert_channels (kind, name, created_by) values ('PORTAL', ?, 'test') returning id""", Long.class,
				"Elsewhere " + tag);
		PortalPrincipal demo = (PortalPrincipal) people.loadUserByUsername("admin");
		String username = "limited-" + tag;
		SignedIn.during(demo, () -> users.create(new NewUser(username, "Limited admin", Role.ADMIN, "long-enough-1", Set.of(team))));
		PortalHttp limited = PortalHttp.signIn(port, username, "long-enough-1");
		long rules = count("alert_rules");

		assertThat(limited.get("/admin/alerts").statusCode()).isEqualTo(403);
		assertThat(postRule(limited, Map.of("name", "Everything " + tag, "kind", "CHANGE_FAILED", "threshold", "1",
				"windowMinutes", "60"), channel).statusCode()).isEqualTo(403);
		assertThat(limited.send(limited.formPost("/admin/alerts/channels/" + channel + "/enabled", "enabled=false"))
			.statusCode()).isEqualTo(403);
		assertThat(count("alert_rules")).as("nothing saved").isEqualTo(rules);
		assertThat(limited.get("/admin/users").body()).as("no tab leads there").doesNotContain("id=\"admin-alerts-tab\"");
		assertThat(limited.get("/alerts").statusCode()).as("the bell's list stays theirs").isEqualTo(200);
		jdbc.update("update alert_channels set enabled = false where id = ?", channel);
	}

	private HttpResponse<String> postRule(PortalHttp admin, Map<String, String> fields, Long channel) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		String body = PortalHttp.form(all) + (channel == null ? "" : "&channelIds=" + channel);
		return admin.send(admin.formPost("/admin/alerts/rules", body));
	}

	private HttpResponse<String> postChannel(PortalHttp admin, Map<String, String> fields) {
		return admin.send(admin.formPost("/admin/alerts/channels", PortalHttp.form(fields)));
	}

	private long count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Long.class);
	}
}

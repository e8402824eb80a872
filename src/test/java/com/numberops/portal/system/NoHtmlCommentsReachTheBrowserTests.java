package com.numberops.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.numberops.portal.support.PortalHttp;
import com.numberops.portal.support.PortalIntegrationTest;

/**
 * The templates' notes are for whoever reads the templates: Thymeleaf drops parser-level comments
 * ({@code <!--/* ... * /-->}), while an HTML comment would go out in every page, telling anyone who
 * views the source how the pages are wired. Over real HTTP, so that the error page is the one drawn.
 */
class NoHtmlCommentsReachTheBrowserTests extends PortalIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void noPageCarriesAnHtmlComment() {
		long number = aNumber();
		PortalHttp admin = PortalHttp.signIn(port, "admin", "demo");
		// a change of its own, so that the Changes page and the number's page draw one with its buttons
		HttpResponse<String> edit = admin.send(admin.formPost("/numbers/" + number + "/edits/campaign",
				"businessCampaignId=no-comments"));
		assertThat(edit.statusCode()).isEqualTo(302);

		List<String> pages = List.of("/", "/numbers", "/numbers/" + number, "/changes", "/changes/batches",
				"/changes/bulk?ids=" + number, "/sync", "/approvals", "/admin/users", "/admin/providers",
				"/no-such-page");
		for (String path : pages) {
			HttpResponse<String> page = admin.get(path);
			assertThat(page.statusCode()).as(path).isIn(200, 404);
			assertThat(page.body()).as(path).contains("</html>").doesNotContain("<!--");
		}
		HttpResponse<String> login = PortalHttp.anonymous(port).get("/login");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("</html>").doesNotContain("<!--");
	}

	private long aNumber() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode)
				values ('SINCH', ?, 'No comments account', 'SANDBOX') returning id""", Long.class, "comments-" + tag);
		return jdbc.queryForObject("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, cap_sms, cap_voice, inventory_state, status)
				values ('+12065550999', 'No comments', 'US', 'LOCAL', ?, 'SINCH', ?, true, true, 'Ready for SMS', 'Active')
				returning id""", Long.class, account, tag);
	}
}

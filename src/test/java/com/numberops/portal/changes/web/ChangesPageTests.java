package com.numberops.portal.changes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.numberops.portal.support.PortalIntegrationTest;

/**
 * The Changes page over the real filter chain: its filters, keyset pages and team scope; bad
 * input answered with a message, never a 500; its buttons refused to viewers (403), refused for
 * changes in the wrong state (a message, nothing changed) and never redirecting off the portal.
 */
class ChangesPageTests extends PortalIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	/** The requester name of this test's changes: the page's "requested by" filter isolates them. */
	String tag;

	long teamA;

	long teamB;

	long numberA;

	long numberB;

	long failedRename;

	long succeededCnam;

	long failedSms;

	@BeforeEach
	void changes() {
		tag = "pages-" + UUID.randomUUID().toString().substring(0, 8);
		long account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode)
				values ('SINCH', ?, 'Changes page test', 'SANDBOX') returning id""", Long.class, tag);
		teamA = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, tag + "-a");
		teamB = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, tag + "-b");
		numberA = number(account, teamA, "a");
		numberB = number(account, teamB, "b");
		failedRename = change(numberA, "RENAME", "FAILED", "Rename: x → y", 3);
		succeededCnam = change(numberB, "CNAM_LOOKUPS", "SUCCEEDED", "CNAM lookups: off → on", 2);
		failedSms = change(numberA, "SMS_CONFIGURATION", "FAILED", "SMS: sp-1 → sp-2", 1);
	}

	long number(long account, long team, String suffix) {
		String e164 = "+1557" + (1_000_000 + Math.floorMod((tag + suffix).hashCode(), 8_999_999));
		return jdbc.queryForObject("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, team_id, cap_sms, inventory_state, status)
				values (?, 'Changes page test', 'US', 'LOCAL', ?, 'SINCH', ?, ?, true, 'Available', 'Active')
				returning id""", Long.class, e164, account, tag + "-" + suffix, team);
	}

	long change(long number, String kind, String state, String summary, int minutesAgo) {
		return jdbc.queryForObject("""
				insert into pending_changes (phone_number_id, kind, fields, payload, previous, state, summary, provider,
				    requested_by, created_at, updated_at)
				values (?, ?, '{}', '{}', '{"servicePlanId": "sp-1", "campaignId": ""}', ?, ?, 'SINCH', ?,
				    now() - make_interval(mins => ?), now())
				returning id""", Long.class, number, kind, state, summary, tag, minutesAgo);
	}

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	MockHttpServletRequestBuilder page(String... params) {
		MockHttpServletRequestBuilder request = get("/changes").param("user", tag);
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return request;
	}

	String html(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	String state(long change) {
		return jdbc.queryForObject("select state from pending_changes where id = ?", String.class, change);
	}

	@Test
	void filtersByStateRequesterAndProviderNewestFirst() throws Exception {
		String failed = html(page("state", "FAILED").with(as("viewer")));
		assertThat(failed).contains("id=\"change-" + failedRename + "\"", "id=\"change-" + failedSms + "\"")
			.doesNotContain("id=\"change-" + succeededCnam + "\"");
		assertThat(failed.indexOf("id=\"change-" + failedSms + "\""))
			.isLessThan(failed.indexOf("id=\"change-" + failedRename + "\""));

		assertThat(html(page("provider", "FLOWROUTE").with(as("viewer")))).contains("id=\"no-changes\"")
			.doesNotContain("class=\"change-row\"");
		assertThat(html(page().with(as("viewer")))).contains("id=\"change-" + succeededCnam + "\"");
	}

	@Test
	void anHtmxRequestGetsTheResultsAloneAndPollsOnlyWhileAChangeIsOpen() throws Exception {
		String settled = html(page().with(as("viewer")).header("HX-Request", "true"));
		assertThat(settled).contains("id=\"change-results\"").doesNotContain("<html").doesNotContain("every 2s");

		long open = change(numberB, "RENAME", "PENDING", "Rename: a → b", 0);
		String live = html(page().with(as("viewer")).header("HX-Request", "true"));
		assertThat(live).contains("id=\"change-" + open + "\"", "every 2s");
	}

	@Test
	void badInputIsExplainedNotAnError() throws Exception {
		assertThat(html(page("state", "EXPLODED").with(as("viewer")))).contains("Unknown state &quot;EXPLODED&quot;");
		String hostile = html(page("provider", "<script>alert(1)</script>", "before", "'; drop table users; --", "batch",
				"not-a-number").with(as("viewer")));
		assertThat(hostile).contains("Unknown provider").doesNotContain("<script>alert(1)</script>")
			.contains("id=\"change-" + failedRename + "\"");
		assertThat(html(page("before", "99999999999999999999999.1").with(as("viewer"))))
			.contains("id=\"change-" + failedRename + "\"");
	}

	@Test
	void pagesAreKeysetPagesWithoutGapsOrRepeats() throws Exception {
		for (int i = 0; i < 55; i++) {
			change(numberA, "RENAME", "SUCCEEDED", "Rename " + i, 10 + i);
		}
		String first = html(page().with(as("viewer")));
		assertThat(first).contains("id=\"older-changes\"");
		String older = first.replaceAll("(?s).*id=\"older-changes\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
		String second = html(get(older).with(as("viewer")));
		int onFirst = first.split("class=\"change-row\"").length - 1;
		int onSecond = second.split("class=\"change-row\"").length - 1;
		assertThat(onFirst).isEqualTo(50);
		assertThat(onFirst + onSecond).isEqualTo(58);
		assertThat(second).doesNotContain("id=\"change-" + failedSms + "\"").doesNotContain("id=\"older-changes\"");
	}

	@Test
	void aViewerSeesNoButtonsAndIsRefusedByThemAnyway() throws Exception {
		assertThat(html(page().with(as("operator")))).contains("change-retry", "change-restore");
		assertThat(html(page().with(as("viewer")))).doesNotContain("change-retry")
			.doesNotContain("change-cancel")
			.doesNotContain("change-restore");

		mvc.perform(post("/changes/" + failedRename + "/retry").with(as("viewer")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/changes/" + failedRename + "/cancel").with(as("viewer")).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(state(failedRename)).isEqualTo("FAILED");
	}

	@Test
	void aButtonForAChangeInTheWrongStateSaysSoAndChangesNothing() throws Exception {
		mvc.perform(post("/changes/" + succeededCnam + "/retry").with(as("operator")).with(csrf()).param("back", "/changes"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/changes"))
			.andExpect(flash().attribute("toast",
					org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.containsString("can be retried"))));
		mvc.perform(post("/changes/" + succeededCnam + "/restore").with(as("operator")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(state(succeededCnam)).isEqualTo("SUCCEEDED");
		assertThat(jdbc.queryForObject("select count(*) from pending_changes where phone_number_id = ?", Integer.class,
				numberB)).isEqualTo(1);
	}

	@Test
	void aButtonNeverLeadsOffThePortal() throws Exception {
		mvc.perform(post("/changes/" + succeededCnam + "/retry").with(as("operator"))
			.with(csrf())
			.param("back", "https://evil.example/phish"))
			.andExpect(redirectedUrl("/changes"));
		mvc.perform(post("/changes/" + succeededCnam + "/retry").with(as("operator"))
			.with(csrf())
			.param("back", "/numbers/" + numberB))
			.andExpect(redirectedUrl("/numbers/" + numberB));
	}

	@Test
	void aTeamLimitedPersonSeesAndTouchesOnlyTheirTeamsChanges() throws Exception {
		String username = tag.replace("pages-", "ltd");
		long user = jdbc.queryForObject("""
				insert into users (username, display_name, password_hash, role) values (?, 'Team B operator', '{noop}x', 'OPERATOR')
				returning id""", Long.class, username);
		jdbc.update("insert into user_teams (user_id, team_id) values (?, ?)", user, teamB);

		String seen = html(page().with(as(username)));
		assertThat(seen).contains("id=\"change-" + succeededCnam + "\"")
			.doesNotContain("id=\"change-" + failedRename + "\"")
			.doesNotContain("id=\"change-" + failedSms + "\"");
		mvc.perform(post("/changes/" + failedRename + "/retry").with(as(username)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(state(failedRename)).isEqualTo("FAILED");
	}
}

package com.numberops.portal.changes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.numberops.portal.changes.Change;
import com.numberops.portal.changes.ChangeLog;
import com.numberops.portal.changes.ChangeState;
import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.SignedIn;
import com.numberops.portal.users.NewUser;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Role;
import com.numberops.portal.users.UserAdministration;

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

	/** A change as above, with its next attempt this many minutes from now (negative: past). */
	long change(long number, String kind, String state, String summary, int minutesAgo, int nextInMinutes) {
		long id = change(number, kind, state, summary, minutesAgo);
		jdbc.update("update pending_changes set next_attempt_at = now() + make_interval(mins => ?) where id = ?",
				nextInMinutes, id);
		return id;
	}

	@Test
	void theOverdueFilterShowsChangesOnTheirWayLongerThanAnHourAndReleasesOnlyAfterTheirHold() throws Exception {
		long stuck = change(numberA, "RENAME", "PENDING", "Rename: a → b", 90, 5);
		long waiting = change(numberB, "SMS_CONFIGURATION", "WAITING_FOR_PROVIDER", "SMS: sp-1 → sp-3", 61);
		long recent = change(numberA, "CNAM_LOOKUPS", "IN_PROGRESS", "CNAM lookups: on → off", 59);
		long held = change(numberA, "RELEASE", "PENDING", "Release after a hold", 3 * 24 * 60, 24 * 60);
		long heldTooLong = change(numberB, "RELEASE", "PENDING", "Release after a hold", 8 * 24 * 60, -61);
		long partial = change(numberB, "MESSAGING", "PARTIAL", "Messaging: off → on", 120);
		String overdue = html(page("overdue", "true").with(as("viewer")));
		assertThat(overdue).contains("id=\"change-" + stuck + "\"", "id=\"change-" + waiting + "\"",
				"id=\"change-" + heldTooLong + "\"", "id=\"overdue\" name=\"overdue\" value=\"true\" checked",
				"On its way longer than 1 hour")
			.doesNotContain("id=\"change-" + recent + "\"", "id=\"change-" + held + "\"", "id=\"change-" + partial + "\"",
					"id=\"change-" + failedRename + "\"");
		// newest first, and the page's own links keep the filter
		assertThat(overdue.indexOf("id=\"change-" + waiting + "\"")).isLessThan(overdue.indexOf("id=\"change-" + stuck + "\""));
		assertThat(ChangeLinks.url("/changes", Map.of("overdue", "true", "user", tag), null))
			.isEqualTo("/changes?user=" + tag + "&overdue=true");
		// a viewer limited to team A sees A's overdue change only
		assertThat(html(page("overdue", "true").with(user(limitedTo(teamA))))).contains("id=\"change-" + stuck + "\"")
			.doesNotContain("id=\"change-" + waiting + "\"", "id=\"change-" + heldTooLong + "\"");
	}

	@Autowired
	ChangeLog log;

	@Autowired
	UserAdministration administration;

	UserDetails limitedTo(long team) {
		String username = "limited-" + UUID.randomUUID().toString().substring(0, 8);
		SignedIn.during((PortalPrincipal) users.loadUserByUsername("admin"),
				() -> administration.create(new NewUser(username, "Limited", Role.VIEWER,
						"long-enough-1", Set.of(team))));
		return users.loadUserByUsername(username);
	}

	@Test
	void aFilterIsCountedExactlyAsItsPageListsItNewestFirst() {
		Viewer both = new Viewer(1, Set.of(teamA, teamB));
		Viewer onlyB = new Viewer(1, Set.of(teamB));
		ChangeLog.Filter failed = ChangeLog.Filter
			.inState(ChangeState.FAILED);
		ChangeLog.Flagged flagged = log.flagged(both, failed, 5);
		assertThat(flagged.count()).isEqualTo(2);
		assertThat(flagged.first()).extracting(Change::id).containsExactly(failedSms, failedRename);
		assertThat(log.flagged(both, failed, 1).first()).hasSize(1);
		assertThat(log.flagged(onlyB, failed, 5).count()).isZero();
		assertThat(failed.link()).isEqualTo("/changes?state=FAILED");
		long stuck = change(numberB, "RENAME", "PENDING", "Rename: a → b", 90);
		ChangeLog.Flagged overdue = log.flagged(onlyB,
				ChangeLog.Filter.overdueOnes(), 5);
		assertThat(overdue.count()).isEqualTo(1);
		assertThat(overdue.first()).extracting(Change::id).containsExactly(stuck);
		assertThat(ChangeLog.Filter.overdueOnes().link()).isEqualTo("/changes?overdue=true");
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

package com.numberops.portal.changes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
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
 * The Changes side's role × team matrix over the real filter chain, with real users and CSRF
 * tokens: a person limited to team A meets another team's batch or change as a 404, sees only
 * the batches that touched team A's numbers and counts only those, and learns no requester name
 * of a change it may not see; retry, cancel and restore need the role the edit itself needs (a
 * release: admin), refused with a 403 that changes nothing, and the pages offer no such button.
 */
class ChangesScopeAndRolesTests extends PortalIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	String tag;

	long teamA;

	long teamB;

	long numberA;

	long numberB;

	/** Team A's operator (limited to team A) and an all-teams operator and admin of this test. */
	String operatorA;

	String operator;

	String admin;

	/** Requester names that only people who may see their changes may learn. */
	String requesterA;

	String requesterB;

	long changeA;

	long changeB;

	/** A batch over team B's number only, and one over both teams' numbers. */
	long batchB;

	long batchBoth;

	@BeforeEach
	void twoTeamsTheirNumbersChangesAndBatches() {
		tag = UUID.randomUUID().toString().substring(0, 8);
		long account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode)
				values ('SINCH', ?, 'Scope test', 'SANDBOX') returning id""", Long.class, "scope-" + tag);
		teamA = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "A-" + tag);
		teamB = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "B-" + tag);
		numberA = number(account, teamA, "a");
		numberB = number(account, teamB, "b");
		operatorA = person("opa-" + tag, "OPERATOR", teamA);
		operator = person("op-" + tag, "OPERATOR", null);
		admin = person("adm-" + tag, "ADMIN", null);
		requesterA = "reqa-" + tag;
		requesterB = "reqb-" + tag;
		batchB = batch(List.of(numberB), requesterB, 1, 0, "[]");
		batchBoth = batch(List.of(numberA, numberB), admin, 2, 0, "[]");
		changeA = change(numberA, "RENAME", "FAILED", requesterA, null);
		changeB = change(numberB, "RENAME", "FAILED", requesterB, batchB);
		change(numberA, "CNAM_LOOKUPS", "SUCCEEDED", admin, batchBoth);
		change(numberB, "CNAM_LOOKUPS", "FAILED", admin, batchBoth);
	}

	long number(long account, long team, String suffix) {
		String e164 = "+1558" + (1_000_000 + Math.floorMod((tag + suffix).hashCode(), 8_999_999));
		return jdbc.queryForObject("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, team_id, cap_sms, inventory_state, status)
				values (?, 'Scope test', 'US', 'LOCAL', ?, 'SINCH', ?, ?, true, 'Available', 'Active')
				returning id""", Long.class, e164, account, tag + "-" + suffix, team);
	}

	String person(String username, String role, @Nullable Long team) {
		long id = jdbc.queryForObject("""
				insert into users (username, display_name, password_hash, role) values (?, ?, '{noop}x', ?)
				returning id""", Long.class, username, "Person " + username, role);
		if (team != null) {
			jdbc.update("insert into user_teams (user_id, team_id) values (?, ?)", id, team);
		}
		return username;
	}

	/** A batch as the background submitter leaves it once every number was handled. */
	long batch(List<Long> ids, String requestedBy, int total, int skipped, String skippedReasons) {
		return jdbc.queryForObject("""
				insert into change_batches (kind, summary, selection, total, skipped, skipped_reasons, number_ids, edit,
				    requested, submitted, submitted_at, requested_by)
				values ('CNAM_LOOKUPS', 'CNAM lookups → on', ?, ?, ?, ?::jsonb, ?, '{"kind": "CNAM_LOOKUPS", "enabled": "true"}',
				    ?, ?, now(), ?) returning id""", Long.class, "selection-" + tag + "-" + ids.size(), total, skipped,
				skippedReasons, ids.toArray(Long[]::new), ids.size(), ids.size(), requestedBy);
	}

	long change(long number, String kind, String state, String requestedBy, @Nullable Long batch) {
		return jdbc.queryForObject("""
				insert into pending_changes (phone_number_id, batch_id, kind, fields, payload, previous, state, summary,
				    provider, requested_by, created_at, updated_at, settled_at)
				values (?, ?, ?, '{}', '{}', '{"servicePlanId": "sp-1", "campaignId": ""}', ?, ?, 'SINCH', ?, now(), now(),
				    case when ? in ('SUCCEEDED', 'FAILED', 'CANCELLED') then now() end)
				returning id""", Long.class, number, batch, kind, state, kind + " " + tag, requestedBy, state);
	}

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	String html(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	String state(long change) {
		return jdbc.queryForObject("select state from pending_changes where id = ?", String.class, change);
	}

	int events(long number) {
		return jdbc.queryForObject("select count(*) from number_events where phone_number_id = ?", Integer.class, number);
	}

	// ---- team scope ----

	@Test
	void anotherTeamsBatchAndChangeAreA404() throws Exception {
		mvc.perform(get("/changes/batches/" + batchB).with(as(operatorA))).andExpect(status().isNotFound());
		mvc.perform(get("/changes/batches/" + batchB).with(as(operatorA)).header("HX-Request", "true"))
			.andExpect(status().isNotFound());
		for (String action : List.of("retry", "cancel", "restore")) {
			mvc.perform(post("/changes/" + changeB + "/" + action).with(as(operatorA)).with(csrf()))
				.andExpect(status().isNotFound());
		}
		assertThat(state(changeB)).isEqualTo("FAILED");
		assertThat(events(numberB)).isZero();

		// the same pages for people who may see team B
		html(get("/changes/batches/" + batchB).with(as(operator)));
		html(get("/changes/batches/" + batchB).with(as("viewer")));
	}

	@Test
	void theBatchListShowsOnlyBatchesThatTouchedTheirNumbersCountingOnlyThose() throws Exception {
		String limited = html(get("/changes/batches").with(as(operatorA)));
		assertThat(limited).doesNotContain("id=\"batch-" + batchB + "\"").contains("id=\"batch-" + batchBoth + "\"");
		assertThat(row(limited, "batch-" + batchBoth)).contains(">1</td>").doesNotContain(">2</td>")
			.doesNotContain("selection-" + tag + "-2");

		String everyone = html(get("/changes/batches").with(as(operator)));
		assertThat(everyone).contains("id=\"batch-" + batchB + "\"", "id=\"batch-" + batchBoth + "\"");
		assertThat(row(everyone, "batch-" + batchBoth)).contains(">2</td>", "selection-" + tag + "-2");
	}

	@Test
	void aBatchOverSeveralTeamsShowsAndCountsOnlyTheirTeamsPart() throws Exception {
		String limited = html(get("/changes/batches/" + batchBoth).with(as(operatorA)));
		assertThat(limited).contains("id=\"change-", "/numbers/" + numberA)
			.doesNotContain("/numbers/" + numberB)
			.contains("1 of 1 changes settled")
			.doesNotContain("data-state=\"FAILED\"")
			.doesNotContain("selection-" + tag + "-2");

		String everyone = html(get("/changes/batches/" + batchBoth).with(as(operator)));
		assertThat(everyone).contains("/numbers/" + numberA, "/numbers/" + numberB, "2 of 2 changes settled",
				"data-state=\"FAILED\"", "selection-" + tag + "-2");
	}

	@Test
	void aBatchThatSkippedTheirNumbersAsNotVisibleToItsRequesterIsNotTheirs() throws Exception {
		// team B's operator tried team A's number: the batch left it alone, so team A has nothing to see
		long tried = batch(List.of(numberA), requesterB, 0, 1, """
				[{"numberId": %d, "number": "#%d", "reason": "%s"}]""".formatted(numberA, numberA,
				"Not visible to you (another team's number, or no such number)."));
		mvc.perform(get("/changes/batches/" + tried).with(as(operatorA))).andExpect(status().isNotFound());
		assertThat(html(get("/changes/batches").with(as(operatorA)))).doesNotContain("id=\"batch-" + tried + "\"")
			.doesNotContain(requesterB);
	}

	@Test
	void requesterNamesOfChangesTheyMayNotSeeAreNotShown() throws Exception {
		String limited = html(get("/changes").with(as(operatorA)));
		assertThat(limited).contains(requesterA).doesNotContain(requesterB);
		assertThat(html(get("/changes").param("batch", String.valueOf(batchB)).with(as(operatorA))))
			.doesNotContain(requesterB)
			.contains("id=\"no-changes\"");
		assertThat(html(get("/changes/batches").with(as(operatorA)))).doesNotContain(requesterB);

		assertThat(html(get("/changes").with(as(operator)))).contains(requesterA, requesterB);
	}

	@Test
	void anAdminLimitedToTeamADoesNotSeeTeamBsOverrideRequestsNorWhoAskedForThem() throws Exception {
		String adminA = person("adma-" + tag, "ADMIN", teamA);
		long asked = jdbc.queryForObject("""
				insert into override_requests (phone_number_id, requested_enabled, reason, requested_by)
				values (?, false, 'Spam complaints', ?) returning id""", Long.class, numberB, requesterB);

		String limited = html(get("/approvals").with(as(adminA)));
		assertThat(limited).doesNotContain(requesterB).doesNotContain("/approvals/" + asked + "/approve");
		mvc.perform(post("/approvals/" + asked + "/approve").with(as(adminA)).with(csrf()).param("version", "0"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select state from override_requests where id = ?", String.class, asked))
			.isEqualTo("PENDING");

		assertThat(html(get("/approvals").with(as(admin)))).contains(requesterB, "/approvals/" + asked + "/approve");
	}

	// ---- roles: the edit kind's role for retry, cancel and restore ----

	@Test
	void anOperatorMayNotRetryCancelOrRestoreAReleaseAndChangesNothing() throws Exception {
		long failedRelease = change(numberA, "RELEASE", "FAILED", admin, null);
		long heldRelease = change(numberB, "RELEASE", "PENDING", admin, null);
		for (String who : List.of(operator, operatorA)) {
			mvc.perform(post("/changes/" + failedRelease + "/retry").with(as(who)).with(csrf()))
				.andExpect(status().isForbidden());
			mvc.perform(post("/changes/" + failedRelease + "/restore").with(as(who)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		mvc.perform(post("/changes/" + heldRelease + "/cancel").with(as(operator)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(state(failedRelease)).isEqualTo("FAILED");
		assertThat(state(heldRelease)).isEqualTo("PENDING");
		assertThat(events(numberA)).isZero();
		assertThat(events(numberB)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from pending_changes where phone_number_id in (?, ?)",
				Integer.class, numberA, numberB)).isEqualTo(6);
	}

	@Test
	void anAdminMayRetryAndCancelAReleaseAndAnOperatorStillSettlesTheirOwnKinds() throws Exception {
		long failedRelease = change(numberA, "RELEASE", "FAILED", admin, null);
		long heldRelease = change(numberB, "RELEASE", "PENDING", admin, null);

		mvc.perform(post("/changes/" + heldRelease + "/cancel").with(as(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(state(heldRelease)).isEqualTo("CANCELLED");
		mvc.perform(post("/changes/" + failedRelease + "/retry").with(as(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select count(*) from number_events where phone_number_id = ? and type = ?",
				Integer.class, numberA, "CHANGE_RETRIED")).isEqualTo(1);

		mvc.perform(post("/changes/" + changeA + "/cancel").with(as(operatorA)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(state(changeA)).isEqualTo("CANCELLED");
	}

	@Test
	void thePagesOfferOnlyTheButtonsThePersonMayUse() throws Exception {
		long failedRelease = change(numberA, "RELEASE", "FAILED", admin, null);
		long heldRelease = change(numberA, "RELEASE", "PENDING", admin, null);
		for (String page : List.of("/changes?user=" + admin, "/numbers/" + numberA)) {
			String asOperator = html(get(page).with(as(operator)));
			assertThat(row(asOperator, "change-" + failedRelease)).as(page)
				.doesNotContain("change-retry", "change-restore", "change-cancel");
			assertThat(row(asOperator, "change-" + heldRelease)).as(page).doesNotContain("change-cancel");

			String asAdmin = html(get(page).with(as(admin)));
			assertThat(row(asAdmin, "change-" + failedRelease)).as(page).contains("change-retry", "change-cancel");
			assertThat(row(asAdmin, "change-" + heldRelease)).as(page).contains("change-cancel");
		}
		assertThat(row(html(get("/changes?user=" + requesterA).with(as(operatorA))), "change-" + changeA))
			.contains("change-retry", "change-cancel");
	}

	/** The table row with this id ("batch-12", "change-34") in a page. */
	static String row(String html, String id) {
		int at = html.indexOf("id=\"" + id + "\"");
		assertThat(at).as("row " + id).isPositive();
		int start = html.lastIndexOf("<tr", at);
		return html.substring(start, html.indexOf("</tr>", at));
	}
}

package com.numberops.portal.overrides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.validation.BindingResult;

import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.SignedIn;
import com.numberops.portal.system.Toast;
import com.numberops.portal.system.UnknownTarget;
import com.numberops.portal.users.NewUser;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Role;
import com.numberops.portal.users.UserAdministration;

/**
 * Override requests and their approval over the real database and filter chain: an approval sets
 * the number's override and its status and inventory state follow, a rejection, a supersede and a
 * clearing each leave their trace, and self-approval, the wrong role, a stale page or bad input
 * change nothing. Numbers are the test's own (its own provider account and team).
 */
class OverridesTests extends PortalIntegrationTest {

	@Autowired
	Overrides overrides;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	UserAdministration administration;

	@Autowired
	MockMvc mvc;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	long account;

	long team;

	/** A second admin: the demo admin's requests need someone else to decide them. */
	String secondAdmin;

	@BeforeEach
	void ownNumbersAndASecondAdmin() {
		account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode)
				values ('SINCH', ?, 'Overrides test account', 'SANDBOX') returning id""", Long.class, "ovr-" + tag);
		team = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "Overrides " + tag);
		secondAdmin = "admin2-" + tag;
		asAdmin(() -> administration.create(new NewUser(secondAdmin, "Second Admin", Role.ADMIN, "long-enough-1", Set.of())));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	/** As the demo admin, whose scope (all teams) user administration works within. */
	private void asAdmin(Runnable call) {
		SignedIn.during(principal("admin"), () -> {
			call.run();
			return null;
		});
		SecurityContextHolder.clearContext();
	}

	PortalPrincipal principal(String username) {
		return SignedIn.as(userDetails, username);
	}

	RequestPostProcessor as(String username) {
		return user(userDetails.loadUserByUsername(username));
	}

	/** A US Sinch number of the test's team, linked to a plan and a 10DLC campaign: Active, Ready for SMS. */
	long number(boolean enabled) {
		String e164 = "+1425" + String.format("%07d", (int) (Math.random() * 9_000_000) + 1_000_000);
		return jdbc.queryForObject("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, team_id, cap_sms, cap_voice, sms_service_plan_id, ten_dlc_campaign_id,
				    enabled, inventory_state, status)
				values (?, 'Override line', 'US', 'LOCAL', ?, 'SINCH', ?, ?, true, true, 'sp-1', 'C1', ?, ?, ?)
				returning id""", Long.class, e164, account, tag + "-" + e164 + "-" + UUID.randomUUID(), team, enabled,
				enabled ? "Ready for SMS" : "Suspended", enabled ? "Active" : "Suspended");
	}

	Map<String, Object> row(long numberId) {
		return jdbc.queryForMap("""
				select enabled, override_enabled, override_reason, override_updated_by_user_id, override_updated_at,
				       status, inventory_state, version
				from phone_numbers where id = ?""", numberId);
	}

	Map<String, Object> request(long requestId) {
		return jdbc.queryForMap("select * from override_requests where id = ?", requestId);
	}

	List<String> events(long numberId) {
		return jdbc.queryForList("select type from number_events where phone_number_id = ? order by id", String.class,
				numberId);
	}

	long userId(String username) {
		return ((PortalPrincipal) userDetails.loadUserByUsername(username)).getUserId();
	}

	@Test
	void anApprovedRequestSetsTheOverrideAndStatusAndInventoryFollow() {
		long id = number(true);
		OverrideRequest asked = overrides.request(principal("operator"), id, false, "  Spam complaints from the carrier ");
		assertThat(asked.state()).isEqualTo(OverrideState.PENDING);
		assertThat(asked.reason()).isEqualTo("Spam complaints from the carrier");
		assertThat(row(id)).containsEntry("override_enabled", null).containsEntry("status", "Active");
		assertThat(overrides.pendingCount(principal("admin"))).isPositive();

		OverrideRequest approved = overrides.approve(principal(secondAdmin), asked.id(), asked.version(), "Confirmed");

		assertThat(approved.state()).isEqualTo(OverrideState.APPROVED);
		assertThat(approved.decidedBy()).isEqualTo("Second Admin");
		assertThat(approved.decisionComment()).isEqualTo("Confirmed");
		Map<String, Object> number = row(id);
		assertThat(number).containsEntry("enabled", true)
			.containsEntry("override_enabled", false)
			.containsEntry("override_reason", "Spam complaints from the carrier")
			.containsEntry("override_updated_by_user_id", String.valueOf(userId(secondAdmin)))
			.containsEntry("status", "Suspended")
			.containsEntry("inventory_state", "Suspended");
		assertThat(number.get("override_updated_at")).isNotNull();
		assertThat(events(id)).containsExactly("OVERRIDE_REQUESTED", "OVERRIDE_APPROVED");
		assertThat(jdbc.queryForMap("""
				select field, before_value, after_value, actor_name from number_events
				where phone_number_id = ? and type = 'OVERRIDE_APPROVED'""", id))
			.containsEntry("field", "override")
			.containsEntry("before_value", "none")
			.containsEntry("after_value", "disabled")
			.containsEntry("actor_name", "Second Admin");
		// the requester sees the outcome on the number
		assertThat(overrides.latest(principal("operator"), id)).get()
			.extracting(OverrideRequest::outcome)
			.isEqualTo("Approved by Second Admin: “Confirmed”");
	}

	@Test
	void forceEnabledWinsOverTheNumbersOwnDisabledFlag() {
		long id = number(false);
		OverrideRequest asked = overrides.request(principal("operator"), id, true, "Needed for the launch");
		overrides.approve(principal("admin"), asked.id(), asked.version(), null);
		assertThat(row(id)).containsEntry("enabled", false)
			.containsEntry("override_enabled", true)
			.containsEntry("status", "Active")
			.containsEntry("inventory_state", "Ready for SMS");
	}

	@Test
	void aRejectionNeedsACommentAndLeavesTheNumberAsItIs() {
		long id = number(true);
		OverrideRequest asked = overrides.request(principal("operator"), id, false, "Spam complaints");
		Map<String, Object> before = row(id);

		assertThatThrownBy(() -> overrides.reject(principal("admin"), asked.id(), asked.version(), "  "))
			.isInstanceOf(OverrideRefused.class)
			.hasMessageContaining("Say why the request is rejected");
		assertThat(request(asked.id())).containsEntry("state", "PENDING");

		OverrideRequest rejected = overrides.reject(principal("admin"), asked.id(), asked.version(), "Complaints were resolved");

		assertThat(rejected.state()).isEqualTo(OverrideState.REJECTED);
		assertThat(rejected.outcome()).isEqualTo("Rejected by Admin: “Complaints were resolved”".replace("Admin",
				principal("admin").getDisplayName()));
		assertThat(row(id)).isEqualTo(before);
		assertThat(events(id)).containsExactly("OVERRIDE_REQUESTED", "OVERRIDE_REJECTED");
		// decided once: a second decision is refused
		assertThatThrownBy(() -> overrides.approve(principal(secondAdmin), asked.id(), rejected.version(), null))
			.isInstanceOf(OverrideRefused.class)
			.hasMessageContaining("already rejected");
	}

	@Test
	void aNewerRequestSupersedesTheOlderOne() {
		long id = number(true);
		OverrideRequest older = overrides.request(principal("operator"), id, false, "Spam complaints");
		OverrideRequest newer = overrides.request(principal("admin"), id, true, "Keep it on for the campaign");

		assertThat(request(older.id())).containsEntry("state", "SUPERSEDED").containsEntry("superseded_by", newer.id());
		assertThat(jdbc.queryForObject(
				"select count(*) from override_requests where phone_number_id = ? and state = 'PENDING'", Integer.class, id))
			.isEqualTo(1);
		assertThat(events(id)).containsExactly("OVERRIDE_REQUESTED", "OVERRIDE_SUPERSEDED", "OVERRIDE_REQUESTED");
		assertThatThrownBy(() -> overrides.approve(principal(secondAdmin), older.id(), older.version(), null))
			.isInstanceOf(OverrideRefused.class)
			.hasMessageContaining("superseded by a newer request");
		assertThat(overrides.latest(principal("operator"), id)).get().extracting(OverrideRequest::id).isEqualTo(newer.id());
		assertThat(row(id)).containsEntry("override_enabled", null);
	}

	@Test
	void anAdminClearsAnOverrideAndTheOwnFlagDecidesAgain() {
		long id = number(true);
		OverrideRequest asked = overrides.request(principal("operator"), id, false, "Spam complaints");
		overrides.approve(principal("admin"), asked.id(), asked.version(), null);
		assertThat(row(id)).containsEntry("status", "Suspended");

		assertThatThrownBy(() -> overrides.clear(principal("operator"), id)).isInstanceOf(AccessDeniedException.class);
		overrides.clear(principal(secondAdmin), id);

		assertThat(row(id)).containsEntry("override_enabled", null)
			.containsEntry("override_reason", null)
			.containsEntry("override_updated_at", null)
			.containsEntry("status", "Active")
			.containsEntry("inventory_state", "Ready for SMS");
		assertThat(request(asked.id())).containsEntry("state", "CLEARED").containsEntry("cleared_by", "Second Admin");
		assertThat(events(id)).containsExactly("OVERRIDE_REQUESTED", "OVERRIDE_APPROVED", "OVERRIDE_CLEARED");
		assertThatThrownBy(() -> overrides.clear(principal("admin"), id)).isInstanceOf(OverrideRefused.class)
			.hasMessageContaining("Nothing to clear");
	}

	@Test
	void nobodyApprovesTheirOwnRequest() {
		long id = number(true);
		OverrideRequest own = overrides.request(principal("admin"), id, false, "I saw the complaints myself");
		Map<String, Object> before = row(id);

		assertThatThrownBy(() -> overrides.approve(principal("admin"), own.id(), own.version(), null))
			.isInstanceOf(OverrideRefused.class)
			.hasMessageContaining("Nobody decides their own override request");
		assertThatThrownBy(() -> overrides.reject(principal("admin"), own.id(), own.version(), "Changed my mind"))
			.isInstanceOf(OverrideRefused.class);
		assertThat(request(own.id())).containsEntry("state", "PENDING");
		assertThat(row(id)).isEqualTo(before);
	}

	@Test
	void operatorsAndViewersCannotDecideEvenCallingTheServiceDirectly() {
		long id = number(true);
		OverrideRequest asked = overrides.request(principal("admin"), id, false, "Spam complaints");

		assertThatThrownBy(() -> overrides.approve(principal("operator"), asked.id(), asked.version(), null))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> overrides.reject(principal("viewer"), asked.id(), asked.version(), "No way"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> overrides.request(principal("viewer"), id, true, "Please"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> overrides.approvals(principal("operator"))).isInstanceOf(AccessDeniedException.class);
		assertThat(request(asked.id())).containsEntry("state", "PENDING");
		assertThat(row(id)).containsEntry("override_enabled", null);
	}

	@Test
	void aDecisionFromAStalePageIsRefused() {
		long id = number(true);
		jdbc.update("""
				update phone_numbers set override_enabled = true, override_reason = 'set earlier',
				    override_updated_at = now() where id = ?""", id);
		OverrideRequest asked = overrides.request(principal("operator"), id, false, "Spam complaints");
		long seen = asked.version();
		// meanwhile another admin clears the override the request was asked against
		overrides.clear(principal(secondAdmin), id);

		assertThatThrownBy(() -> overrides.approve(principal("admin"), asked.id(), seen, null))
			.isInstanceOf(OverrideRefused.class)
			.hasMessageContaining("changed after you opened the page");
		assertThat(request(asked.id())).containsEntry("state", "PENDING");
		assertThat(row(id)).containsEntry("override_enabled", null);

		long fresh = (Long) request(asked.id()).get("version");
		overrides.approve(principal("admin"), asked.id(), fresh, null);
		assertThat(row(id)).containsEntry("override_enabled", false);
	}

	@Test
	void badRequestsAreRefusedAndChangeNothing() {
		long id = number(true);
		assertThatThrownBy(() -> overrides.request(principal("operator"), id, false, " no "))
			.isInstanceOf(OverrideRefused.class)
			.extracting(refused -> ((OverrideRefused) refused).field())
			.isEqualTo("reason");
		assertThatThrownBy(() -> overrides.request(principal("operator"), Long.MAX_VALUE, false, "Spam complaints"))
			.isInstanceOf(UnknownTarget.class);
		assertThatThrownBy(() -> overrides.approve(principal("admin"), Long.MAX_VALUE, 0, null))
			.isInstanceOf(UnknownTarget.class);
		assertThat(jdbc.queryForObject("select count(*) from override_requests where phone_number_id = ?", Integer.class, id))
			.isZero();
		assertThat(events(id)).isEmpty();
	}

	@Test
	void anAdminLimitedToOtherTeamsDoesNotSeeTheRequest() {
		long id = number(true);
		OverrideRequest asked = overrides.request(principal("operator"), id, false, "Spam complaints");
		long otherTeam = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "Other " + tag);
		String limited = "limited-admin-" + tag;
		asAdmin(() -> administration.create(new NewUser(limited, "Limited Admin", Role.ADMIN, "long-enough-1",
				Set.of(otherTeam))));

		assertThatThrownBy(() -> overrides.approve(principal(limited), asked.id(), asked.version(), null))
			.isInstanceOf(UnknownTarget.class);
		assertThat(overrides.approvals(principal(limited)).pending()).noneMatch(item -> item.request().id() == asked.id());
		assertThat(overrides.pendingCount(principal(limited))).isZero();
		assertThat(request(asked.id())).containsEntry("state", "PENDING");
	}

	@Test
	void theWaitingRequestsAreCountedNewestFirstForTheAdminsOfTheirTeamsOnly() {
		String teamAdmin = "team-admin-" + tag;
		asAdmin(() -> administration.create(new NewUser(teamAdmin, "Team Admin", Role.ADMIN, "long-enough-1", Set.of(team))));
		OverrideRequest older = overrides.request(principal("operator"), number(true), false, "Spam complaints");
		jdbc.update("update override_requests set requested_at = now() - interval '3 hours' where id = ?", older.id());
		OverrideRequest newer = overrides.request(principal("operator"), number(false), true, "Customer escalation");
		PortalPrincipal admin = principal(teamAdmin);
		Overrides.Waiting waiting = overrides.waiting(admin, 5);
		assertThat(waiting.count()).isEqualTo(2);
		assertThat(waiting.newest()).extracting(item -> item.request().id()).containsExactly(newer.id(), older.id());
		assertThat(waiting.newest().get(1).age(waiting.now())).isEqualTo("3 hours");
		assertThat(overrides.waiting(admin, 1).newest()).hasSize(1);
		// operators are not asked
		PortalPrincipal operator = principal("operator");
		assertThatThrownBy(() -> overrides.waiting(operator, 5)).isInstanceOf(AccessDeniedException.class);
	}

	// ---- over HTTP ----

	@Test
	void viewersAndOperatorsGetA403WhenTheyPostADecision() throws Exception {
		long id = number(true);
		OverrideRequest asked = overrides.request(principal("admin"), id, false, "Spam complaints");
		SecurityContextHolder.clearContext();
		for (String who : List.of("viewer", "operator")) {
			mvc.perform(post("/approvals/" + asked.id() + "/approve").with(as(who)).with(csrf())
				.param("version", String.valueOf(asked.version())))
				.andExpect(status().isForbidden());
			mvc.perform(post("/approvals/" + asked.id() + "/reject").with(as(who)).with(csrf())
				.param("version", String.valueOf(asked.version()))
				.param("comment", "Not today"))
				.andExpect(status().isForbidden());
			mvc.perform(get("/approvals").with(as(who))).andExpect(status().isForbidden());
		}
		mvc.perform(post("/numbers/" + id + "/override").with(as("viewer")).with(csrf())
			.param("enabled", "true")
			.param("reason", "Viewers cannot ask"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/numbers/" + id + "/override/clear").with(as("operator")).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(request(asked.id())).containsEntry("state", "PENDING");
		assertThat(row(id)).containsEntry("override_enabled", null);
	}

	@Test
	void overHttpBadInputComesBackAsAMessageAndChangesNothing() throws Exception {
		long id = number(true);
		OverrideRequest own = overrides.request(principal("admin"), id, false, "Spam complaints");
		SecurityContextHolder.clearContext();

		// self-approval by a direct POST
		MvcResult self = mvc.perform(post("/approvals/" + own.id() + "/approve").with(as("admin")).with(csrf())
			.param("version", String.valueOf(own.version())))
			.andExpect(redirectedUrl("/approvals"))
			.andReturn();
		assertThat(toast(self)).contains("Nobody decides their own override request");
		// stale version
		MvcResult stale = mvc.perform(post("/approvals/" + own.id() + "/approve").with(as(secondAdmin)).with(csrf())
			.param("version", String.valueOf(own.version() + 5)))
			.andExpect(redirectedUrl("/approvals"))
			.andReturn();
		assertThat(toast(stale)).contains("changed after you opened the page");
		// unknown request, damaged id
		assertThat(toast(mvc.perform(post("/approvals/987654321/approve").with(as(secondAdmin)).with(csrf())
			.param("version", "0")).andExpect(redirectedUrl("/approvals")).andReturn()))
			.contains("Override request #987654321 was not found");
		assertThat(toast(mvc.perform(post("/approvals/abc/approve").with(as(secondAdmin)).with(csrf())
			.param("version", "0")).andExpect(redirectedUrl("/approvals")).andReturn()))
			.contains("there is no override request abc");
		// a rejection without a comment
		assertThat(toast(mvc.perform(post("/approvals/" + own.id() + "/reject").with(as(secondAdmin)).with(csrf())
			.param("version", String.valueOf(own.version()))).andExpect(redirectedUrl("/approvals")).andReturn()))
			.contains("Say why the request is rejected");
		// a request with a short reason, and without a choice
		MvcResult shortReason = mvc.perform(post("/numbers/" + id + "/override").with(as("operator")).with(csrf())
			.param("enabled", "true")
			.param("reason", "x"))
			.andExpect(redirectedUrl("/numbers/" + id))
			.andReturn();
		// the form's errors travel to the page as its binding result, shown by the shared field fragment
		BindingResult errors = (BindingResult) shortReason.getFlashMap()
			.get(BindingResult.MODEL_KEY_PREFIX + "overrideForm");
		assertThat(errors.getFieldErrors()).singleElement().satisfies(error -> {
			assertThat(error.getField()).isEqualTo("reason");
			assertThat(error.getDefaultMessage()).isEqualTo("Say why the override is needed (at least 3 characters).");
		});
		assertThat(errors.getGlobalErrors()).isEmpty();
		assertThat(toast(mvc.perform(post("/numbers/" + id + "/override").with(as("operator")).with(csrf())
			.param("reason", "Spam complaints")).andReturn())).contains("choose force enabled or force disabled");

		assertThat(request(own.id())).containsEntry("state", "PENDING");
		assertThat(jdbc.queryForObject("select count(*) from override_requests where phone_number_id = ?", Integer.class, id))
			.isEqualTo(1);
		assertThat(row(id)).containsEntry("override_enabled", null);
	}

	@Test
	void overHttpAnOperatorRequestsAndAnAdminApprovesFromTheApprovalsPage() throws Exception {
		long id = number(true);
		mvc.perform(post("/numbers/" + id + "/override").with(as("operator")).with(csrf())
			.param("enabled", "false")
			.param("reason", "Carrier flagged <b>spam</b>"))
			.andExpect(redirectedUrl("/numbers/" + id));
		Map<String, Object> asked = jdbc.queryForMap(
				"select id, version from override_requests where phone_number_id = ? and state = 'PENDING'", id);

		String page = mvc.perform(get("/approvals").with(as(secondAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"request-" + asked.get("id") + "\"", "Carrier flagged &lt;b&gt;spam&lt;/b&gt;",
				"id=\"nav-badge-APPROVALS\"");

		mvc.perform(post("/approvals/" + asked.get("id") + "/approve").with(as(secondAdmin)).with(csrf())
			.param("version", String.valueOf(asked.get("version")))
			.param("comment", "ok"))
			.andExpect(redirectedUrl("/approvals"));
		assertThat(row(id)).containsEntry("override_enabled", false).containsEntry("status", "Suspended");

		String number = mvc.perform(get("/numbers/" + id).with(as("operator")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(number).contains("id=\"override-request\" data-state=\"APPROVED\"", "Approved by Second Admin",
				"data-enabled=\"false\"");
	}

	private static String toast(MvcResult result) {
		Object toast = result.getFlashMap().get("toast");
		return toast instanceof Toast t ? t.message() : "";
	}
}

package com.numberops.portal.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.numberops.portal.changes.Edit;
import com.numberops.portal.changes.NumberEdits;
import com.numberops.portal.numbers.EditRefused;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.system.UnknownTarget;
import com.numberops.portal.users.NewUser;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Role;
import com.numberops.portal.users.UserAdministration;

/**
 * The operators' warmup controls: a pause needs a reason, illegal transitions and ineligible
 * numbers are refused with the reason and change nothing, viewers and other teams are refused,
 * and a disabled number's warmup is blocked in the same transaction as the enablement edit.
 */
class WarmupServiceTests extends PortalIntegrationTest {

	@Autowired
	WarmupService warmup;

	@Autowired
	NumberEdits edits;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UserAdministration administration;

	@Autowired
	MockMvc mvc;

	WarmupTestNumbers numbers;

	PortalPrincipal operator;

	@BeforeEach
	void setUp() {
		numbers = new WarmupTestNumbers(jdbc);
		operator = WarmupTestNumbers.signIn(users, "operator");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	Map<String, Object> row(long id) {
		return jdbc.queryForMap("""
				select warmup_enabled, warmup_state, warmup_pause_reason, call_warmup_enabled, call_warmup_state,
				       call_warmup_pause_reason, health_reason, version
				from phone_numbers where id = ?""", id);
	}

	List<Map<String, Object>> events(long id) {
		return jdbc.queryForList("""
				select type, title, details, before_value, after_value, source, actor_name from number_events
				where phone_number_id = ? order by id""", id);
	}

	@Test
	void anOperatorTurnsOnPausesWithAReasonResumesAndTurnsOff() {
		long id = numbers.eligible(n -> true);
		warmup.turnOn(operator, id, Channel.SMS);
		assertThat(row(id)).containsEntry("warmup_enabled", true).containsEntry("warmup_state", "Warming");
		warmup.pause(operator, id, Channel.SMS, "  Carrier complaint, checking content  ");
		assertThat(row(id)).containsEntry("warmup_state", "Paused")
			.containsEntry("warmup_pause_reason", "Carrier complaint, checking content");
		warmup.resume(operator, id, Channel.SMS);
		assertThat(row(id)).containsEntry("warmup_state", "Warming").containsEntry("warmup_pause_reason", null);
		warmup.turnOff(operator, id, Channel.SMS);
		assertThat(row(id)).containsEntry("warmup_enabled", false).containsEntry("warmup_state", "Not Started");

		assertThat(events(id)).extracting(e -> e.get("title") + ": " + e.get("before_value") + " → " + e.get("after_value"))
			.containsExactly("SMS warmup turned on: Not Started → Warming", "SMS warmup paused: Warming → Paused",
					"SMS warmup resumed: Paused → Warming", "SMS warmup turned off: Warming → Not Started");
		assertThat(events(id).get(1)).containsEntry("details", "Reason: Carrier complaint, checking content")
			.containsEntry("source", "PORTAL")
			.containsEntry("actor_name", operator.getDisplayName())
			.containsEntry("type", "WARMUP");
	}

	@Test
	void aPauseNeedsAReasonOfAtMost200Characters() {
		long id = numbers.eligible(n -> true);
		warmup.turnOn(operator, id, Channel.CALL);
		Map<String, Object> before = row(id);
		for (String reason : new String[] { null, "", "   " }) {
			assertThatThrownBy(() -> warmup.pause(operator, id, Channel.CALL, reason)).isInstanceOfSatisfying(
					EditRefused.class, refused -> assertThat(refused.problems()).singleElement()
						.satisfies(p -> assertThat(p.field()).isEqualTo("reason"))
						.satisfies(p -> assertThat(p.message()).isEqualTo("Say why warmup is paused.")));
		}
		assertThatThrownBy(() -> warmup.pause(operator, id, Channel.CALL, "x".repeat(201)))
			.isInstanceOf(EditRefused.class)
			.hasMessage("A pause reason is at most 200 characters.");
		warmup.pause(operator, id, Channel.CALL, "y".repeat(200));
		assertThat(row(id)).containsEntry("call_warmup_state", "Paused");
		assertThat(before).containsEntry("call_warmup_state", "Warming");
	}

	@Test
	void illegalTransitionsAreRefusedWithTheMachinesReasonAndChangeNothing() {
		long id = numbers.eligible(n -> true);
		Map<String, Object> before = row(id);
		assertThatThrownBy(() -> warmup.resume(operator, id, Channel.SMS)).isInstanceOf(EditRefused.class)
			.hasMessage("Only paused SMS warmup can be resumed; this one is Not Started.");
		assertThatThrownBy(() -> warmup.pause(operator, id, Channel.SMS, "why")).isInstanceOf(EditRefused.class)
			.hasMessage("SMS warmup is off: there is nothing to pause.");
		assertThatThrownBy(() -> warmup.turnOff(operator, id, Channel.CALL)).isInstanceOf(EditRefused.class)
			.hasMessage("Call warmup is already off.");
		warmup.turnOn(operator, id, Channel.SMS);
		assertThatThrownBy(() -> warmup.turnOn(operator, id, Channel.SMS)).isInstanceOf(EditRefused.class)
			.hasMessage("SMS warmup is already on (Warming).");
		assertThat(row(id).get("warmup_state")).isEqualTo("Warming");
		assertThat(events(id)).hasSize(1);
		assertThat(before).containsEntry("warmup_state", null);
	}

	@Test
	void anIneligibleNumberIsRefusedWithWhy() {
		long noWarmup = numbers.eligible(n -> true);
		jdbc.update("update phone_numbers set cap_warmup = false where id = ?", noWarmup);
		assertThatThrownBy(() -> warmup.turnOn(operator, noWarmup, Channel.SMS)).isInstanceOf(EditRefused.class)
			.hasMessage("SMS warmup cannot start: This number does not have the warmup capability.");
		long noVoice = numbers.eligible(n -> true);
		jdbc.update("update phone_numbers set cap_voice = false where id = ?", noVoice);
		assertThatThrownBy(() -> warmup.turnOn(operator, noVoice, Channel.CALL)).isInstanceOf(EditRefused.class)
			.hasMessage("Call warmup cannot start: This number does not have the voice capability.");
		warmup.turnOn(operator, noVoice, Channel.SMS);
		long suspended = numbers.eligible(n -> true);
		jdbc.update("update phone_numbers set status = 'Suspended' where id = ?", suspended);
		assertThatThrownBy(() -> warmup.turnOn(operator, suspended, Channel.SMS)).isInstanceOf(EditRefused.class)
			.hasMessage("SMS warmup cannot start: This number is Suspended, not Active.");
		assertThat(events(noWarmup)).isEmpty();
		assertThat(events(suspended)).isEmpty();
	}

	@Test
	void disablingTheNumberBlocksItsWarmupInTheSameTransactionAndEnablingUnblocksIt() {
		long id = numbers.eligible(n -> true);
		warmup.turnOn(operator, id, Channel.SMS);
		warmup.turnOn(operator, id, Channel.CALL);
		edits.submit(operator, id, new Edit.Enablement(false), null, null);
		assertThat(row(id)).containsEntry("warmup_state", "Blocked").containsEntry("call_warmup_state", "Blocked")
			.containsEntry("health_reason", "This number is disabled.");
		assertThat(events(id)).filteredOn(e -> "Blocked".equals(e.get("after_value")))
			.extracting(e -> e.get("type") + " " + e.get("source") + " " + e.get("actor_name"))
			.containsExactlyInAnyOrder("WARMUP PORTAL " + operator.getDisplayName(),
					"CALL_WARMUP PORTAL " + operator.getDisplayName());
		assertThatThrownBy(() -> warmup.pause(operator, id, Channel.SMS, "why")).isInstanceOf(EditRefused.class)
			.hasMessageContaining("blocked");

		edits.submit(operator, id, new Edit.Enablement(true), null, null);
		assertThat(row(id)).containsEntry("call_warmup_state", "Warming");
		// the enablement edit recomputes the derived status: with a plan linked it is Active again
		assertThat(row(id).get("warmup_state")).isEqualTo(
				"Active".equals(jdbc.queryForObject("select status from phone_numbers where id = ?", String.class, id))
						? "Warming" : "Blocked");
	}

	@Test
	void aViewerIsRefusedAndAnotherTeamsNumberIsNotThere() throws Exception {
		long id = numbers.eligible(n -> true);
		PortalPrincipal viewer = WarmupTestNumbers.signIn(users, "viewer");
		assertThatThrownBy(() -> warmup.turnOn(viewer, id, Channel.SMS)).isInstanceOf(AccessDeniedException.class);
		mvc.perform(post("/numbers/" + id + "/warmup/sms/on").with(user(users.loadUserByUsername("viewer"))).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(row(id)).containsEntry("warmup_state", null);

		long team = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class,
				"Warmup team " + id);
		String username = "warmup-limited-" + id;
		WarmupTestNumbers.signIn(users, "admin");
		administration.create(new NewUser(username, "Limited " + id, Role.OPERATOR, "long-enough-1", Set.of(team)));
		PortalPrincipal limited = WarmupTestNumbers.signIn(users, username);
		assertThatThrownBy(() -> warmup.turnOn(limited, id, Channel.SMS)).isInstanceOf(UnknownTarget.class);
		assertThat(row(id)).containsEntry("warmup_state", null);
	}
}

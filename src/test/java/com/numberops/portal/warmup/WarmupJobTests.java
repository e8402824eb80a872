package com.numberops.portal.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.users.PortalPrincipal;

/**
 * The warmup job on Postgres over a simulated clock: each run is called with the instant of the
 * next ramp day (nobody sleeps). Healthy sandbox numbers ramp to Ready / Warmed, troubled ones
 * (the sandbox's one in eight) end in Needs Attention, a disabled number is blocked with the
 * reason and unblocked when enabled again; every transition is an event from the scheduler.
 */
class WarmupJobTests extends PortalIntegrationTest {

	@Autowired
	WarmupJob job;

	@Autowired
	WarmupService warmup;

	@Autowired
	WarmupProperties properties;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

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
				select warmup_enabled, warmup_state, warmup_progress_percent, warmup_health_score, warmup_next_action_at,
				       warmup_ramp_day, health_status, health_reason, call_warmup_state, call_warmup_stage,
				       call_warmup_health_reason, call_warmup_next_action_at
				from phone_numbers where id = ?""", id);
	}

	/** Now, as Postgres keeps it (microseconds), so instants read back compare equal. */
	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	/** Runs the job once per simulated day, from the day after now, for this many days. */
	Instant days(Instant from, int count) {
		Instant at = from;
		for (int day = 1; day <= count; day++) {
			at = from.plus(properties.day().multipliedBy(day)).plusSeconds(60);
			job.advance(at);
		}
		return at;
	}

	List<Map<String, Object>> events(long id, String type) {
		return jdbc.queryForList("""
				select title, details, before_value, after_value, source, actor_name from number_events
				where phone_number_id = ? and type = ? order by id""", id, type);
	}

	@Test
	void healthyNumbersRampToReadyAndTroubledOnesEndInNeedsAttention() {
		List<Long> healthy = numbers.eligible(n -> !SandboxDeliverySignals.troubled(Channel.SMS, n), 4);
		List<Long> troubled = numbers.eligible(n -> SandboxDeliverySignals.troubled(Channel.SMS, n), 2);
		Instant start = now();
		for (long id : healthy) {
			warmup.turnOn(operator, id, Channel.SMS);
		}
		for (long id : troubled) {
			warmup.turnOn(operator, id, Channel.SMS);
		}
		int total = properties.smsPlan().totalDays();

		// not due yet: a run now changes nothing
		job.advance(start.plusSeconds(60));
		assertThat(row(healthy.get(0))).containsEntry("warmup_state", "Warming").containsEntry("warmup_progress_percent", 0);

		// one day on: one step, Healthy, progress and health filled in, next action a day later
		Instant day1 = days(start, 1);
		Map<String, Object> after1 = row(healthy.get(0));
		assertThat(after1).containsEntry("warmup_state", "Healthy").containsEntry("warmup_ramp_day", 1)
			.containsEntry("warmup_progress_percent", properties.smsPlan().progressPercent(1));
		assertThat((Integer) after1.get("warmup_health_score")).isBetween(91, 99);
		assertThat(((java.sql.Timestamp) after1.get("warmup_next_action_at")).toInstant())
			.isEqualTo(day1.plus(properties.day()));
		// a second run at the same instant does not step again
		job.advance(day1);
		assertThat(row(healthy.get(0))).containsEntry("warmup_ramp_day", 1);

		days(day1, total + 3);
		for (long id : healthy) {
			assertThat(row(id)).containsEntry("warmup_state", "Ready")
				.containsEntry("warmup_progress_percent", 100)
				.containsEntry("health_status", "Ready")
				.containsEntry("warmup_next_action_at", null);
			assertThat(events(id, "WARMUP")).extracting(e -> e.get("before_value") + "→" + e.get("after_value"))
				.containsExactly("Not Started→Warming", "Warming→Healthy", "Healthy→Ready");
			assertThat(events(id, "WARMUP").get(2)).containsEntry("source", "SCHEDULER")
				.containsEntry("title", "SMS warmup complete");
		}
		for (long id : troubled) {
			Map<String, Object> stuck = row(id);
			assertThat(stuck).containsEntry("warmup_state", "Needs Attention").containsEntry("health_status", "Needs Attention");
			assertThat((Integer) stuck.get("warmup_health_score")).isLessThan(properties.attentionBelow());
			assertThat((String) stuck.get("health_reason")).contains("Delivery rate").contains("is below 80%");
			// the ramp held on the day the signal went bad
			assertThat(stuck.get("warmup_ramp_day")).isEqualTo(SandboxDeliverySignals.TROUBLE_FROM_DAY);
			assertThat(events(id, "WARMUP")).extracting(e -> e.get("after_value"))
				.containsExactly("Warming", "Healthy", "Needs Attention");
			assertThat(events(id, "WARMUP").get(2)).containsEntry("source", "SCHEDULER")
				.containsEntry("actor_name", "Warmup job");
		}
	}

	@Test
	void callWarmupClimbsTheStagesToWarmed() {
		long calls = numbers.eligible(n -> !SandboxDeliverySignals.troubled(Channel.CALL, n));
		long troubled = numbers.eligible(n -> SandboxDeliverySignals.troubled(Channel.CALL, n));
		Instant start = now();
		warmup.turnOn(operator, calls, Channel.CALL);
		warmup.turnOn(operator, troubled, Channel.CALL);
		assertThat(row(calls)).containsEntry("call_warmup_state", "Warming").containsEntry("call_warmup_stage", 0);

		days(start, properties.callPlan().totalDays() + 2);

		assertThat(row(calls)).containsEntry("call_warmup_state", "Warmed").containsEntry("call_warmup_stage", 4)
			.containsEntry("call_warmup_next_action_at", null);
		List<Map<String, Object>> climbed = events(calls, "CALL_WARMUP");
		assertThat(climbed).extracting(e -> (String) e.get("details"))
			.filteredOn(d -> d != null && d.startsWith("Stage "))
			.containsExactly("Stage 0 → Stage 1 (10 calls a day).", "Stage 1 → Stage 2 (20 calls a day).",
					"Stage 2 → Stage 3 (40 calls a day).", "Stage 3 → Stage 4 (60 calls a day).");
		assertThat(climbed.get(climbed.size() - 1)).containsEntry("after_value", "Warmed").containsEntry("source", "SCHEDULER");

		assertThat(row(troubled)).containsEntry("call_warmup_state", "Needs Attention");
		assertThat((String) row(troubled).get("call_warmup_health_reason")).contains("Answer rate");
	}

	@Test
	void aDisabledNumbersWarmupIsBlockedWithTheReasonAndGoesOnWhenEnabledAgain() {
		long id = numbers.eligible(n -> !SandboxDeliverySignals.troubled(Channel.SMS, n));
		Instant start = now();
		warmup.turnOn(operator, id, Channel.SMS);
		Instant day1 = days(start, 1);
		jdbc.update("update phone_numbers set enabled = false, status = 'Suspended' where id = ?", id);

		job.advance(day1.plusSeconds(60));

		assertThat(row(id)).containsEntry("warmup_state", "Blocked")
			.containsEntry("health_reason", "This number is disabled.")
			.containsEntry("warmup_next_action_at", null)
			.containsEntry("warmup_ramp_day", 1);
		Map<String, Object> blocked = events(id, "WARMUP").get(events(id, "WARMUP").size() - 1);
		assertThat(blocked).containsEntry("title", "SMS warmup blocked")
			.containsEntry("before_value", "Healthy")
			.containsEntry("after_value", "Blocked")
			.containsEntry("details", "This number is disabled.")
			.containsEntry("source", "SCHEDULER");
		// days go by: it stays blocked, the ramp does not move
		Instant later = days(day1, 3);
		assertThat(row(id)).containsEntry("warmup_state", "Blocked").containsEntry("warmup_ramp_day", 1);

		jdbc.update("update phone_numbers set enabled = true, status = 'Active' where id = ?", id);
		job.advance(later.plusSeconds(60));
		assertThat(row(id)).containsEntry("warmup_state", "Warming").containsEntry("health_reason", null);
		assertThat(events(id, "WARMUP").get(events(id, "WARMUP").size() - 1)).containsEntry("after_value", "Warming")
			.containsEntry("title", "SMS warmup unblocked");
		days(later.plusSeconds(60), properties.smsPlan().totalDays());
		assertThat(row(id)).as(events(id, "WARMUP").toString()).containsEntry("warmup_state", "Ready");
	}

	@Test
	void aPausedNumberIsLeftAlone() {
		long id = numbers.eligible(n -> true);
		Instant start = now();
		warmup.turnOn(operator, id, Channel.SMS);
		warmup.pause(operator, id, Channel.SMS, "Customer asked to hold");
		days(start, 5);
		assertThat(row(id)).containsEntry("warmup_state", "Paused").containsEntry("warmup_ramp_day", 0)
			.containsEntry("warmup_next_action_at", null);
		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMinutes(5));
	}
}

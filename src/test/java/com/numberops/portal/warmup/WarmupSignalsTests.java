package com.numberops.portal.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.users.PortalPrincipal;

/**
 * Live numbers' delivery reports on Postgres, through POST /api/warmup-signals and the warmup
 * job over a simulated clock: a report below the attention threshold puts both warmups in Needs
 * Attention, they recover as the rules say (not at 85 %, at 95 %) and ramp on; a live number
 * without reports ramps on schedule with no score, as before; a report sent again for the same
 * day changes nothing at all; the number's page says where its health comes from.
 *
 * <p>The endpoint takes no day after today (the real clock); the job's later days are simulated,
 * so the reports of those days are stored as the endpoint would store them, through the store.
 */
class WarmupSignalsTests extends PortalIntegrationTest {

	static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	@Autowired
	WarmupJob job;

	@Autowired
	WarmupService warmup;

	@Autowired
	WarmupSignalStore store;

	@Autowired
	WarmupProperties properties;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvc mvc;

	WarmupTestNumbers live;

	PortalPrincipal operator;

	@BeforeEach
	void setUp() {
		live = new WarmupTestNumbers(jdbc, "LIVE");
		operator = WarmupTestNumbers.signIn(users, "operator");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aReportBelowTheThresholdNeedsAttentionAndGoodReportsRecoverIt() throws Exception {
		long id = live.eligible(n -> true);
		long unreported = live.eligible(n -> true);
		Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		for (long number : List.of(id, unreported)) {
			warmup.turnOn(operator, number, Channel.SMS);
			warmup.turnOn(operator, number, Channel.CALL);
		}
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		send(report(id, today, "100, 60, 30, 2", "50, 20, 4")).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(2));

		Instant day1 = start.plus(properties.day()).plusSeconds(60);
		job.advance(day1);
		assertThat(row(id)).containsEntry("warmup_state", "Needs Attention")
			.containsEntry("warmup_health_score", 60)
			.containsEntry("warmup_ramp_day", 0)
			.containsEntry("call_warmup_state", "Needs Attention")
			.containsEntry("call_warmup_ramp_day", 0);
		assertThat((String) row(id).get("health_reason")).isEqualTo("Delivery rate 60% on ramp day 1 is below 80%.");
		assertThat((String) row(id).get("call_warmup_health_reason")).isEqualTo("Answer rate 40% on ramp day 1 is below 80%.");
		assertThat(lastEvent(id, "WARMUP")).containsEntry("after_value", "Needs Attention").containsEntry("source", "SCHEDULER");
		// no report, no signal: on schedule as live numbers always were, no score
		assertThat(row(unreported)).containsEntry("warmup_state", "Healthy")
			.containsEntry("warmup_ramp_day", 1)
			.containsEntry("warmup_health_score", null)
			.containsEntry("call_warmup_state", "Warming")
			.containsEntry("call_warmup_ramp_day", 1);

		// better, but short of the 90 % needed to recover: the ramp still holds
		Instant day2 = day1.plus(properties.day());
		reported(id, day2, 100, 85, 50, 44);
		job.advance(day2);
		assertThat(row(id)).containsEntry("warmup_state", "Needs Attention")
			.containsEntry("warmup_health_score", 85)
			.containsEntry("warmup_ramp_day", 0)
			.containsEntry("call_warmup_state", "Needs Attention");
		assertThat((String) row(id).get("health_reason")).isEqualTo("Delivery rate 85% is still below the 90% needed to recover.");

		// good: back to Warming, then on along the ramp
		Instant day3 = day2.plus(properties.day());
		reported(id, day3, 100, 95, 50, 48);
		job.advance(day3);
		assertThat(row(id)).containsEntry("warmup_state", "Warming")
			.containsEntry("warmup_health_score", 95)
			.containsEntry("health_reason", null)
			.containsEntry("call_warmup_state", "Warming")
			.containsEntry("call_warmup_health_reason", null);
		assertThat(lastEvent(id, "WARMUP")).containsEntry("title", "SMS warmup recovered");
		assertThat(lastEvent(id, "CALL_WARMUP")).containsEntry("title", "Call warmup recovered");

		Instant day4 = day3.plus(properties.day());
		reported(id, day4, 200, 196, 60, 57);
		job.advance(day4);
		assertThat(row(id)).containsEntry("warmup_state", "Healthy")
			.containsEntry("warmup_health_score", 98)
			.containsEntry("warmup_ramp_day", 1)
			.containsEntry("call_warmup_state", "Warming")
			.containsEntry("call_warmup_ramp_day", 1);
		assertThat(events(id, "WARMUP")).extracting(e -> e.get("after_value"))
			.containsExactly("Warming", "Needs Attention", "Warming", "Healthy");
	}

	@Test
	void aReportSentAgainForTheSameDayChangesNothing() throws Exception {
		long id = live.eligible(n -> true);
		Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		warmup.turnOn(operator, id, Channel.SMS);
		warmup.turnOn(operator, id, Channel.CALL);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String body = report(id, today, "100, 60, 30, 2", "50, 20, 4");
		send(body).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2));
		job.advance(start.plus(properties.day()).plusSeconds(60));
		assertThat(row(id)).containsEntry("warmup_state", "Needs Attention");

		List<Map<String, Object>> stored = reports(id);
		Map<String, Object> number = row(id);
		int events = events(id, null).size();

		send(body).andExpect(status().isOk())
			.andExpect(jsonPath("$.reports").value(1))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.replaced").value(0))
			.andExpect(jsonPath("$.unchanged").value(2));
		// the same by E.164 instead of the id, and by another operator: the first who and when stay
		send(body.replace("\"phoneNumberId\": \"" + id + "\"", "\"number\": \"" + live.number(id) + "\""), "admin")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unchanged").value(2));

		assertThat(reports(id)).isEqualTo(stored);
		assertThat(stored).hasSize(2).allSatisfy(r -> assertThat(r.get("reported_by")).asString().contains("operator"));
		assertThat(row(id)).isEqualTo(number);
		assertThat(events(id, null)).hasSize(events);

		// different counts for that day replace the day's, never add to them
		send(report(id, today, "150, 90, 40, 3", null)).andExpect(status().isOk())
			.andExpect(jsonPath("$.replaced").value(1));
		assertThat(reports(id)).hasSize(2).filteredOn(r -> "SMS".equals(r.get("channel")))
			.singleElement()
			.satisfies(r -> assertThat(r).containsEntry("attempted", 150).containsEntry("succeeded", 90)
				.containsEntry("carrier_rejected", 40).containsEntry("opt_outs", 3));
		// the calls of that day, not reported again, stay as they were
		assertThat(reports(id)).filteredOn(r -> "CALL".equals(r.get("channel")))
			.singleElement()
			.satisfies(r -> assertThat(r).containsEntry("attempted", 50).containsEntry("succeeded", 20));
	}

	@Test
	void theNumberPageSaysWhereItsHealthComesFrom() throws Exception {
		long reported = live.eligible(n -> true);
		long unreported = live.eligible(n -> true);
		long sandbox = new WarmupTestNumbers(jdbc).eligible(n -> true);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		send(report(reported, today, "120, 112, 3, 1", "40, 30, 2")).andExpect(status().isOk());

		page(reported).andExpect(content().string(containsString("Health from delivery reports of " + today.format(SHOWN)
				+ " (sent 120, delivered 112, carrier-rejected 3, opt-outs 1): 93% delivered.")))
			.andExpect(content().string(containsString("Health from call reports of " + today.format(SHOWN)
					+ " (placed 40, answered 30, flagged as spam 2): 75% answered.")))
			.andExpect(content().string(containsString("id=\"warmup-sms-signals\"")));
		page(unreported).andExpect(content().string(containsString("No delivery reports: ramping on schedule.")))
			.andExpect(content().string(containsString("No call reports: ramping on schedule.")));
		page(sandbox).andExpect(content().string(containsString("Sandbox signals: made-up delivery rates")))
			.andExpect(content().string(not(containsString("No delivery reports"))));

		// too old to speak for today: said so, and on schedule
		store.put(unreported, DailyCounts.sms(today.minusDays(properties.reportFreshDays() + 1), 10, 9, 0, 0), null,
				"test", Instant.now());
		page(unreported).andExpect(content().string(containsString("Latest report, of "
				+ today.minusDays(properties.reportFreshDays() + 1).format(SHOWN) + ", is more than "
				+ properties.reportFreshDays() + " days old: ramping on schedule.")));
	}

	/** Stores the reports of the simulated day {@code at} is in, as the endpoint would. */
	void reported(long id, Instant at, int sent, int delivered, int placed, int answered) {
		LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
		store.put(id, DailyCounts.sms(day, sent, delivered, sent - delivered, 0), null, "test", at);
		store.put(id, DailyCounts.calls(day, placed, answered, 0), null, "test", at);
	}

	static String report(long id, LocalDate day, String sms, String calls) {
		String smsPart = "";
		if (sms != null) {
			String[] c = sms.split(",\\s*");
			smsPart = ", \"sms\": {\"sent\": %s, \"delivered\": %s, \"carrierRejected\": %s, \"optOuts\": %s}"
				.formatted((Object[]) c);
		}
		String callsPart = "";
		if (calls != null) {
			String[] c = calls.split(",\\s*");
			callsPart = ", \"calls\": {\"placed\": %s, \"answered\": %s, \"flaggedSpam\": %s}".formatted((Object[]) c);
		}
		return "{\"reports\": [{\"phoneNumberId\": \"" + id + "\", \"day\": \"" + day + "\"" + smsPart + callsPart + "}]}";
	}

	ResultActions send(String body) throws Exception {
		return send(body, "operator");
	}

	ResultActions send(String body, String username) throws Exception {
		return mvc.perform(post("/api/warmup-signals").with(user(users.loadUserByUsername(username)))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.content(body));
	}

	ResultActions page(long id) throws Exception {
		return mvc.perform(get("/numbers/" + id).with(user(users.loadUserByUsername("operator"))))
			.andExpect(status().isOk());
	}

	Map<String, Object> row(long id) {
		return jdbc.queryForMap("""
				select version, warmup_enabled, warmup_state, warmup_progress_percent, warmup_health_score,
				       warmup_next_action_at, warmup_ramp_day, health_status, health_reason, call_warmup_state,
				       call_warmup_stage, call_warmup_ramp_day, call_warmup_health_reason, call_warmup_next_action_at
				from phone_numbers where id = ?""", id);
	}

	List<Map<String, Object>> reports(long id) {
		return jdbc.queryForList("select * from warmup_signal_reports where phone_number_id = ? order by channel, day", id);
	}

	List<Map<String, Object>> events(long id, String type) {
		return jdbc.queryForList("""
				select title, details, before_value, after_value, source from number_events
				where phone_number_id = ? and (?::text is null or type = ?) order by id""", id, type, type);
	}

	Map<String, Object> lastEvent(long id, String type) {
		List<Map<String, Object>> events = events(id, type);
		return events.get(events.size() - 1);
	}
}

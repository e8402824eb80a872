package com.numberops.portal.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.numberops.portal.support.PortalIntegrationTest;

/**
 * POST /api/warmup-signals over HTTP (MockMvc, signed in as the API's clients will be): bad
 * input of every kind is a problem answer naming the report and field, and nothing of the batch
 * is stored, not even its good reports; viewers are refused; another team's number is refused in
 * the same words as one that does not exist.
 */
class WarmupSignalsApiTests extends PortalIntegrationTest {

	static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	String tag;

	long liveAccount;

	long team;

	/** A live number in {@link #team}, and one in no team. */
	long ours;

	long other;

	long sandbox;

	/** An operator limited to {@link #team}. */
	String limited;

	@BeforeEach
	void numbers() {
		tag = UUID.randomUUID().toString().substring(0, 8);
		liveAccount = account("LIVE");
		team = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "Signals " + tag);
		ours = number(liveAccount, team);
		other = number(liveAccount, null);
		sandbox = number(account("SANDBOX"), null);
		limited = "signals-" + tag;
		long userId = jdbc.queryForObject("""
				insert into users (username, display_name, password_hash, role) values (?, ?, 'not-a-hash', 'OPERATOR')
				returning id""", Long.class, limited, "Limited " + tag);
		jdbc.update("insert into user_teams (user_id, team_id) values (?, ?)", userId, team);
	}

	long account(String mode) {
		return jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode)
				values ('SINCH', ?, 'Signals test account', ?) returning id""", Long.class, "signals-" + mode + "-" + tag, mode);
	}

	long number(long account, Long teamId) {
		String e164 = "+1628" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		return jdbc.queryForObject("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, cap_sms, cap_voice, cap_warmup, inventory_state, status, team_id)
				values (?, 'Signals test', 'US', 'LOCAL', ?, 'SINCH', ?, true, true, true, 'Assigned', 'Active', ?)
				returning id""", Long.class, e164, account, tag + "-" + e164, teamId);
	}

	static String report(Object id, Object day, String sms) {
		return "{\"phoneNumberId\": \"" + id + "\", \"day\": \"" + day + "\", \"sms\": " + sms + "}";
	}

	static String sms(long sent, long delivered) {
		return "{\"sent\": " + sent + ", \"delivered\": " + delivered + ", \"carrierRejected\": 0, \"optOuts\": 0}";
	}

	static String batch(String... reports) {
		return "{\"reports\": [" + String.join(", ", reports) + "]}";
	}

	ResultActions send(String body, String username) throws Exception {
		return mvc.perform(post("/api/warmup-signals").with(user(users.loadUserByUsername(username)))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.content(body));
	}

	int stored() {
		return jdbc.queryForObject("""
				select count(*) from warmup_signal_reports r join phone_numbers p on p.id = r.phone_number_id
				where p.provider_phone_number_id like ?""", Integer.class, tag + "-%");
	}

	/** A bad report (the second of the batch, after a good one), the field its problem names, and words of the message. */
	static Stream<Arguments> badInput() {
		return Stream.of(Arguments.of("negative count", "{ID}", TODAY, "{\"sent\": -1, \"delivered\": 0, \"carrierRejected\": 0, \"optOuts\": 0}",
				"reports[1].sms.sent", "cannot be negative"),
				Arguments.of("delivered more than sent", "{ID}", TODAY, sms(10, 11), "reports[1].sms.delivered",
						"delivered (11) is more than sent (10)"),
				Arguments.of("a day in the future", "{ID}", TODAY.plusDays(1), sms(10, 9), "reports[1].day", "in the future"),
				Arguments.of("a day too long ago", "{ID}", TODAY.minusDays(31), sms(10, 9), "reports[1].day",
						"more than 30 days ago"),
				Arguments.of("not a day", "{ID}", "5 Dec", sms(10, 9), "reports[1].day", "YYYY-MM-DD"),
				Arguments.of("an unknown number", "987654321987", TODAY, sms(10, 9), "reports[1].phoneNumberId",
						"No number with id 987654321987."),
				Arguments.of("a sandbox number", "{SANDBOX}", TODAY, sms(10, 9), "reports[1].phoneNumberId",
						"sandbox account"),
				Arguments.of("a count as text", "{ID}", TODAY,
						"{\"sent\": \"10\", \"delivered\": 9, \"carrierRejected\": 0, \"optOuts\": 0}", "reports[1].sms.sent",
						"is a whole number"),
				Arguments.of("a fractional count", "{ID}", TODAY,
						"{\"sent\": 10.5, \"delivered\": 9, \"carrierRejected\": 0, \"optOuts\": 0}", "reports[1].sms.sent",
						"is a whole number"),
				Arguments.of("a missing count", "{ID}", TODAY, "{\"sent\": 10, \"carrierRejected\": 0, \"optOuts\": 0}",
						"reports[1].sms.delivered", "is required"),
				Arguments.of("an unknown field", "{ID}", TODAY,
						"{\"sent\": 10, \"delivered\": 9, \"carrierRejected\": 0, \"optOuts\": 0, \"bounced\": 1}",
						"reports[1].sms.bounced", "Unknown field"),
				Arguments.of("the same number and day twice", "{OURS}", TODAY, sms(10, 9), "reports[1].day",
						"repeats report 0"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInput")
	void badInputIsAProblemAnswerAndStoresNothing(String what, String id, Object day, String sms, String field,
			String words) throws Exception {
		String body = batch(report(ours, TODAY, sms(100, 95)),
				report(id.replace("{ID}", Long.toString(other)).replace("{OURS}", Long.toString(ours))
					.replace("{SANDBOX}", Long.toString(sandbox)), day, sms));
		send(body, "operator").andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(422))
			.andExpect(jsonPath("$.detail").value(containsString("Nothing of the batch was stored.")))
			.andExpect(jsonPath("$.errors[0].index").value(1))
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(words)));
		assertThat(stored()).as(what).isZero();
	}

	@Test
	void notJsonIsA400AndStoresNothing() throws Exception {
		for (String body : List.of("{\"reports\": [", "reports=1", "", "{\"reports\": []} trailing",
				"{\"reports\": [], \"reports\": []}")) {
			send(body, "operator").andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(containsString("Nothing was stored.")));
		}
		for (String body : List.of("[]", "{}", "{\"reports\": {}}", "{\"reports\": []}", "{\"reports\": [1]}",
				"{\"reports\": [], \"extra\": 1}")) {
			send(body, "operator").andExpect(status().isUnprocessableContent())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		assertThat(stored()).isZero();
	}

	@Test
	void atMostAThousandReportsARequest() throws Exception {
		List<String> reports = new ArrayList<>();
		for (int i = 0; i < 1_001; i++) {
			reports.add(report(ours, TODAY.minusDays(i % 30), sms(10, 9)));
		}
		send(batch(reports.toArray(String[]::new)), "operator").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reports"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("At most 1000 reports")));
		assertThat(stored()).isZero();
	}

	@Test
	void aViewerIsRefused() throws Exception {
		send(batch(report(ours, TODAY, sms(100, 95))), "viewer").andExpect(status().isForbidden());
		assertThat(stored()).isZero();
	}

	@Test
	void anotherTeamsNumberIsRefusedLikeOneThatDoesNotExist() throws Exception {
		String theirs = send(batch(report(ours, TODAY, sms(100, 95)), report(other, TODAY, sms(100, 95))), limited)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].index").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("reports[1].phoneNumberId"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String none = send(batch(report(ours, TODAY, sms(100, 95)), report(987654321987L, TODAY, sms(100, 95))), limited)
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(theirs.replace(Long.toString(other), "N")).isEqualTo(none.replace("987654321987", "N"));
		// by E.164 the same
		send(batch("{\"number\": \"" + jdbc.queryForObject("select number from phone_numbers where id = ?", String.class,
				other) + "\", \"day\": \"" + TODAY + "\", \"sms\": " + sms(1, 1) + "}"), limited)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("No number +1628")));
		assertThat(stored()).isZero();

		// their own team's number is theirs to report
		send(batch(report(ours, TODAY, sms(100, 95))), limited).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1));
		assertThat(stored()).isEqualTo(1);
	}

	@Test
	void aGoodBatchIsStoredWholeAndSaysWhatItDid() throws Exception {
		send(batch(report(ours, TODAY, sms(100, 95)), report(other, TODAY.minusDays(1), sms(10, 9)),
				"{\"phoneNumberId\": " + other + ", \"day\": \"" + TODAY
						+ "\", \"calls\": {\"placed\": 5, \"answered\": 4, \"flaggedSpam\": 1}}"),
				"operator")
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.reports").value(3))
			.andExpect(jsonPath("$.created").value(3))
			.andExpect(jsonPath("$.replaced").value(0))
			.andExpect(jsonPath("$.unchanged").value(0));
		assertThat(stored()).isEqualTo(3);
		send(batch(report(ours, TODAY, sms(120, 110)), report(other, TODAY.minusDays(1), sms(10, 9))), "admin")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.replaced").value(1))
			.andExpect(jsonPath("$.unchanged").value(1));
		assertThat(jdbc.queryForObject("select attempted from warmup_signal_reports where phone_number_id = ?", Integer.class,
				ours)).isEqualTo(120);
		assertThat(Collections.frequency(jdbc.queryForList("select phone_number_id from warmup_signal_reports", Long.class),
				other)).isEqualTo(2);
	}
}

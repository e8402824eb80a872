package com.numberops.portal.changes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.system.Times;
import com.numberops.portal.system.Toast;

/**
 * A release is hard to undo once its hold ends: without JavaScript the form's post answers a page
 * that asks, and nothing happens until that page's form is sent; the toast after it says until
 * when the number is held, in the admin's own zone.
 */
class AReleaseIsConfirmedFirstTests extends PortalIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	PasswordEncoder encoder;

	long number;

	String e164;

	String berlinAdmin;

	@BeforeEach
	void aNumberAndAnAdminInBerlin() {
		String tag = "confirm-" + UUID.randomUUID().toString().substring(0, 8);
		long account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode)
				values ('SINCH', ?, 'Release confirmation test', 'SANDBOX') returning id""", Long.class, tag);
		e164 = "+1559" + NumberEditFormsTests.suffix(tag, 1);
		number = jdbc.queryForObject("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, cap_sms, cap_voice, inventory_state, status)
				values (?, 'Front desk', 'US', 'LOCAL', ?, 'SINCH', ?, true, true, 'Available', 'Active')
				returning id""", Long.class, e164, account, tag);
		berlinAdmin = tag;
		jdbc.update("""
				insert into users (username, display_name, password_hash, role, time_zone)
				values (?, 'Berlin Admin', ?, 'ADMIN', 'Europe/Berlin')""", berlinAdmin, encoder.encode("long-enough-1"));
	}

	long changes() {
		return jdbc.queryForObject("select count(*) from pending_changes where phone_number_id = ?", Long.class, number);
	}

	@Test
	void withoutConfirmationTheFormAnswersAPageThatAsksAndNothingHappens() throws Exception {
		String page = mvc.perform(post("/numbers/" + number + "/edits/release").with(csrf())
			.with(user(users.loadUserByUsername(berlinAdmin)))
			.param("reason", "Customer cancelled")
			.param("version", "0"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		// the hold's end, in the admin's zone (CET in winter, CEST in summer)
		assertThat(page).containsPattern("\\d{1,2} \\w{3} \\d{4} \\d{2}:\\d{2} CES?T \\(in 7 days\\)");
		assertThat(page).contains("id=\"confirmation\"", "Release " + e164 + "?", "Customer cancelled",
				"<input type=\"hidden\" name=\"confirm\" value=\"yes\">",
				"<input type=\"hidden\" name=\"reason\" value=\"Customer cancelled\">",
				"action=\"/numbers/" + number + "/edits/release\"", "href=\"/numbers/" + number + "\"");
		assertThat(changes()).isZero();
		assertThat(jdbc.queryForObject("select provider_release_scheduled_at from phone_numbers where id = ?",
				Timestamp.class, number)).isNull();
	}

	@Test
	void confirmedTheReleaseIsHeldAndTheToastSaysUntilWhenInTheAdminsZone() throws Exception {
		MvcResult result = mvc.perform(post("/numbers/" + number + "/edits/release").with(csrf())
			.with(user(users.loadUserByUsername(berlinAdmin)))
			.param("reason", "Customer cancelled")
			.param("version", "0")
			.param("confirm", "yes"))
			.andExpect(redirectedUrl("/numbers/" + number))
			.andReturn();

		assertThat(changes()).isOne();
		Instant heldUntil = jdbc.queryForObject("select provider_release_scheduled_at from phone_numbers where id = ?",
				Timestamp.class, number).toInstant();
		Toast toast = (Toast) result.getFlashMap().get("toast");
		String until = Times.in(ZoneId.of("Europe/Berlin"), heldUntil).at(heldUntil);
		assertThat(until).containsPattern(" CES?T$");
		assertThat(toast.message()).isEqualTo("Release of " + e164 + " requested: held until " + until
				+ " (in 7 days). Cancel it on this page before then to keep the number.");
		// what the Changes page shows for it is readable too, not an instant with nanoseconds
		assertThat(jdbc.queryForObject("select summary from pending_changes where phone_number_id = ?", String.class,
				number)).isEqualTo("Release after a hold until " + Times.utc(heldUntil).at(heldUntil)
						+ ": Customer cancelled");
	}

	@Test
	void whatTheRulesRefuseIsRefusedBeforeAnyoneIsAsked() throws Exception {
		mvc.perform(post("/numbers/" + number + "/edits/release").with(csrf())
			.with(user(users.loadUserByUsername("operator")))
			.param("reason", "operators may not"))
			.andExpect(status().isForbidden());
		jdbc.update("update phone_numbers set provider_released_at = now() where id = ?", number);
		mvc.perform(post("/numbers/" + number + "/edits/release").with(csrf())
			.with(user(users.loadUserByUsername(berlinAdmin)))
			.param("reason", "Already gone"))
			.andExpect(redirectedUrl("/numbers/" + number));
		assertThat(changes()).isZero();
	}
}

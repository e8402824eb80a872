package com.numberops.portal.numbers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.numberops.portal.support.PortalIntegrationTest;

/**
 * Times on the pages read in the person's own zone ("6 Jan 2026 01:00:00 CET"), never as raw
 * instants; a user is named, not numbered; a carrier's error code comes with what it means and
 * what to do. The zone is each person's setting, chosen on My settings.
 */
class PagesReadInThePersonsZoneTests extends PortalIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	PasswordEncoder encoder;

	Fleet fleet;

	long id;

	String berlin;

	String utc;

	@BeforeEach
	void aNumberOverriddenByANamedAdminAndTwoViewers() {
		fleet = new Fleet(jdbc);
		id = fleet.number(5557001, "Zone line", fleet.team("Zones"));
		long setter = jdbc.queryForObject("""
				insert into users (username, display_name, password_hash, role) values (?, 'Grace Setter', '{noop}x', 'ADMIN')
				returning id""", Long.class, "setter-" + fleet.tag);
		jdbc.update("""
				update phone_numbers set override_enabled = false, override_reason = 'Fraud check',
				    override_updated_by_user_id = ?, override_updated_at = '2026-01-06T00:00:00Z',
				    sms_provisioning_status = 'FAILED', sms_provisioning_error_codes = array['CAMPAIGN_NOT_AVAILABLE']
				where id = ?""", String.valueOf(setter), id);
		berlin = viewer("berlin-" + fleet.tag, "Europe/Berlin");
		utc = viewer("utc-" + fleet.tag, "UTC");
	}

	String viewer(String username, String zone) {
		jdbc.update("insert into users (username, display_name, password_hash, role, time_zone) values (?, ?, ?, 'VIEWER', ?)",
				username, username, encoder.encode("long-enough-1"), zone);
		return username;
	}

	String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void aNumbersTimesReadInTheViewersZone() throws Exception {
		String inBerlin = page(get("/numbers/" + id).with(user(users.loadUserByUsername(berlin))));
		assertThat(inBerlin).contains(">6 Jan 2026 01:00:00 CET<", "times in Europe/Berlin");
		String inUtc = page(get("/numbers/" + id).with(user(users.loadUserByUsername(utc))));
		assertThat(inUtc).contains(">6 Jan 2026 00:00:00 UTC<", "times in UTC");
		for (String page : new String[] { inBerlin, inUtc }) {
			assertThat(page).doesNotContain("2026-01-06").doesNotContainPattern(">\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}");
		}
	}

	@Test
	void whoSetTheOverrideIsNamed() throws Exception {
		String page = page(get("/numbers/" + id).with(user(users.loadUserByUsername(utc))));
		assertThat(page).contains("<dt>Set by</dt>", "<dd>Grace Setter</dd>").doesNotContain("Set by user");
	}

	@Test
	void aCarriersErrorCodeSaysWhatItMeansAndWhatToDo() throws Exception {
		String page = page(get("/numbers/" + id).with(user(users.loadUserByUsername(utc))));
		assertThat(page).contains("CAMPAIGN_NOT_AVAILABLE", "10DLC campaign not available", "What to do:");
	}

	@Test
	void aFailedChangesCarrierCodeIsExplainedOnTheChangesPage() throws Exception {
		jdbc.update("""
				insert into pending_changes (phone_number_id, kind, fields, payload, previous, state, summary, provider,
				    requested_by, provider_code, provider_message, created_at, updated_at)
				values (?, 'SMS_CONFIGURATION', '{}', '{}', '{}', 'FAILED', 'SMS: a -> b', 'SINCH', ?,
				    'CAMPAIGN_NOT_AVAILABLE', 'Campaign not available', '2026-01-06T00:00:00Z', now())""", id, fleet.tag);
		String page = page(get("/changes").param("user", fleet.tag).with(user(users.loadUserByUsername(berlin))));
		assertThat(page).contains("CAMPAIGN_NOT_AVAILABLE", "10DLC campaign not available", "What to do:",
				">6 Jan 2026 01:00:00 CET<");
	}

	@Test
	void aPersonChoosesTheirZoneOnMySettingsAndAZoneThatIsNoneIsRefused() throws Exception {
		String person = viewer("chooser-" + fleet.tag, "UTC");
		assertThat(page(get("/settings").with(user(users.loadUserByUsername(person)))))
			.contains("<option value=\"UTC\" selected=\"selected\">UTC</option>");

		mvc.perform(post("/settings").with(user(users.loadUserByUsername(person))).with(csrf())
			.param("timeZone", "Mars/Olympus_Mons"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
						"id=\"timeZone-errors\">Choose a time zone from the list, such as Europe/Berlin or UTC.<")));
		assertThat(zoneOf(person)).isEqualTo("UTC");

		mvc.perform(post("/settings").with(user(users.loadUserByUsername(person))).with(csrf())
			.param("timeZone", "America/New_York"))
			.andExpect(redirectedUrl("/settings"));
		assertThat(zoneOf(person)).isEqualTo("America/New_York");
		assertThat(page(get("/numbers/" + id).with(user(users.loadUserByUsername(person)))))
			.contains(">5 Jan 2026 19:00:00 EST<");
	}

	String zoneOf(String username) {
		return jdbc.queryForObject("select time_zone from users where username = ?", String.class, username);
	}
}

package com.numberops.portal.api.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.numberops.portal.support.PortalIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the API edits' tests share: two teams, people of each role (an operator limited to team A,
 * two admins so that one can decide the other's request), and numbers of each carrier in each
 * team, on accounts no carrier serves (what reaches a carrier is EditsReachTheCarrierTests'
 * subject). Requests go through the real filter chain with a signed-in session and its CSRF token.
 */
abstract class ApiEditsTest extends PortalIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JsonMapper json;

	String tag;

	long teamA;

	long teamB;

	/** Sinch numbers (SMS, voice) and Flowroute numbers (CNAM, messaging) of team A and B. */
	long sinchA;

	long sinchB;

	long flowrouteA;

	long sinchAccount;

	String operatorA;

	String operator;

	String admin;

	String otherAdmin;

	@BeforeEach
	void teamsPeopleAndNumbers() {
		tag = UUID.randomUUID().toString().substring(0, 8);
		long sinch = account("SINCH");
		sinchAccount = sinch;
		long flowroute = account("FLOWROUTE");
		teamA = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "A-" + tag);
		teamB = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "B-" + tag);
		sinchA = number(sinch, "SINCH", teamA, "sa");
		sinchB = number(sinch, "SINCH", teamB, "sb");
		flowrouteA = number(flowroute, "FLOWROUTE", teamA, "fa");
		operatorA = person("opa-" + tag, "OPERATOR", teamA);
		operator = person("op-" + tag, "OPERATOR", null);
		admin = person("adm-" + tag, "ADMIN", null);
		otherAdmin = person("adm2-" + tag, "ADMIN", null);
	}

	long account(String provider) {
		return jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode)
				values (?, ?, ?, 'SANDBOX') returning id""", Long.class, provider, "api-" + provider + "-" + tag,
				"API test " + provider);
	}

	long number(long account, String provider, long team, String suffix) {
		String e164 = "+1557" + (1_000_000 + Math.floorMod((tag + suffix).hashCode(), 8_999_999));
		return jdbc.queryForObject("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, team_id, cap_sms, cap_voice, sms_service_plan_id, cnam_lookups_enabled,
				    messaging_enabled, inventory_state, status)
				values (?, 'Front desk', 'US', 'LOCAL', ?, ?, ?, ?, true, true, ?, ?, ?, 'Available', 'Active')
				returning id""", Long.class, e164, account, provider, tag + "-" + suffix, team,
				"SINCH".equals(provider) ? "sp-1" : null, "SINCH".equals(provider) ? null : false,
				"SINCH".equals(provider) ? null : false);
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

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	/** A JSON POST as this person, with the session's CSRF token. */
	MockHttpServletRequestBuilder post(String path, String username, @Nullable String body) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
			.with(as(username))
			.with(csrf())
			.accept(MediaType.APPLICATION_JSON);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return request;
	}

	MockHttpServletRequestBuilder read(String path, String username) {
		return get(path).with(as(username)).accept(MediaType.APPLICATION_JSON);
	}

	JsonNode body(MvcResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsString());
	}

	int changes(long number) {
		return jdbc.queryForObject("select count(*) from pending_changes where phone_number_id = ?", Integer.class, number);
	}

	int events(long number) {
		return jdbc.queryForObject("select count(*) from number_events where phone_number_id = ?", Integer.class, number);
	}

	/** The columns the edits here touch, to tell that a refusal changed nothing. */
	Map<String, Object> row(long number) {
		return jdbc.queryForMap("""
				select name, version, enabled, campaign_id, sms_service_plan_id, voice_app_id, cnam_lookups_enabled,
				       messaging_enabled, provider_release_scheduled_at, warmup_state, override_enabled
				from phone_numbers where id = ?""", number);
	}

}

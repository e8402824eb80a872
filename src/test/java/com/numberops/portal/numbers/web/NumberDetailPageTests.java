package com.numberops.portal.numbers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.users.UserAdministration;

/**
 * A number's detail page: every section of the seed 003 record with its values, the carrier's
 * raw state escaped, pending changes, the timeline paged newest first, and 404 for whatever the
 * user may not see (another team's number, unknown and malformed ids).
 */
class NumberDetailPageTests extends PortalIntegrationTest {

	private static final Pattern EVENT = Pattern.compile("<tr class=\"timeline-event\" id=\"event-(\\d+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	UserAdministration administration;

	Fleet fleet;

	long team;

	long id;

	@BeforeEach
	void aFullyDescribedNumber() {
		fleet = new Fleet(jdbc);
		team = fleet.team("Growth");
		id = fleet.number(5551234, "Growth line 1234", team);
		jdbc.update("""
				update phone_numbers set
				    business_id = 'biz-1', business_name = 'Acme Dental', owner_user_id = 'usr-7', owner_user_name = 'Dana Reyes',
				    campaign_id = 'spring-promo', source_id = 'src-web', leadping_owned = false,
				    provider_order_id = 'ord-991', provider_order_status = 'COMPLETED', provider_status = 'ACTIVE',
				    provider_error = 'none so far', provider_synced_at = now(), provider_expire_at = '2030-01-01T00:00:00Z',
				    provider_release_requested_at = '2026-01-02T03:04:05Z', provider_release_reason = 'Customer churned',
				    provider_release_requested_by_name = 'Ada Admin', provider_release_requested_by_user_id = 'u-1',
				    provider_release_hold_starts_at = '2026-01-03T00:00:00Z', provider_release_scheduled_at = '2026-02-01T00:00:00Z',
				    provider_release_unassign_at_hold_start = true,
				    sms_service_plan_id = 'sp-growth-01', sms_provisioning_status = 'FAILED',
				    sms_provisioning_error_codes = array['CAMPAIGN_NOT_AVAILABLE'], sms_provisioning_target_plan_id = 'sp-retention-02',
				    voice_app_id = 'a7f3c2d1-voice-ivr', cnam_lookups_enabled = true, messaging_enabled = false,
				    cap_warmup = true, cap_testing = false,
				    routing_sms_enabled = true, routing_voice_enabled = false, routing_warmup_only = true,
				    routing_team_id = 'rt-team', routing_source_id = 'rt-src', routing_campaign_id = 'rt-camp',
				    routing_messaging_profile_id = 'mp-42', routing_voice_connection_id = 'vc-7',
				    ten_dlc_brand_id = 'BRAND9', ten_dlc_campaign_id = 'CA1B2C3', ten_dlc_campaign_status = 'ACTIVE',
				    ten_dlc_assignment_status = 'ASSIGNED', ten_dlc_messaging_profile_id = 'mp-10dlc',
				    ten_dlc_status_updated_at = '2026-01-05T00:00:00Z', ten_dlc_failure_reason = 'was rejected once',
				    ten_dlc_last_provider_event_id = 'evt-555',
				    billing_business_id = 'bb-1', billing_business_name = 'Acme Billing', billing_user_id = 'bu-1',
				    billing_user_name = 'Bill Payer', billing_subscription_item_id = 'si_123', billing_monthly_amount = 1234.5,
				    billing_currency = 'USD', billing_channel = 'stripe',
				    is_preferred = true, is_default = false,
				    location_name = 'Seattle', location_state = 'WA', location_country_code = 'US',
				    location_latitude = 47.6062, location_longitude = -122.3321, location_time_zone_id = 'America/Los_Angeles',
				    enabled = false, override_enabled = true, override_reason = 'VIP customer, keep it on',
				    override_updated_by_user_id = 'admin-1', override_updated_at = '2026-01-06T00:00:00Z',
				    is_internal_pool = true, is_approved_test_destination = false, is_messaging_program_approved = true,
				    warmup_enabled = true, warmup_state = 'Warming', warmup_health_score = 73, warmup_progress_percent = 40,
				    warmup_next_action_at = '2026-01-07T00:00:00Z', warmup_pause_reason = 'Carrier filtering spike',
				    call_warmup_enabled = true, call_warmup_state = 'Needs Attention', call_warmup_stage = 2,
				    call_warmup_next_action_at = '2026-01-08T00:00:00Z', call_warmup_pause_reason = 'Too many short calls',
				    call_warmup_health_reason = 'Answer rate below 20%',
				    health_status = 'Needs Attention', health_reason = 'Spam reports last week',
				    provider_raw = '{"phoneNumber": "+12065551234", "displayName": "<script>alert(1)</script>", "smsConfiguration": {"servicePlanId": "sp-growth-01"}}'
				where id = ?""", id);
	}

	RequestPostProcessor as(String username) {
		return user(userDetails.loadUserByUsername(username));
	}

	String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void everySectionOfTheRecordIsShownWithItsValues() throws Exception {
		String page = page(get("/numbers/" + id).with(as("viewer")));
		assertThat(page).contains("id=\"section-identity\"", "id=\"section-enablement\"", "id=\"section-ownership\"",
				"id=\"section-provider\"", "id=\"section-configuration\"", "id=\"section-release\"",
				"id=\"section-capabilities\"", "id=\"section-routing\"", "id=\"section-10dlc\"", "id=\"section-warmup\"",
				"id=\"section-call-warmup\"", "id=\"section-health\"", "id=\"section-flags\"", "id=\"section-billing\"",
				"id=\"section-location\"", "id=\"pending-changes\"", "id=\"number-timeline\"", "id=\"provider-raw\"");
		// identity, business / user / team / source / campaign
		assertThat(page).contains("+12065551234", "Growth line 1234", "Growth-" + fleet.tag, "Acme Dental", "biz-1",
				"Dana Reyes", "usr-7", "spring-promo", "src-web");
		// provider, release
		assertThat(page).contains("ord-991", "COMPLETED", "none so far", "1 Jan 2030 00:00:00 UTC", "Customer churned",
				"Ada Admin", "3 Jan 2026 00:00:00 UTC", "1 Feb 2026 00:00:00 UTC", "Web test account (web-" + fleet.tag + ")");
		// carrier configuration, routing, 10DLC
		assertThat(page).contains("sp-growth-01", "CAMPAIGN_NOT_AVAILABLE", "sp-retention-02", "a7f3c2d1-voice-ivr",
				"rt-team", "rt-src", "rt-camp", "mp-42", "vc-7", "BRAND9", "CA1B2C3", "ASSIGNED", "mp-10dlc",
				"was rejected once", "evt-555");
		// billing, location, flags
		assertThat(page).contains("Acme Billing", "Bill Payer", "si_123", "1,234.50 USD", "stripe", "Seattle", "WA",
				"47.606200, -122.332100", "America/Los_Angeles");
		// SMS and call warmup, health
		assertThat(page).contains("Warming", ">73<", "value=\"40\"", "Carrier filtering spike", "Needs Attention",
				"Stage 2", "Too many short calls", "Answer rate below 20%", "Spam reports last week");
	}

	@Test
	void theEffectiveEnablementSaysWhoDecidesIt() throws Exception {
		String page = page(get("/numbers/" + id).with(as("viewer")));
		assertThat(page).contains("id=\"effective-enablement\" data-enabled=\"true\">Enabled<",
				"by an admin override, whatever the number's own flag says.", "VIP customer, keep it on", "admin-1");
		assertThat(page).contains("id=\"override-value\">Enabled<");

		jdbc.update("update phone_numbers set override_enabled = null, override_reason = null, override_updated_at = null,"
				+ " override_updated_by_user_id = null where id = ?", id);
		String plain = page(get("/numbers/" + id).with(as("viewer")));
		assertThat(plain).contains("id=\"effective-enablement\" data-enabled=\"false\">Disabled<",
				"by the number's own flag; no admin override is set.", "id=\"override-none\"");
	}

	@Test
	void theCarriersRawStateIsPrettyPrintedAndEscaped() throws Exception {
		String page = page(get("/numbers/" + id).with(as("viewer")));
		assertThat(page).doesNotContain("<script>alert(1)</script>");
		assertThat(page).contains("&quot;displayName&quot;: &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;");
		// jsonb_pretty: one key per line, nested objects indented
		assertThat(page).containsPattern("\\n\\s+&quot;smsConfiguration&quot;: \\{\\n\\s+&quot;servicePlanId&quot;");
	}

	@Test
	void pendingChangesShowOpenOnesFirst() throws Exception {
		jdbc.update("""
				insert into pending_changes (phone_number_id, kind, fields, payload, state, attempts, provider_code,
				    provider_message, requested_by, created_at)
				values (?, 'RENAME', array['name'], '{}', 'SUCCEEDED', 1, null, null, 'operator', now() - interval '1 hour'),
				       (?, 'SMS_CONFIGURATION', array['sms_service_plan_id'], '{}', 'WAITING_FOR_PROVIDER', 2, '429',
				        'Too many requests', 'operator', now() - interval '2 hours')""", id, id);
		String page = page(get("/numbers/" + id).with(as("viewer")));
		assertThat(page).contains("1 pending change", "· 1 open, refreshing live", "Too many requests", "SMS_CONFIGURATION");
		assertThat(page.indexOf("data-state=\"WAITING_FOR_PROVIDER\"")).isLessThan(page.indexOf("data-state=\"SUCCEEDED\""));
	}

	@Test
	void aFailedChangeFlagsTheNumberUntilALaterChangeOfItsKindSettlesIt() throws Exception {
		jdbc.update("""
				insert into pending_changes (phone_number_id, kind, fields, payload, state, provider_code, provider_message,
				    summary, requested_by, created_at)
				values (?, 'SMS_CONFIGURATION', '{}', '{}', 'FAILED', 'CAMPAIGN_NOT_AVAILABLE',
				        'SMS provisioning failed at the carrier (CAMPAIGN_NOT_AVAILABLE): the 10DLC campaign refused the number',
				        'SMS: sp-1 → sp-2 / CFAILED1', 'operator', now() - interval '1 hour')""", id);
		String flagged = page(get("/numbers/" + id).with(as("viewer")));
		assertThat(flagged).contains("class=\"badge attention-badge\"", "needs attention: SMS: sp-1 → sp-2 / CFAILED1",
				"the 10DLC campaign refused the number");

		jdbc.update("""
				insert into pending_changes (phone_number_id, kind, fields, payload, state, summary, requested_by, created_at)
				values (?, 'SMS_CONFIGURATION', '{}', '{}', 'SUCCEEDED', 'SMS: sp-2 → sp-1', 'operator', now())""", id);
		assertThat(page(get("/numbers/" + id).with(as("viewer")))).doesNotContain("attention-badge");
	}

	@Test
	void theTimelinePagesNewestFirstWithoutGapsOrRepeats() throws Exception {
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS);
		for (int i = 0; i < 60; i++) {
			// pairs share a timestamp: the id breaks the tie
			fleet.event(id, "Event " + i, start.plusSeconds(i / 2 * 60L));
		}
		List<Long> expected = jdbc.queryForList(
				"select id from number_events where phone_number_id = ? order by created_at desc, id desc", Long.class, id);
		assertThat(expected).hasSize(60);

		List<Long> seen = new ArrayList<>();
		String page = page(get("/numbers/" + id).with(as("viewer")));
		assertThat(page).doesNotContain("id=\"newest-events\"");
		int pages = 1;
		seen.addAll(eventIds(page));
		String older = olderLink(page);
		while (older != null) {
			String fragment = mvc.perform(get(older).with(as("viewer")).header("HX-Request", "true")
				.header("HX-Target", "number-timeline"))
				.andExpect(status().isOk())
				.andExpect(header().string("HX-Push-Url", older))
				.andReturn().getResponse().getContentAsString();
			assertThat(fragment).startsWith("<section id=\"number-timeline\"").doesNotContain("<html", "section-identity")
				.contains("id=\"newest-events\"");
			seen.addAll(eventIds(fragment));
			older = olderLink(fragment);
			pages++;
		}
		assertThat(pages).isEqualTo(3);
		assertThat(seen).containsExactlyElementsOf(expected);
		// who, what, before -> after, source
		assertThat(page).contains("Event 59", "Test Operator", "· Portal", "class=\"event-before\">old<",
				"class=\"event-after\">new<");
	}

	@Test
	void aPageOfTheTimelineReloadsAsTheWholeDetailPage() throws Exception {
		for (int i = 0; i < 30; i++) {
			fleet.event(id, "Event " + i, Instant.now().minusSeconds(1000 - i));
		}
		String older = olderLink(page(get("/numbers/" + id).with(as("viewer"))));
		String reloaded = page(get(older).with(as("viewer")));
		assertThat(reloaded).contains("<html", "id=\"section-identity\"", "id=\"newest-events\"");
		assertThat(eventIds(reloaded)).hasSize(5);
	}

	@Test
	void anUnreadableTimelineLinkShowsTheNewestEventsAndSaysWhy() throws Exception {
		fleet.event(id, "Only event", Instant.now());
		for (String bad : List.of("garbage", "bm90LWEtY3Vyc29y", "x".repeat(500))) {
			String page = page(get("/numbers/" + id).param("before", bad).with(as("viewer")));
			assertThat(page).contains("id=\"timeline-problem\"", "Only event");
		}
	}

	@Test
	void anotherTeamsNumberIsNotFoundForAUserLimitedToTheirTeam() throws Exception {
		long otherTeam = fleet.team("Other");
		RequestPostProcessor limited = user(fleet.viewerLimitedTo(administration, userDetails, otherTeam));
		mvc.perform(get("/numbers/" + id).with(limited)).andExpect(status().isNotFound());
		mvc.perform(get("/numbers/" + id).with(limited).header("HX-Request", "true").header("HX-Target", "number-timeline"))
			.andExpect(status().isNotFound());
		// a number without a team is nobody's to see but unrestricted users'
		long teamless = fleet.number(5551235, "No team", null);
		mvc.perform(get("/numbers/" + teamless).with(limited)).andExpect(status().isNotFound());
		mvc.perform(get("/numbers/" + teamless).with(as("viewer"))).andExpect(status().isOk());

		RequestPostProcessor member = user(fleet.viewerLimitedTo(administration, userDetails, team));
		mvc.perform(get("/numbers/" + id).with(member)).andExpect(status().isOk());
	}

	@ParameterizedTest(name = "/numbers/{0}")
	@ValueSource(strings = { "999999999", "0", "-1", "abc", "1e3", "12.5", "99999999999999999999999", "+1206",
			"x'or'1'='1" })
	void unknownOrMalformedIdsAreNotFound(String badId) throws Exception {
		mvc.perform(get("/numbers/{id}", badId).with(as("viewer"))).andExpect(status().isNotFound());
	}

	@Test
	void encodedGarbageInTheIdIsRefusedBeforeItReachesThePage() throws Exception {
		// Spring Security's firewall answers 400 to encoded percent signs and the like: still no 500
		mvc.perform(get("/numbers/%253Cscript%253E").with(as("viewer"))).andExpect(status().is4xxClientError());
	}

	private static List<Long> eventIds(String html) {
		List<Long> ids = new ArrayList<>();
		Matcher events = EVENT.matcher(html);
		while (events.find()) {
			ids.add(Long.parseLong(events.group(1)));
		}
		return ids;
	}

	private static String olderLink(String html) {
		Matcher link = Pattern.compile("id=\"older-events\"\\s+href=\"([^\"]+)\"").matcher(html);
		return link.find() ? HtmlUtils.htmlUnescape(link.group(1)) : null;
	}
}

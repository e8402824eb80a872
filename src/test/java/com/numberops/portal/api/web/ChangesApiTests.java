package com.numberops.portal.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A change as a resource: read by whoever may see its number (another team's is a 404), and
 * cancelled, retried or restored by the same service and roles as the Changes page's buttons.
 * These changes are written as the outbox holds them and never scheduled, so no dispatcher moves
 * them under the test.
 */
class ChangesApiTests extends ApiEditsTest {

	long change(long number, String kind, String state, String payload, String previous) {
		return jdbc.queryForObject("""
				insert into pending_changes (phone_number_id, kind, fields, payload, previous, state, summary, provider,
				    requested_by, created_at, updated_at, settled_at)
				values (?, ?, '{}', ?::jsonb, ?::jsonb, ?, ?, 'SINCH', 'someone', now(), now(),
				    case when ? in ('SUCCEEDED', 'FAILED', 'CANCELLED') then now() end)
				returning id""", Long.class, number, kind, payload, previous, state, kind + " " + tag, state);
	}

	String state(long change) {
		return jdbc.queryForObject("select state from pending_changes where id = ?", String.class, change);
	}

	@Test
	void aChangeReadsAsItsDocumentForWhoeverMaySeeItsNumber() throws Exception {
		long a = change(sinchA, "VOICE_APP", "PENDING", "{\"appId\": \"app-3\"}", "{}");
		long b = change(sinchB, "VOICE_APP", "PENDING", "{\"appId\": \"app-3\"}", "{}");
		mvc.perform(read("/api/changes/" + a, "viewer"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
			.andExpect(jsonPath("$.kind").value("VOICE_APP"))
			.andExpect(jsonPath("$.kindLabel").value("Voice app"))
			.andExpect(jsonPath("$.state").value("PENDING"))
			.andExpect(jsonPath("$.open").value(true))
			.andExpect(jsonPath("$.fields.appId").value("app-3"))
			.andExpect(jsonPath("$.attempts").value(0))
			.andExpect(jsonPath("$.createdAt").isString())
			// a viewer may not act on it: no action links
			.andExpect(jsonPath("$.links.cancel").doesNotExist());
		mvc.perform(read("/api/changes/" + a, operatorA))
			.andExpect(jsonPath("$.links.cancel.href").value("/api/changes/" + a + "/cancel"));
		mvc.perform(read("/api/changes/" + b, operatorA)).andExpect(status().isNotFound());
		mvc.perform(read("/api/changes/987654321", operator)).andExpect(status().isNotFound());
		mvc.perform(read("/api/changes/abc", operator)).andExpect(status().isNotFound());
	}

	@Test
	void cancelIsThePagesCancel() throws Exception {
		long a = change(sinchA, "VOICE_APP", "PENDING", "{\"appId\": \"app-3\"}", "{}");
		long b = change(sinchB, "VOICE_APP", "PENDING", "{\"appId\": \"app-3\"}", "{}");
		mvc.perform(post("/api/changes/" + a + "/cancel", "viewer", null)).andExpect(status().isForbidden());
		mvc.perform(post("/api/changes/" + b + "/cancel", operatorA, null)).andExpect(status().isNotFound());
		mvc.perform(post("/api/changes/" + a + "/cancel", operatorA, null).header(HttpHeaders.IF_MATCH, "\"5\""))
			.andExpect(status().isPreconditionFailed());
		assertThat(state(a)).isEqualTo("PENDING");
		assertThat(state(b)).isEqualTo("PENDING");

		mvc.perform(post("/api/changes/" + a + "/cancel", operatorA, null).header(HttpHeaders.IF_MATCH, "\"0\""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("CANCELLED"))
			.andExpect(jsonPath("$.open").value(false));
		assertThat(state(a)).isEqualTo("CANCELLED");
		assertThat(jdbc.queryForObject("select count(*) from number_events where phone_number_id = ? and type = 'CHANGE_CANCELLED'",
				Integer.class, sinchA)).isOne();

		mvc.perform(post("/api/changes/" + a + "/cancel", operatorA, null))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(startsWith("A change that is cancelled can no longer be cancelled")));
	}

	@Test
	void retryAndRestoreSendAgainAndAreAccepted() throws Exception {
		long failed = change(sinchA, "VOICE_APP", "FAILED", "{\"appId\": \"app-3\"}", "{}");
		mvc.perform(post("/api/changes/" + failed + "/retry", "viewer", null)).andExpect(status().isForbidden());
		mvc.perform(post("/api/changes/" + failed + "/retry", operator, null))
			.andExpect(status().isAccepted())
			.andExpect(header().string(HttpHeaders.LOCATION, "/api/changes/" + failed))
			.andExpect(jsonPath("$.state").value(not("FAILED")));

		long sms = change(sinchA, "SMS_CONFIGURATION", "FAILED", "{\"servicePlanId\": \"sp-2\", \"campaignId\": \"\"}",
				"{\"servicePlanId\": \"sp-1\", \"campaignId\": \"\"}");
		MvcResult restored = mvc.perform(post("/api/changes/" + sms + "/restore", operator, null))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.kind").value("SMS_CONFIGURATION"))
			.andExpect(jsonPath("$.fields.servicePlanId").value("sp-1"))
			.andReturn();
		assertThat(restored.getResponse().getHeader(HttpHeaders.LOCATION)).isNotEqualTo("/api/changes/" + sms)
			.startsWith("/api/changes/");
		assertThat(changes(sinchA)).isEqualTo(3);
	}

	@Test
	void aReleaseChangeIsAdminsToActOn() throws Exception {
		long release = change(sinchA, "RELEASE", "FAILED", "{\"reason\": \"gone\"}", "{}");
		mvc.perform(post("/api/changes/" + release + "/retry", operator, null)).andExpect(status().isForbidden());
		mvc.perform(read("/api/changes/" + release, operator)).andExpect(jsonPath("$.links.retry").doesNotExist());
		mvc.perform(read("/api/changes/" + release, admin)).andExpect(jsonPath("$.links.retry.href").exists());
		assertThat(state(release)).isEqualTo("FAILED");
	}
}

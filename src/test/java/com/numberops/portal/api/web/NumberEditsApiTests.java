package com.numberops.portal.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import com.numberops.portal.changes.Change;
import com.numberops.portal.changes.ChangeKind;
import com.numberops.portal.changes.ChangeState;
import com.numberops.portal.changes.PendingChanges;


/**
 * The number's edits as API resources, over the real filter chain on Postgres: each one makes the
 * same change the number page's form makes (the changes module holds it, GET /api/changes/{id}
 * shows it), and every refusal (role, team, values, a stale If-Match) answers with a problem and
 * changes nothing.
 */
class NumberEditsApiTests extends ApiEditsTest {

	@Autowired
	PendingChanges pendingChanges;

	@Test
	void aVoiceAppIsAcceptedAsAChangeThatTheApiAndTheChangesModuleShow() throws Exception {
		MvcResult accepted = mvc.perform(post("/api/phone-numbers/" + sinchA + "/voice-app", operatorA, """
				{"appId": "app-9"}"""))
			.andExpect(status().isAccepted())
			.andExpect(header().string(HttpHeaders.LOCATION, startsWith("/api/changes/")))
			.andExpect(header().exists(HttpHeaders.ETAG))
			.andExpect(jsonPath("$.id").value(String.valueOf(sinchA)))
			.andExpect(jsonPath("$.links.change.href").exists())
			.andReturn();
		String location = accepted.getResponse().getHeader(HttpHeaders.LOCATION);
		assertThat(body(accepted).at("/links/change/href").asString()).isEqualTo(location);
		long changeId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		mvc.perform(read(location, operatorA))
			.andExpect(status().isOk())
			.andExpect(header().exists(HttpHeaders.ETAG))
			.andExpect(jsonPath("$.id").value(String.valueOf(changeId)))
			.andExpect(jsonPath("$.numberId").value(String.valueOf(sinchA)))
			.andExpect(jsonPath("$.kind").value("VOICE_APP"))
			.andExpect(jsonPath("$.fields.appId").value("app-9"))
			.andExpect(jsonPath("$.requestedBy").value(operatorA))
			.andExpect(jsonPath("$.links.number.href").value("/api/phone-numbers/" + sinchA));

		Change change = pendingChanges.find(changeId).orElseThrow();
		assertThat(change.kind()).isEqualTo(ChangeKind.VOICE_APP);
		assertThat(change.numberId()).isEqualTo(sinchA);
		assertThat(change.payload()).containsEntry("appId", "app-9");
		assertThat(changes(sinchA)).isOne();
		// the number page's timeline has the request, as after the page's form
		assertThat(jdbc.queryForObject("select count(*) from number_events where phone_number_id = ? and type = 'EDIT_REQUESTED'",
				Integer.class, sinchA)).isOne();
		// made through the API, and said so on the timeline
		assertThat(jdbc.queryForObject("select source from number_events where phone_number_id = ? and type = 'EDIT_REQUESTED'",
				String.class, sinchA)).isEqualTo("API");
	}

	@Test
	void anSmsPlanTheAccountNeverHadIsConfirmedFirst() throws Exception {
		Map<String, Object> before = row(sinchA);
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/sms-configuration", operator, """
				{"servicePlanId": "sp-never-seen", "campaignId": ""}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("servicePlanId")));
		assertThat(row(sinchA)).isEqualTo(before);
		assertThat(changes(sinchA)).isZero();

		mvc.perform(post("/api/phone-numbers/" + sinchA + "/sms-configuration", operator, """
				{"servicePlanId": "sp-never-seen", "campaignId": "", "confirmUnseen": true}"""))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.links.openChanges[0].kind").value("SMS_CONFIGURATION"));
		assertThat(changes(sinchA)).isOne();
	}

	@Test
	void cnamAndMessagingOfAFlowrouteNumberKeepTheirIntentWhileOnTheirWay() throws Exception {
		mvc.perform(post("/api/phone-numbers/" + flowrouteA + "/cnam-lookups", operator, """
				{"enabled": true}""")).andExpect(status().isAccepted());
		mvc.perform(post("/api/phone-numbers/" + flowrouteA + "/messaging", operator, """
				{"enabled": true}""")).andExpect(status().isAccepted());
		assertThat(row(flowrouteA)).containsEntry("cnam_lookups_enabled", true).containsEntry("messaging_enabled", true);
		assertThat(changes(flowrouteA)).isEqualTo(2);
	}

	@Test
	void aBusinessCampaignIsMadeAtOnce() throws Exception {
		MvcResult done = mvc.perform(post("/api/phone-numbers/" + sinchA + "/business-campaign", operator, """
				{"businessCampaignId": "camp-7"}"""))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist(HttpHeaders.LOCATION))
			.andExpect(jsonPath("$.campaignId").value("camp-7"))
			.andReturn();
		assertThat(row(sinchA)).containsEntry("campaign_id", "camp-7");
		mvc.perform(read(body(done).at("/links/change/href").asString(), operator))
			.andExpect(jsonPath("$.state").value(ChangeState.SUCCEEDED.name()));
	}

	@Test
	void aReleaseIsAnAdminsHeldAndCancellable() throws Exception {
		Map<String, Object> before = row(sinchA);
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/release", operator, """
				{"reason": "Customer left"}""")).andExpect(status().isForbidden());
		assertThat(row(sinchA)).isEqualTo(before);

		MvcResult held = mvc.perform(post("/api/phone-numbers/" + sinchA + "/release", admin, """
				{"reason": "Customer left"}"""))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.providerReleaseScheduledAt").exists())
			.andReturn();
		String change = held.getResponse().getHeader(HttpHeaders.LOCATION);
		assertThat(row(sinchA).get("provider_release_scheduled_at")).isNotNull();

		mvc.perform(post("/api/phone-numbers/" + sinchA + "/release/cancel", admin, null))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.links.change.href").value(change))
			.andExpect(jsonPath("$.links.openChanges").isEmpty());
		assertThat(row(sinchA).get("provider_release_scheduled_at")).isNull();
		mvc.perform(read(change, admin)).andExpect(jsonPath("$.state").value("CANCELLED"));

		// nothing on hold any more: nothing to cancel
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/release/cancel", admin, null))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void aViewerIsRefusedEveryEdit() throws Exception {
		Map<String, Object> before = row(sinchA);
		int events = events(sinchA);
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/voice-app", "viewer", """
				{"appId": "app-9"}""")).andExpect(status().isForbidden());
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/sms-configuration", "viewer", """
				{"servicePlanId": "sp-1", "campaignId": "", "confirmUnseen": true}""")).andExpect(status().isForbidden());
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/business-campaign", "viewer", """
				{"businessCampaignId": "camp-7"}""")).andExpect(status().isForbidden());
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/warmup/sms/on", "viewer", null))
			.andExpect(status().isForbidden());
		assertThat(row(sinchA)).isEqualTo(before);
		assertThat(changes(sinchA)).isZero();
		assertThat(events(sinchA)).isEqualTo(events);
	}

	@Test
	void anotherTeamsNumberIsNotFound() throws Exception {
		Map<String, Object> before = row(sinchB);
		mvc.perform(post("/api/phone-numbers/" + sinchB + "/voice-app", operatorA, """
				{"appId": "app-9"}""")).andExpect(status().isNotFound());
		mvc.perform(post("/api/phone-numbers/" + sinchB + "/business-campaign", operatorA, """
				{"businessCampaignId": "camp-7"}""")).andExpect(status().isNotFound());
		mvc.perform(post("/api/phone-numbers/" + sinchB + "/release/cancel", operatorA, null))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/phone-numbers/" + sinchB + "/warmup/sms/on", operatorA, null))
			.andExpect(status().isNotFound());
		assertThat(row(sinchB)).isEqualTo(before);
		assertThat(changes(sinchB)).isZero();
		// the same number for someone of every team
		mvc.perform(post("/api/phone-numbers/" + sinchB + "/voice-app", operator, """
				{"appId": "app-9"}""")).andExpect(status().isAccepted());
	}

	@Test
	void badValuesAreRefusedFieldByFieldAndChangeNothing() throws Exception {
		Map<String, Object> before = row(sinchA);
		int events = events(sinchA);
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/voice-app", operator, "{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("appId"));
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/voice-app", operator,
				"{\"appId\": \"" + "a".repeat(NumberEditsApi.TEXT_MAX + 1) + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("appId"));
		// the rules' own refusals: CNAM is Flowroute's, and nothing to change
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/cnam-lookups", operator, """
				{"enabled": true}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("enabled"))
			.andExpect(jsonPath("$.errors[0].message").value(startsWith("CNAM lookups is a Flowroute setting")));
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/sms-configuration", operator, """
				{"servicePlanId": "sp-1", "campaignId": ""}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("servicePlanId"));
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/release", admin, """
				{"reason": "x"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		// a value of the wrong type is not read at all
		mvc.perform(post("/api/phone-numbers/" + flowrouteA + "/messaging", operator, """
				{"enabled": "maybe"}""")).andExpect(status().isBadRequest());
		assertThat(row(sinchA)).isEqualTo(before);
		assertThat(changes(sinchA)).isZero();
		assertThat(changes(flowrouteA)).isZero();
		assertThat(events(sinchA)).isEqualTo(events);
	}

	@Test
	void anEditBasedOnAnOlderVersionIsRefusedWith412() throws Exception {
		long version = (Long) row(sinchA).get("version");
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/business-campaign", operator, """
				{"businessCampaignId": "camp-1"}""").header(HttpHeaders.IF_MATCH, "\"" + version + "\""))
			.andExpect(status().isOk())
			// a number's tag: its version and its newest event
			.andExpect(header().string(HttpHeaders.ETAG, startsWith("\"" + (version + 1) + ".")));
		Map<String, Object> before = row(sinchA);
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/business-campaign", operator, """
				{"businessCampaignId": "camp-2"}""").header(HttpHeaders.IF_MATCH, "\"" + version + "\""))
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.currentVersion").value(version + 1));
		assertThat(row(sinchA)).isEqualTo(before);
		assertThat(changes(sinchA)).isOne();
	}

}

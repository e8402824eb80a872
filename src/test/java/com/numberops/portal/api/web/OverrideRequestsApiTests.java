package com.numberops.portal.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Override requests over the API, with the Approvals page's rules: an operator requests, an admin
 * other than the requester approves or rejects (on the version they saw), nobody decides their
 * own; another team's request is unknown, and every refusal changes nothing.
 */
class OverrideRequestsApiTests extends ApiEditsTest {

	String request(long number, String username, boolean enabled) throws Exception {
		MvcResult created = mvc.perform(post("/api/phone-numbers/" + number + "/override-requests", username,
				"{\"enabled\": " + enabled + ", \"reason\": \"Fraud suspected\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.LOCATION, startsWith("/api/override-requests/")))
			.andExpect(jsonPath("$.state").value("PENDING"))
			.andExpect(jsonPath("$.requested").value(enabled ? "Force enabled" : "Force disabled"))
			.andReturn();
		return created.getResponse().getHeader(HttpHeaders.LOCATION);
	}

	Object override(long number) {
		return row(number).get("override_enabled");
	}

	@Test
	void anOperatorRequestsAndAnAdminApprovesOnTheVersionSeen() throws Exception {
		String request = request(sinchA, operatorA, false);
		assertThat(override(sinchA)).isNull();
		MvcResult seen = mvc.perform(read(request, admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.links.approve.href").value(request + "/approve"))
			.andReturn();
		String etag = seen.getResponse().getHeader(HttpHeaders.ETAG);
		// the operator's own view offers no decision
		mvc.perform(read(request, operatorA)).andExpect(jsonPath("$.links.approve").doesNotExist());
		mvc.perform(post(request + "/approve", operatorA, "{}")).andExpect(status().isForbidden());
		mvc.perform(post(request + "/approve", admin, "{}").header(HttpHeaders.IF_MATCH, "\"999\""))
			.andExpect(status().isPreconditionFailed());
		assertThat(override(sinchA)).isNull();

		mvc.perform(post(request + "/approve", admin, "{\"comment\": \"Confirmed with fraud team\"}")
			.header(HttpHeaders.IF_MATCH, etag))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("APPROVED"))
			.andExpect(jsonPath("$.decidedBy").value("Person " + admin))
			.andExpect(jsonPath("$.decisionComment").value("Confirmed with fraud team"));
		assertThat(override(sinchA)).isEqualTo(false);
		// decided already: a conflict with what happened meanwhile
		mvc.perform(post(request + "/approve", otherAdmin, "{}"))
			.andExpect(status().isConflict());
	}

	@Test
	void nobodyDecidesTheirOwnRequest() throws Exception {
		String request = request(sinchA, admin, true);
		mvc.perform(read(request, admin)).andExpect(jsonPath("$.links.approve").doesNotExist());
		mvc.perform(post(request + "/approve", admin, "{}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(startsWith("Nobody decides their own override request")));
		mvc.perform(post(request + "/reject", admin, "{\"comment\": \"Never mind\"}"))
			.andExpect(status().isForbidden());
		assertThat(override(sinchA)).isNull();
		mvc.perform(read(request, admin)).andExpect(jsonPath("$.state").value("PENDING"));

		mvc.perform(post(request + "/approve", otherAdmin, null)).andExpect(status().isOk());
		assertThat(override(sinchA)).isEqualTo(true);
	}

	@Test
	void aRejectionNeedsAComment() throws Exception {
		String request = request(sinchA, operator, true);
		mvc.perform(post(request + "/reject", admin, "{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("comment")));
		mvc.perform(post(request + "/reject", admin, "{\"comment\": \"Not needed\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("REJECTED"));
		assertThat(override(sinchA)).isNull();
	}

	@Test
	void theApprovalsListIsAdmins() throws Exception {
		String request = request(sinchA, operator, true);
		String id = request.substring(request.lastIndexOf('/') + 1);
		mvc.perform(read("/api/override-requests", admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pending[*].id", hasItem(id)));
		mvc.perform(read("/api/override-requests", operator)).andExpect(status().isForbidden());
	}

	@Test
	void refusalsChangeNothing() throws Exception {
		Map<String, Object> before = row(sinchA);
		int events = events(sinchA);
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/override-requests", "viewer", """
				{"enabled": true, "reason": "Fraud suspected"}""")).andExpect(status().isForbidden());
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/override-requests", operator, """
				{"reason": "Fraud suspected"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("enabled"));
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/override-requests", operator, """
				{"enabled": true, "reason": "x"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(post("/api/phone-numbers/" + sinchB + "/override-requests", operatorA, """
				{"enabled": true, "reason": "Fraud suspected"}""")).andExpect(status().isNotFound());
		assertThat(row(sinchA)).isEqualTo(before);
		assertThat(events(sinchA)).isEqualTo(events);
		assertThat(jdbc.queryForObject("select count(*) from override_requests where phone_number_id in (?, ?)",
				Integer.class, sinchA, sinchB)).isZero();

		String other = request(sinchB, operator, true);
		mvc.perform(read(other, operatorA)).andExpect(status().isNotFound());
		mvc.perform(post(other + "/approve", admin, null)).andExpect(status().isOk());
	}

	@Test
	void aRetriedRequestIsCreatedOnce() throws Exception {
		String key = UUID.randomUUID().toString();
		String body = "{\"enabled\": true, \"reason\": \"Fraud suspected\"}";
		MvcResult first = mvc.perform(post("/api/phone-numbers/" + sinchA + "/override-requests", operator, body)
			.header(IdempotencyKeyFilter.HEADER, key)).andExpect(status().isCreated()).andReturn();
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/override-requests", operator, body)
			.header(IdempotencyKeyFilter.HEADER, key))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.LOCATION, first.getResponse().getHeader(HttpHeaders.LOCATION)))
			.andExpect(header().string(IdempotencyKeyFilter.REPLAYED, "true"));
		// without the key, a second request would have superseded the first (as on the page): one request, pending
		assertThat(jdbc.queryForObject("select count(*) from override_requests where phone_number_id = ?", Integer.class,
				sinchA)).isOne();
	}
}

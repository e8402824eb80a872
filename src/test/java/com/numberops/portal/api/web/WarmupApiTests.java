package com.numberops.portal.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The warmup buttons as API steps: the page's service, its state machine's and eligibility's refusals. */
class WarmupApiTests extends ApiEditsTest {

	@BeforeEach
	void warmupCapable() {
		jdbc.update("update phone_numbers set cap_warmup = true where id in (?, ?)", sinchA, sinchB);
	}

	String warmupState(long number) {
		return jdbc.queryForObject("select warmup_state from phone_numbers where id = ?", String.class, number);
	}

	@Test
	void onPauseResumeOffAsOnThePage() throws Exception {
		String before = warmupState(sinchA);
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/warmup/sms/on", operatorA, null))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warmupEnabled").value(true));
		assertThat(warmupState(sinchA)).isNotEqualTo(before);

		Map<String, Object> warming = row(sinchA);
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/warmup/sms/pause", operatorA, "{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/warmup/sms/pause", operatorA,
				"{\"reason\": \"" + "r".repeat(201) + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
		assertThat(row(sinchA)).isEqualTo(warming);

		mvc.perform(post("/api/phone-numbers/" + sinchA + "/warmup/sms/pause", operatorA, """
				{"reason": "Carrier complaint"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warmupState").value("Paused"))
			.andExpect(jsonPath("$.warmupPauseReason").value("Carrier complaint"));
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/warmup/sms/resume", operatorA, null))
			.andExpect(status().isOk());
		// resuming what is not paused is the machine's refusal
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/warmup/sms/resume", operatorA, null))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/warmup/sms/off", operatorA, null))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warmupEnabled").value(false));
	}

	@Test
	void unknownChannelsAndStepsAndOtherTeamsNumbersAreNotFound() throws Exception {
		Map<String, Object> before = row(sinchA);
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/warmup/fax/on", operator, null)).andExpect(status().isNotFound());
		mvc.perform(post("/api/phone-numbers/" + sinchA + "/warmup/sms/boost", operator, null))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/phone-numbers/" + sinchB + "/warmup/call/on", operatorA, null))
			.andExpect(status().isNotFound());
		assertThat(row(sinchA)).isEqualTo(before);
	}
}

package com.numberops.portal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.numberops.portal.sandbox.web.SandboxFaultsView;
import com.numberops.portal.support.PortalIntegrationTest;

/** The admin's fault switches: validated, admin only, and what they set is what the sandbox uses. */
class SandboxFaultControlsTests extends PortalIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	SandboxFaults faults;

	@Autowired
	SandboxFaultsView view;

	@Autowired
	UserDetailsService userDetails;

	RequestPostProcessor as(String username) {
		return user(userDetails.loadUserByUsername(username));
	}

	@AfterEach
	void healthySandbox() {
		faults.clearAll();
	}

	@Test
	void anAdminSwitchesAFaultOnAndOff() throws Exception {
		mvc.perform(post("/admin/providers/faults").with(as("admin")).with(csrf())
			.param("api", "SINCH").param("endpoint", "list")
			.param("serverErrorPercent", "30").param("rateLimitPercent", "10").param("retryAfterSeconds", "2"))
			.andExpect(status().is3xxRedirection());
		assertThat(faults.of(SandboxApi.SINCH, "list")).isEqualTo(new Fault(0, 0.3, 0.1, 2, 0, 0, 0));
		assertThat(faults.of(SandboxApi.SINCH, "get")).isEqualTo(Fault.NONE);
		mvc.perform(get("/admin/providers").with(as("admin"))).andExpect(status().isOk());
		mvc.perform(post("/admin/providers/faults/clear").with(as("admin")).with(csrf())
			.param("api", "SINCH").param("endpoint", "list"))
			.andExpect(status().is3xxRedirection());
		assertThat(faults.active()).isEmpty();
	}

	@Test
	void anAdminLetsACarrierLoseItsAnswers() throws Exception {
		mvc.perform(post("/admin/providers/faults").with(as("admin")).with(csrf())
			.param("api", "FLOWROUTE").param("endpoint", "patch").param("lostAnswerPercent", "100"))
			.andExpect(status().is3xxRedirection());
		assertThat(faults.of(SandboxApi.FLOWROUTE, "patch")).isEqualTo(Fault.lostAnswers(1.0));
		assertThat(faults.losesAnswers()).isTrue();
		mvc.perform(get("/admin/providers").with(as("admin"))).andExpect(status().isOk());
		mvc.perform(post("/admin/providers/faults").with(as("admin")).with(csrf())
			.param("api", "FLOWROUTE").param("endpoint", "patch").param("lostAnswerPercent", "101"))
			.andExpect(flash().attributeExists("toast"));
		assertThat(faults.of(SandboxApi.FLOWROUTE, "patch")).isEqualTo(Fault.lostAnswers(1.0));
		faults.clearAll();
		assertThat(faults.losesAnswers()).isFalse();
	}

	@Test
	void theProvidersPageShowsTheSandboxPanelWithTheFaultsSwitchedOn() throws Exception {
		// the panel is the sandbox's own part of the Providers page (SandboxFaultsPart)
		faults.set(SandboxApi.FLOWROUTE, "get", Fault.serverErrors(0.25));
		mvc.perform(get("/admin/providers").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"accounts-table\""),
					containsString("id=\"sandbox-faults\""), containsString("id=\"fault-form\""),
					containsString("<option value=\"SINCH_IMPORTED\">SINCH_IMPORTED</option>"),
					matchesRegex("(?s).*id=\"active-faults\".*<td>FLOWROUTE</td>\\s*<td>get</td>.*<td>25%</td>.*"),
					containsString("id=\"clear-faults\""))));
	}

	@Test
	void anApiWideFaultAppliesToEveryEndpointUnlessOneHasItsOwn() {
		faults.setAll(SandboxApi.FLOWROUTE, Fault.latency(5));
		faults.set(SandboxApi.FLOWROUTE, "get", Fault.serverErrors(1));
		assertThat(faults.of(SandboxApi.FLOWROUTE, "list")).isEqualTo(Fault.latency(5));
		assertThat(faults.of(SandboxApi.FLOWROUTE, "get")).isEqualTo(Fault.serverErrors(1));
		assertThat(faults.of(SandboxApi.SINCH, "list")).isEqualTo(Fault.NONE);
	}

	@Test
	void badValuesAreRefusedWithAMessageAndChangeNothing() throws Exception {
		mvc.perform(post("/admin/providers/faults").with(as("admin")).with(csrf())
			.param("api", "SINCH").param("endpoint", "list").param("serverErrorPercent", "150"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("toast"));
		mvc.perform(post("/admin/providers/faults").with(as("admin")).with(csrf())
			.param("api", "SINCH").param("endpoint", "teleport").param("serverErrorPercent", "50"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("toast"));
		mvc.perform(post("/admin/providers/faults").with(as("admin")).with(csrf())
			.param("api", "NOT_A_CARRIER").param("endpoint", "list"))
			.andExpect(status().is3xxRedirection());
		assertThat(faults.active()).isEmpty();
	}

	@Test
	void onlyAdminsSwitchFaults() throws Exception {
		mvc.perform(post("/admin/providers/faults").with(as("operator")).with(csrf())
			.param("api", "SINCH").param("endpoint", "*").param("serverErrorPercent", "100"))
			.andExpect(status().isForbidden());
		assertThat(faults.active()).isEmpty();
	}

	@Test
	@WithUserDetails("admin")
	void theServiceRefusesUnknownEndpoints() {
		assertThatIllegalArgumentException().isThrownBy(() -> view.set(SandboxApi.SINCH_IMPORTED, "release", Fault.serverErrors(1)))
			.withMessageContaining("Unknown endpoint");
		assertThat(view.apis()).containsExactly(SandboxApi.SINCH, SandboxApi.SINCH_IMPORTED, SandboxApi.FLOWROUTE);
	}

	@Test
	void nonsensicalFaultsCannotBeBuilt() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Fault(-1, 0, 0, 1, 0, 0, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new Fault(0, 1.5, 0, 1, 0, 0, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new Fault(0, 0, 0, -5, 0, 0, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new Fault(0, 0, 0, 1, 0, 0, 0, 1.01));
	}
}

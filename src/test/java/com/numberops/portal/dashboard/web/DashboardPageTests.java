package com.numberops.portal.dashboard.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.numberops.portal.support.PortalIntegrationTest;

/**
 * The dashboard as a plain page (complete without JavaScript) and its live parts as htmx
 * fragments that keep polling; a part asked for without htmx sends the browser to the page.
 */
class DashboardPageTests extends PortalIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void thePageHasEveryPartAndNoPlaceholder() throws Exception {
		mvc.perform(get("/").with(user(users.loadUserByUsername("viewer"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<title>Dashboard · Number portal</title>")))
			.andExpect(content().string(containsString("id=\"logout\"")))
			.andExpect(content().string(containsString("<main class=\"container-fluid px-4 py-3 dashboard\">")))
			.andExpect(content().string(containsString("id=\"fleet\"")))
			.andExpect(content().string(containsString("id=\"attention\"")))
			.andExpect(content().string(containsString("id=\"trends\"")))
			.andExpect(content().string(containsString("data-figure=\"ready_for_sms\"")))
			.andExpect(content().string(not(containsString("Not built yet"))));
	}

	@Test
	void aLivePartAnswersItsFragmentWhichPollsAgain() throws Exception {
		mvc.perform(get("/dashboard/fleet").header("HX-Request", "true").with(user(users.loadUserByUsername("viewer"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-trigger=\"every 30s\"")))
			.andExpect(content().string(containsString("id=\"fleet\"")))
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(get("/dashboard/attention").header("HX-Request", "true").with(user(users.loadUserByUsername("viewer"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"attention\"")))
			.andExpect(content().string(not(containsString("id=\"fleet\""))));
	}

	@Test
	void aPartWithoutHtmxIsThePage() throws Exception {
		mvc.perform(get("/dashboard/fleet").with(user(users.loadUserByUsername("viewer"))))
			.andExpect(redirectedUrl("/"));
	}
}

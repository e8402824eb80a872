package com.numberops.portal.system;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.numberops.portal.support.PortalIntegrationTest;

/** Whole pages draw the signed-in user's menu however they were reached; htmx fragments draw no layout. */
class LayoutViewTests extends PortalIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void aWholePageShowsTheMenuWithItsSectionMarkedCurrent() throws Exception {
		mvc.perform(get("/numbers").with(as("operator")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-section=\"DASHBOARD\""),
					matchesRegex("(?s).*aria-current=\"page\"\\s+data-section=\"NUMBERS\".*"), containsString("data-section=\"CHANGES\""),
					not(containsString("data-section=\"APPROVALS\"")))));
	}

	@Test
	void aPageAnsweredByAnExceptionHandlerShowsTheMenuToo() throws Exception {
		// WarmupController's @ExceptionHandler answers an unknown number with the 404 page; model
		// attributes of a @ControllerAdvice never reach such a page, so its menu used to be empty
		mvc.perform(post("/numbers/987654321/warmup/sms/on").with(as("operator")).with(csrf()))
			.andExpect(status().isNotFound())
			.andExpect(content().string(allOf(containsString("id=\"error-404\""), containsString("data-section=\"NUMBERS\""))));
	}

	@Test
	void anHtmxFragmentDrawsNoLayout() throws Exception {
		mvc.perform(get("/numbers").header("HX-Request", "true").with(as("operator")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"number-results\""), not(containsString("main-nav")))));
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}
}

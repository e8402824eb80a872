package com.numberops.portal.system;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.numberops.portal.support.PortalHttp;
import com.numberops.portal.support.PortalIntegrationTest;

/** Whole pages draw the signed-in user's menu however they were reached; htmx fragments draw no layout. */
class LayoutViewTests extends PortalIntegrationTest {

	@LocalServerPort
	int port;

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
		// BulkController's @ExceptionHandler answers a selection it cannot read with the bulk page;
		// model attributes of a @ControllerAdvice never reach such a page, so its menu used to be empty
		mvc.perform(post("/changes/bulk").param("ids", "12,abc").param("kind", "ENABLEMENT").param("enabled", "true")
			.with(as("operator"))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("id=\"bulk-error\""), containsString("data-section=\"NUMBERS\""))));
	}

	@Test
	void theErrorPageOfAnUnknownTargetShowsTheMenuToo() {
		// drawn by the container's dispatch to /error, which MockMvc does not make: over real HTTP
		PortalHttp http = PortalHttp.signIn(port, "operator", "demo");

		HttpResponse<String> answer = http.send(http.formPost("/numbers/987654321/warmup/sms/on", ""));

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.body()).contains("id=\"error-404\"").contains("data-section=\"NUMBERS\"");
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

package com.numberops.portal.users;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.SignedIn;

/** A disabled user, or one whose password an admin reset, is signed out at once, not at session timeout. */
class EndingSessionsTests extends PortalIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAdministration administration;

	@Autowired
	UserDetailsService userDetails;

	String newOperator() {
		String username = "ending-" + UUID.randomUUID().toString().substring(0, 8);
		asAdmin(() -> administration.create(new NewUser(username, username, Role.OPERATOR, "long-enough-1", Set.of())));
		return username;
	}

	/** The session cookie of a sign-in: the session itself lives in the shared store (Spring Session JDBC). */
	Cookie signIn(String username) throws Exception {
		return mvc.perform(formLogin("/login").user(username).password("long-enough-1"))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
	}

	void asAdmin(Runnable call) {
		SignedIn.during((PortalPrincipal) userDetails.loadUserByUsername("admin"), () -> {
			call.run();
			return null;
		});
	}

	@Test
	void disablingAUserEndsTheSessionTheyAreIn() throws Exception {
		String username = newOperator();
		Cookie session = signIn(username);
		mvc.perform(get("/numbers").cookie(session).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());

		long id = idOf(username);
		asAdmin(() -> administration.disable(id));

		mvc.perform(get("/numbers").cookie(session).accept(MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/login?error=ended"));
	}

	@Test
	void aPasswordResetEndsTheSessionAndHtmxReloadsThePage() throws Exception {
		String username = newOperator();
		Cookie session = signIn(username);
		long id = idOf(username);
		asAdmin(() -> administration.resetPassword(id, "a-brand-new-one"));

		mvc.perform(get("/numbers").cookie(session).header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Refresh", "true"));
	}

	long idOf(String username) {
		long[] id = new long[1];
		asAdmin(() -> id[0] = administration.users().stream().filter(u -> u.username().equals(username)).findFirst()
			.orElseThrow().id());
		return id[0];
	}
}

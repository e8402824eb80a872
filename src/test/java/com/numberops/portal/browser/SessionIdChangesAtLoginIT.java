package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.options.Cookie;
import com.numberops.portal.support.BrowserTest;

/** Session fixation protection: the session id a visitor had before signing in is not kept. */
class SessionIdChangesAtLoginIT extends BrowserTest {

	@Test
	void sessionIdCookieChangesAtLogin() {
		page.navigate("/login");
		String before = sessionId().orElseThrow(() -> new AssertionError("the login page started no session"));

		loginSuccessfully("operator", DEMO_PASSWORD);

		String after = sessionId().orElseThrow(() -> new AssertionError("no session cookie after login"));
		assertThat(after).isNotEqualTo(before);
		assertThat(cookie().map(cookie -> cookie.httpOnly)).contains(true);

		// the old id is worth nothing: with it, the portal asks for a login again
		context.clearCookies();
		context.addCookies(List.of(new Cookie("SESSION", before).setUrl(baseUrl())));
		page.navigate("/");
		assertThat(page).hasURL(url("/login"));
	}

	private Optional<String> sessionId() {
		return cookie().map(cookie -> cookie.value);
	}

	private Optional<Cookie> cookie() {
		return context.cookies(baseUrl()).stream().filter(cookie -> cookie.name.equals("SESSION")).findFirst();
	}
}

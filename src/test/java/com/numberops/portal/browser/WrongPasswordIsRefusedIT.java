package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import com.numberops.portal.support.BrowserTest;
import com.numberops.portal.users.Role;

/** A wrong password sends the person back to the login form with an explanation. */
class WrongPasswordIsRefusedIT extends BrowserTest {

	@Test
	void wrongPasswordShowsTheError() {
		String username = uniqueUsername("wrong-pw");
		createUser(username, Role.VIEWER, "correct-horse-1");

		login(username, "not-the-password");

		assertThat(page).hasURL(url("/login?error=bad"));
		assertThat(page.locator("#login-error")).isVisible();
		assertThat(page.locator("#login-error")).hasAttribute("data-reason", "bad");
		assertThat(page.locator("#login-error")).hasText("Wrong username or password.");
		assertThat(page.locator("#main-nav")).hasCount(0);
		assertThat(page.locator("#login-form")).isVisible();
		screenshot("bad-password");
	}
}

package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import com.numberops.portal.support.BrowserTest;

/** Logging out lands on the login page, and protected pages then ask for a login again. */
class LogoutEndsTheSessionIT extends BrowserTest {

	@Test
	void logoutLandsOnTheLoginPageAndEndsTheSession() {
		loginSuccessfully("admin", DEMO_PASSWORD);
		page.navigate("/admin/users");
		assertThat(page.locator("#users-table")).isVisible();

		page.locator("#logout").click();

		assertThat(page).hasURL(url("/login?logout"));
		assertThat(page.locator("#logged-out")).isVisible();
		assertThat(page.locator("#main-nav")).hasCount(0);
		screenshot("logged-out");

		page.navigate("/admin/users");
		assertThat(page).hasURL(url("/login"));
		assertThat(page.locator("#login-form")).isVisible();
		assertThat(page.locator("#users-table")).hasCount(0);
	}
}

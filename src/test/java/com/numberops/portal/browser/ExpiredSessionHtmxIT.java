package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.numberops.portal.support.BrowserTest;
import com.numberops.portal.users.Role;
import com.numberops.portal.users.UserAdministration.UserRow;

/**
 * An htmx button pressed after the session ended reloads the whole page, which leads to the
 * login form, instead of swapping the login page (or an error) into a table row.
 */
class ExpiredSessionHtmxIT extends BrowserTest {

	@Test
	void htmxCallOnAnExpiredSessionReloadsToTheLoginPage() {
		String username = uniqueUsername("expiry");
		UserRow user = createUser(username, Role.VIEWER, "viewer-pass-1");
		loginSuccessfully("admin", DEMO_PASSWORD);
		page.navigate("/admin/users");
		assertThat(page.locator("#disable-" + username)).isVisible();
		page.evaluate("() => { window.portalTestMarker = 'before expiry'; }");

		context.clearCookies();
		page.onceDialog(dialog -> dialog.accept());
		page.locator("#disable-" + username).click();

		page.waitForURL(url("/login"));
		assertThat(page.locator("#login-form")).isVisible();
		assertThat(page.locator("#users-table")).hasCount(0);
		// a whole-page load, not a fragment swapped into the old page
		assertThat(page.evaluate("() => window.portalTestMarker === undefined")).isEqualTo(true);
		assertThat(userRow(user.id()).enabled()).isTrue();
		screenshot("login-after-expired-session");
	}
}

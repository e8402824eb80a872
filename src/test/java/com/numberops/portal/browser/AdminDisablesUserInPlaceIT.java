package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.numberops.portal.support.BrowserTest;
import com.numberops.portal.users.Role;
import com.numberops.portal.users.UserAdministration.UserRow;

/** Disabling a user is an htmx call, asked first: only that table row changes, the page is not reloaded. */
class AdminDisablesUserInPlaceIT extends BrowserTest {

	@Test
	void disableButtonSwapsTheRowWithoutReloadingThePage() {
		String username = uniqueUsername("to-disable");
		UserRow user = createUser(username, Role.VIEWER, "viewer-pass-1");
		loginSuccessfully("admin", DEMO_PASSWORD);
		page.navigate("/admin/users");
		Locator row = page.locator("#user-" + user.id());
		assertThat(row.locator(".user-status")).hasText("Active");
		// a full reload would wipe this
		page.evaluate("() => { window.portalTestMarker = 'same page'; }");

		// htmx asks first (hx-confirm); the browser's dialog is answered yes
		List<String> asked = new ArrayList<>();
		page.onceDialog(dialog -> {
			asked.add(dialog.message());
			dialog.accept();
		});
		page.locator("#disable-" + username).click();

		assertThat(row.locator(".user-status")).hasText("Disabled");
		assertThat(asked).singleElement().asString().startsWith("Disable " + username + "?");
		assertThat(page.locator("#enable-" + username)).isVisible();
		assertThat(page.locator("#disable-" + username)).hasCount(0);
		assertThat(page.locator(".portal-toast")).containsText("Disabled " + username + ".");
		assertThat(page).hasURL(url("/admin/users"));
		assertThat(page.evaluate("() => window.portalTestMarker")).isEqualTo("same page");
		assertThat(page.locator("#users-table tbody tr#user-" + user.id())).hasCount(1);
		assertThat(userRow(user.id()).enabled()).isFalse();
		screenshot("user-disabled");
	}
}

package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.numberops.portal.support.ApiClient;
import com.numberops.portal.support.BrowserTest;

/**
 * A person makes an API token from the user menu, copies it from the one answer that shows it,
 * finds it gone from the page on reload (listed, never shown again), and revokes it: whatever
 * used it is refused at once. An admin finds and revokes another user's token on the Admin tab.
 */
class PersonMakesAndRevokesAnApiTokenIT extends BrowserTest {

	@LocalServerPort
	int port;

	@Test
	void anOperatorMakesATokenSeesItOnceAndRevokesIt() {
		String name = "deploy " + UUID.randomUUID().toString().substring(0, 8);
		loginSuccessfully("operator", DEMO_PASSWORD);
		page.locator("#api-tokens-link").click();
		assertThat(page).hasURL(url("/account/tokens"));
		// a full reload would wipe this: the form is swapped in place
		page.evaluate("() => { window.portalTestMarker = 'same page'; }");

		page.locator("#create-token").click();
		assertThat(page.locator("#token-name-errors")).containsText("Enter a name");
		page.locator("#token-name").fill(name);
		page.locator("#token-lifetime").selectOption("DAYS_7");
		page.locator("#create-token").click();

		Locator shown = page.locator("#new-token-value");
		assertThat(shown).hasValue(java.util.regex.Pattern.compile("np_[A-Za-z0-9_-]{43}"));
		assertThat(page.locator("#new-token")).containsText(name);
		assertThat(page.evaluate("() => window.portalTestMarker")).isEqualTo("same page");
		String token = shown.inputValue();
		screenshot("token-shown-once");
		ApiClient api = ApiClient.withToken(port, token);
		assertThat(api.get("/api/me").statusCode()).isEqualTo(200);

		page.reload();
		assertThat(page.locator("#new-token")).hasCount(0);
		assertThat(page.content()).doesNotContain(token);
		Locator row = page.locator("#tokens-table tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(name));
		assertThat(row).hasAttribute("data-state", "ACTIVE");
		assertThat(row.locator(".token-state")).hasText("Active");
		assertThat(row).containsText("np_…" + token.substring(token.length() - 4));

		page.onceDialog(dialog -> dialog.accept());
		row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke")).click();

		assertThat(row).hasAttribute("data-state", "REVOKED");
		assertThat(row.locator(".token-state")).hasText("Revoked");
		assertThat(page.locator(".portal-toast")).containsText("Revoked the token");
		assertThat(api.get("/api/me").statusCode()).isEqualTo(401);
		screenshot("token-revoked");
	}

	@Test
	void anAdminRevokesAnotherUsersToken() {
		String name = "ci " + UUID.randomUUID().toString().substring(0, 8);
		loginSuccessfully("viewer", DEMO_PASSWORD);
		page.navigate("/account/tokens");
		page.locator("#token-name").fill(name);
		page.locator("#create-token").click();
		String token = page.locator("#new-token-value").inputValue();
		context.clearCookies();

		loginSuccessfully("admin", DEMO_PASSWORD);
		page.navigate("/admin/users");
		page.locator("#admin-tokens-tab").click();
		Locator row = page.locator("#all-tokens-table tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(name));
		assertThat(row).containsText("viewer");
		page.onceDialog(dialog -> dialog.accept());
		row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke")).click();

		assertThat(row).hasAttribute("data-state", "REVOKED");
		assertThat(ApiClient.withToken(port, token).get("/api/me").statusCode()).isEqualTo(401);
		screenshot("admin-revoked");
	}
}

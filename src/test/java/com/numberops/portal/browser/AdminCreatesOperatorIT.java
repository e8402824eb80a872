package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.numberops.portal.support.BrowserTest;

/** An admin creates an operator on the Users page; the operator can then sign in. */
class AdminCreatesOperatorIT extends BrowserTest {

	@Test
	void adminCreatesAnOperatorWhoThenSignsIn() {
		String username = uniqueUsername("op");
		String password = "operator-pass-1";
		loginSuccessfully("admin", DEMO_PASSWORD);
		page.locator("#main-nav a.nav-link[data-section=ADMIN]").click();
		assertThat(page).hasURL(url("/admin/users"));

		Locator form = page.locator("#new-user-form");
		form.locator("[name=username]").fill(username);
		form.locator("[name=displayName]").fill("Olga Operator");
		form.locator("select[name=role]").selectOption("OPERATOR");
		form.locator("[name=password]").fill(password);
		form.getByLabel("Growth").check();
		form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create user")).click();

		assertThat(page).hasURL(url("/admin/users"));
		assertThat(page.locator(".portal-toast")).containsText("Created " + username + " (Operator).");
		Locator row = page.locator("#users-table tbody tr").filter(new Locator.FilterOptions().setHasText(username));
		assertThat(row).hasCount(1);
		assertThat(row).hasAttribute("id", Pattern.compile("user-\\d+"));
		assertThat(row.locator("td").nth(1)).hasText("Olga Operator");
		assertThat(row.locator(".role-badge")).hasText("Operator");
		assertThat(row.locator("td").nth(3)).hasText("Growth");
		assertThat(row.locator(".user-status")).hasText("Active");
		screenshot("operator-created");

		page.locator("#logout").click();
		assertThat(page.locator("#logged-out")).isVisible();

		login(username, password);
		assertThat(page).hasURL(url("/"));
		assertNavigation(MEMBER_NAVIGATION);
		assertThat(page.locator("#current-user")).containsText("Olga Operator");
		assertThat(page.locator("#current-user .badge")).hasText("Operator");
		screenshot("new-operator-dashboard");
	}
}

package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Response;
import com.numberops.portal.support.BrowserTest;

/** The error pages keep the portal's layout: the signed-in user's navigation stays. */
class ErrorPagesLookLikeThePortalIT extends BrowserTest {

	@Test
	void viewerOpeningTheUsersPageGetsThePortals403Page() {
		loginSuccessfully("viewer", DEMO_PASSWORD);

		Response response = page.navigate("/admin/users");

		assertThat(response.status()).isEqualTo(403);
		assertThat(page.locator("#error-403")).isVisible();
		assertThat(page.locator("#error-403 h1")).hasText("You may not open this page");
		assertThat(page.locator("#users-table")).hasCount(0);
		assertNavigation(MEMBER_NAVIGATION);
		assertThat(page.locator("#logout")).isVisible();
		screenshot("viewer-403");
	}

	@Test
	void unknownAddressGetsThePortals404Page() {
		loginSuccessfully("operator", DEMO_PASSWORD);

		Response response = page.navigate("/no-such-page-" + System.nanoTime());

		assertThat(response.status()).isEqualTo(404);
		assertThat(page.locator("#error-404")).isVisible();
		assertThat(page.locator("#error-404 h1")).hasText("Nothing here");
		assertNavigation(MEMBER_NAVIGATION);
		assertThat(page.locator("#logout")).isVisible();
		screenshot("operator-404");
	}

	@Test
	void aMalformedAddressGetsThePortals400PageSayingWhy() {
		loginSuccessfully("admin", DEMO_PASSWORD);

		Response response = page.navigate("/admin/users/abc/password");

		assertThat(response.status()).isEqualTo(400);
		assertThat(page.locator("#error-400 h1")).hasText("That request could not be handled");
		assertThat(page.locator("#error-message")).containsText("malformed");
		assertThat(page.locator("#logout")).isVisible();
		screenshot("admin-400");
	}

	@Test
	void aNulInAFilterGetsThePortals400PageNamingTheField() {
		loginSuccessfully("viewer", DEMO_PASSWORD);

		Response response = page.navigate("/changes?user=%00");

		assertThat(response.status()).isEqualTo(400);
		assertThat(page.locator("#error-message")).containsText("\"user\" contains a NUL character");
		assertNavigation(MEMBER_NAVIGATION);
	}
}

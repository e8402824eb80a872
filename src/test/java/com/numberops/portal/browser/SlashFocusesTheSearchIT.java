package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import com.numberops.portal.support.BrowserTest;

/** "/" jumps to the Numbers page's search from anywhere on the page, but types a "/" inside a field (issue 17, item 5). */
class SlashFocusesTheSearchIT extends BrowserTest {

	@Test
	void slashJumpsToTheSearchButNotFromInsideAField() {
		login("operator", DEMO_PASSWORD);
		page.navigate(url("/numbers"));
		page.locator("h1").first().click();
		assertThat(page.locator("#q")).not().isFocused();

		page.keyboard().press("/");

		assertThat(page.locator("#q")).isFocused();
		assertThat(page.locator("#q")).hasValue("");
		page.keyboard().type("555/");
		assertThat(page.locator("#q")).hasValue("555/");
	}
}

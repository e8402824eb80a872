package com.numberops.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.microsoft.playwright.options.BoundingBox;
import com.numberops.portal.support.BrowserTest;

/**
 * Phones (issue 17, item 10): from 360 px wide every page an admin opens keeps its menu, the
 * person's name and "Log out" on the screen (the menu wraps instead of pushing them off to the
 * right) and nothing makes the page scroll sideways but the wide tables, which scroll in their own box.
 */
class NarrowScreensIT extends BrowserTest {

	static final List<String> PAGES = List.of("/", "/numbers", "/changes", "/sync", "/approvals", "/admin/users",
			"/account/tokens", "/settings");

	@ParameterizedTest(name = "{0} px")
	@ValueSource(ints = { 360, 390 })
	void everyPageFitsThePhonesWidth(int width) {
		page.setViewportSize(width, 800);
		login("admin", DEMO_PASSWORD);
		for (String path : PAGES) {
			page.navigate(url(path));
			BoundingBox logout = page.locator("#logout").boundingBox();
			assertThat(logout).as(path + ": Log out is drawn").isNotNull();
			assertThat(logout.x + logout.width).as(path + ": Log out ends within the screen").isLessThanOrEqualTo(width);
			BoundingBox name = page.locator("#my-settings").boundingBox();
			assertThat(name.x + name.width).as(path + ": the person's name ends within the screen").isLessThanOrEqualTo(width);
			Object pageWidth = page.evaluate("() => document.documentElement.scrollWidth");
			assertThat(((Number) pageWidth).intValue()).as(path + ": the page does not scroll sideways").isLessThanOrEqualTo(width);
		}
		page.navigate(url("/numbers"));
		screenshot("numbers-" + width + "px");
		page.navigate(url("/"));
		screenshot("dashboard-" + width + "px");
	}
}

package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.numberops.portal.support.BrowserTest;

/** Each sandbox demo user signs in and sees the sections of its role, and only those. */
class DemoUsersSeeTheirNavigationIT extends BrowserTest {

	static Stream<Arguments> demoUsers() {
		return Stream.of(Arguments.of("admin", "Ada Admin", "Admin", ADMIN_NAVIGATION),
				Arguments.of("operator", "Oscar Operator", "Operator", MEMBER_NAVIGATION),
				Arguments.of("viewer", "Vera Viewer", "Viewer", MEMBER_NAVIGATION));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("demoUsers")
	void demoUserSeesExactlyItsNavigation(String username, String displayName, String roleLabel, List<String> sections) {
		login(username, DEMO_PASSWORD);

		assertThat(page).hasURL(url("/"));
		assertNavigation(sections);
		assertThat(page.locator("#main-nav a.nav-link.active")).hasAttribute("data-section", "DASHBOARD");
		assertThat(page.locator("#current-user")).containsText(displayName);
		assertThat(page.locator("#current-user .badge")).hasText(roleLabel);
		assertThat(page.locator("#logout")).isVisible();
		screenshot(username + "-dashboard");
	}
}

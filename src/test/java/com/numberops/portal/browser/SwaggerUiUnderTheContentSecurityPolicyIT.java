package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.numberops.portal.support.BrowserTest;

/**
 * A signed-in person opens Swagger UI: it draws the API's operations from /v3/api-docs under the
 * portal's strict Content-Security-Policy, unchanged (its page loads scripts and styles from
 * files), and the browser reports no refusal of the policy.
 */
class SwaggerUiUnderTheContentSecurityPolicyIT extends BrowserTest {

	private static final String WATCH = """
			window.__violations = [];
			document.addEventListener('securitypolicyviolation',
			    event => window.__violations.push(event.violatedDirective + ' ' + event.blockedURI + ' ' + event.sourceFile));
			""";

	@Test
	void swaggerUiShowsTheApiWithoutBreakingThePolicy() {
		context.addInitScript(WATCH);
		loginSuccessfully("viewer", DEMO_PASSWORD);
		page.navigate("/swagger-ui.html");

		assertThat(page.locator(".opblock-summary-path").first()).isVisible();
		assertThat(page.locator(".opblock-summary-path", new com.microsoft.playwright.Page.LocatorOptions().setHasText(
				"/api/phone-numbers/{phoneNumberId}")).first()).isVisible();
		@SuppressWarnings("unchecked")
		List<String> violations = (List<String>) page.evaluate("window.__violations");
		assertThat(violations).isEmpty();
		screenshot("swagger-ui");
	}
}

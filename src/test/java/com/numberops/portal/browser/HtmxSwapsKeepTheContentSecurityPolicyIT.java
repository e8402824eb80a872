package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.LoadState;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.support.BrowserTest;
import com.numberops.portal.support.SandboxMirror;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.sync.SyncRuns;

/**
 * htmx swaps on the Numbers page and a number's page keep within the strict
 * Content-Security-Policy, also when elements carry an inline style that the browser itself gave
 * them (a text box the user resized, a password manager's or extension's marks): htmx would copy
 * that style onto the swapped-in element, which the policy refuses. And the login page asks for
 * no file the portal does not have (the favicon).
 */
class HtmxSwapsKeepTheContentSecurityPolicyIT extends BrowserTest {

	/**
	 * Records the policy's refusals and counts htmx's settled swaps in the page itself, so the
	 * test waits on the swap and reads the refusals the browser reported for it.
	 */
	private static final String WATCH = """
			window.__violations = [];
			window.__settled = 0;
			document.addEventListener('securitypolicyviolation',
			    event => window.__violations.push(event.violatedDirective + ' ' + event.sourceFile));
			document.addEventListener('htmx:afterSettle', () => window.__settled++);
			""";

	/**
	 * What a resized text box or an extension's mark looks like to the page: an inline style set
	 * through CSSOM, which the policy allows.
	 */
	private static final String GIVE_INLINE_STYLE = """
			selector => document.querySelectorAll(selector).forEach(element => { element.style.width = '24em'; })
			""";

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	MirrorSync sync;

	@Autowired
	SyncRuns runs;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void mirrorFilled() {
		SandboxMirror.fill(accounts, sync, runs, jdbc, "csp-browser-test");
		context.addInitScript(WATCH);
	}

	@SuppressWarnings("unchecked")
	private List<String> violations() {
		return (List<String>) page.evaluate("window.__violations");
	}

	private void waitForSwaps(int swaps) {
		page.waitForFunction("count => window.__settled >= count", swaps);
	}

	@Test
	void searchingTheNumbersPageOverStyledResultsAppliesNoInlineStyle() {
		loginSuccessfully("operator", DEMO_PASSWORD);
		page.navigate("/numbers");
		page.evaluate(GIVE_INLINE_STYLE, "#number-results [id]");

		page.locator("#q").fill("555");
		waitForSwaps(1);
		assertThat(page).hasURL(Pattern.compile(".*q=555.*"));

		assertThat(violations()).isEmpty();
		screenshot("searched");
	}

	@Test
	void editingOnANumbersPageWithResizedTextBoxesAppliesNoInlineStyle() {
		long id = jdbc.queryForObject("""
				select id from phone_numbers where provider = 'SINCH' and provider_released_at is null
				  and provider_release_scheduled_at is null order by number desc limit 1 offset 7""", Long.class);
		String name = "CSP renamed " + UUID.randomUUID().toString().substring(0, 6);
		loginSuccessfully("operator", DEMO_PASSWORD);
		page.navigate("/numbers/" + id);
		page.evaluate(GIVE_INLINE_STYLE, ".number-detail input[id], .number-detail textarea[id]");

		page.locator("#edit-name").fill(name);
		page.locator("#rename-button").click();
		waitForSwaps(1);
		assertThat(page.locator(".number-header .number-name")).hasText(name);

		assertThat(violations()).isEmpty();
	}

	@Test
	void theLoginPageAsksForNothingThePortalLacks() {
		List<String> failed = new CopyOnWriteArrayList<>();
		page.onResponse(response -> {
			if (response.status() >= 400) {
				failed.add(response.status() + " " + response.url());
			}
		});
		page.navigate("/login");
		assertThat(page.locator("#login-form")).isVisible();
		page.waitForLoadState(LoadState.NETWORKIDLE);

		assertThat(failed).isEmpty();
		for (String icon : List.of("/favicon.ico", "/img/favicon.svg")) {
			APIResponse answer = page.request().get(icon);
			assertThat(answer.status()).as(icon).isEqualTo(200);
		}
	}
}

package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.Locator;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.support.BrowserTest;
import com.numberops.portal.support.SandboxMirror;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.sync.SyncRuns;

/**
 * The daily work done with the keyboard alone (issue 17): Tab, Enter, Space, arrow keys and
 * typing, never a click. An operator searches the Numbers page, sets a filter, opens a number and
 * renames it; an admin approves an override request. After each htmx swap the focus is somewhere
 * sensible (the field that was being used, or the swapped region), never dropped to {@code <body>}.
 */
class KeyboardOnlyWorkIT extends BrowserTest {

	/** More Tab presses than any page has stops before the element looked for. */
	private static final int MAX_TABS = 150;

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
		SandboxMirror.fill(accounts, sync, runs, jdbc, "keyboard-browser-test");
	}

	/**
	 * Presses Tab until the element has the focus: it must be reachable from the keyboard, in the
	 * page's tab order, within {@link #MAX_TABS} presses.
	 */
	private void tabTo(Locator element) {
		for (int i = 0; i < MAX_TABS; i++) {
			page.keyboard().press("Tab");
			if ((Boolean) element.evaluate("element => element === document.activeElement")) {
				return;
			}
		}
		throw new AssertionError("not reachable with Tab: " + element);
	}

	/** The focused element, described: its tag, id and classes. */
	private String focused() {
		return (String) page.evaluate("""
				() => { const e = document.activeElement;
				  return e ? e.tagName.toLowerCase() + '#' + e.id + '.' + e.className : 'none'; }""");
	}

	private void assertFocusOn(String id) {
		assertThat(page.locator("#" + id)).isFocused();
	}

	/** A Sinch number nobody has changed from the portal yet, so the rename is not refused. */
	private String untouchedSinchNumber() {
		return jdbc.queryForObject("""
				select number from phone_numbers n
				where provider = 'SINCH' and provider_released_at is null and provider_missing_since is null
				  and provider_release_scheduled_at is null and sms_provisioning_status is null
				  and voice_provisioning_status is null
				  and not exists (select 1 from pending_changes c where c.phone_number_id = n.id)
				order by number desc offset 3 limit 1""", String.class);
	}

	@Test
	void anOperatorSearchesFiltersOpensANumberAndRenamesIt() {
		String number = untouchedSinchNumber();
		String digits = number.substring(1);
		loginSuccessfully("operator", DEMO_PASSWORD);
		page.navigate("/numbers");

		// "/" jumps to the search; typing searches as one types, the results swap in, focus stays
		page.keyboard().press("/");
		assertFocusOn("q");
		page.keyboard().type(digits);
		page.waitForURL(Pattern.compile(".*[?&]q=" + digits + ".*"));
		assertThat(page.locator("tr.number-row[data-number='" + number + "']")).isVisible();
		assertFocusOn("q");

		// a filter: Tab to the provider list, arrow keys pick the carrier, each choice searches again
		Locator provider = page.locator("#provider");
		tabTo(provider);
		for (int i = 0; i < 5 && !"SINCH".equals(provider.evaluate("select => select.value")); i++) {
			page.keyboard().press("ArrowDown");
		}
		assertThat(provider).hasValue("SINCH");
		page.waitForURL(Pattern.compile(".*[?&]provider=SINCH.*"));
		assertThat(page.locator("tr.number-row")).hasCount(1);
		assertFocusOn("provider");

		// open the number: Tab to its link, Enter
		tabTo(page.locator("tr.number-row a.number-link"));
		page.keyboard().press("Enter");
		page.waitForURL(Pattern.compile(".*/numbers/\\d+$"));

		// rename it: Tab to the name field, replace the text, Tab to Rename, Space; the page redraws itself
		String name = "Keyboard desk " + UUID.randomUUID().toString().substring(0, 6);
		tabTo(page.locator("#edit-name"));
		page.keyboard().press("Control+A");
		page.keyboard().type(name);
		page.keyboard().press("Tab");
		assertFocusOn("rename-button");
		page.keyboard().press("Space");
		assertThat(page.locator(".number-header .number-name")).hasText(name);
		assertThat(page.locator("#toasts")).containsText("Rename saved");
		// htmx gave the focus back to the new page's Rename button: Tab goes on from there
		assertThat(focused()).as("focus after the number's page was swapped").doesNotStartWith("body");
		assertFocusOn("rename-button");
		screenshot("renamed");
	}

	/**
	 * Paging swaps the results in place: the pressed link's twin on the new page keeps the focus
	 * (htmx), and where the new page has none (First page, which the first page does not show) portal.js puts it
	 * on the results region instead of dropping it to {@code <body>}.
	 */
	@Test
	void aViewerPagesTheResultsAndKeepsTheFocus() {
		loginSuccessfully("viewer", DEMO_PASSWORD);
		page.navigate("/numbers?size=25");
		String firstRow = page.locator("tr.number-row").first().getAttribute("id");
		Locator status = page.locator("#results-status");
		assertThat(status).hasText(Pattern.compile("^1\u201325 of [\\d,]+\\+? numbers, sorted by .+"));
		// a screen reader announces changes of a live region that stays: the same element, new text
		status.evaluate("region => region.dataset.kept = 'yes'");

		tabTo(page.locator("#next-page"));
		page.keyboard().press("Enter");
		page.waitForURL(Pattern.compile(".*[?&]from=26.*"));
		assertThat(page.locator("tr.number-row").first()).not().hasAttribute("id", firstRow);
		assertFocusOn("next-page");
		assertThat(status).hasText(Pattern.compile("^26\u201350 of .+"));
		assertThat(status).hasAttribute("data-kept", "yes");

		page.keyboard().press("Shift+Tab");
		page.keyboard().press("Shift+Tab");
		assertFocusOn("first-page");
		page.keyboard().press("Enter");
		assertThat(page.locator("tr.number-row").first()).hasAttribute("id", firstRow);
		assertThat(page.locator("#first-page")).hasCount(0);
		assertFocusOn("number-results");
		// and Tab goes on from there, into the results
		page.keyboard().press("Tab");
		assertThat(focused()).doesNotStartWith("body");
	}

	/**
	 * The links a swap draws work at once: a keyboard user who presses Enter on First page right
	 * after Next page gets the htmx swap, not a full page load that drops the focus to the top (a
	 * clean-clone run did). htmx binds new content when it settles, 20 ms after the swap by
	 * default, a while after the address has changed; the portal settles at once.
	 */
	@Test
	void theLinksOfSwappedResultsWorkAsSoonAsTheAddressChanges() {
		loginSuccessfully("viewer", DEMO_PASSWORD);
		page.navigate("/numbers?size=25");
		page.evaluate("""
				() => document.body.addEventListener('htmx:pushedIntoHistory', () => setTimeout(() => {
				  window.liveAtOnce = !document.getElementById('number-results').classList.contains('htmx-added');
				}, 0), { once: true })""");

		tabTo(page.locator("#next-page"));
		page.keyboard().press("Enter");
		page.waitForFunction("() => window.liveAtOnce !== undefined");
		assertThat(page.evaluate("() => window.liveAtOnce")).isEqualTo(true);
		assertThat(page.locator("#first-page")).isVisible();
	}

	@Test
	void anAdminApprovesAnOverrideRequest() {
		long number = jdbc.queryForObject("""
				select id from phone_numbers where provider = 'FLOWROUTE' and provider_released_at is null
				  and not exists (select 1 from override_requests r where r.phone_number_id = phone_numbers.id)
				order by number desc limit 1""", Long.class);
		long operator = jdbc.queryForObject("select id from users where username = 'operator'", Long.class);
		long request = jdbc.queryForObject("""
				insert into override_requests (phone_number_id, requested_enabled, reason, requested_by_id, requested_by)
				values (?, false, 'Keyboard test request', ?, 'Operator') returning id""", Long.class, number, operator);

		loginSuccessfully("admin", DEMO_PASSWORD);
		// the main navigation's Approvals link, from the keyboard
		tabTo(page.locator("#main-nav a[data-section=APPROVALS]"));
		page.keyboard().press("Enter");
		page.waitForURL(url("/approvals"));

		tabTo(page.locator("#comment-" + request));
		page.keyboard().type("Checked from the keyboard");
		page.keyboard().press("Tab");
		assertFocusOn("approve-" + request);
		page.keyboard().press("Enter");
		assertThat(page.locator("#toasts")).containsText("Request #" + request + " approved.");
		assertThat(page.locator("#request-" + request)).hasCount(0);
		assertThat(page.locator("#decision-" + request)).hasAttribute("data-state", "APPROVED");
		screenshot("approved");
	}
}

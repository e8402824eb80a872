package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.numberops.portal.numbers.PhoneNumbers;
import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.support.BrowserTest;
import com.numberops.portal.support.SandboxMirror;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.sync.SyncRuns;

/**
 * The inventory in a browser, over the sandbox fleet a real sync copied into the mirror: search
 * by digits, combine filters, page forward and back with the browser's own buttons, open a
 * number and page its timeline, export the search as CSV; all of it through htmx without a
 * reload, and the same pages with JavaScript switched off.
 */
class OperatorWorksTheInventoryIT extends BrowserTest {

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	MirrorSync sync;

	@Autowired
	SyncRuns runs;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	PhoneNumbers numbers;

	/** The mirror holds every sandbox number (a sync of each account, once per test JVM). */
	@BeforeEach
	void mirrorFilled() {
		SandboxMirror.fill(accounts, sync, runs, jdbc, "inventory-browser-test");
	}

	private int numbersOf(ProviderAccount account) {
		return SandboxMirror.numbersOf(jdbc, account);
	}

	private ProviderAccount account(ProviderKind kind) {
		return accounts.all().stream().filter(account -> account.provider() == kind).findFirst().orElseThrow();
	}

	private Locator rows() {
		return page.locator("#numbers-table tr.number-row");
	}

	@SuppressWarnings("unchecked")
	private List<String> rowIds() {
		return (List<String>) rows().evaluateAll("rows => rows.map(row => row.id)");
	}

	private void markPage() {
		page.evaluate("() => { window.inventoryMarker = 'same page'; }");
	}

	private void assertNoReloadSinceMarked() {
		assertThat(page.evaluate("() => window.inventoryMarker")).isEqualTo("same page");
	}

	@Test
	void searchingDigitsFindsTheNumbersHoldingThemWithoutAReload() {
		ProviderAccount flowroute = account(ProviderKind.FLOWROUTE);
		String number = jdbc.queryForObject(
				"select number from phone_numbers where provider_account_id = ? order by number limit 1 offset 7",
				String.class, flowroute.id());
		String digits = number.substring(number.length() - 6);
		int expected = jdbc.queryForObject("select count(*) from phone_numbers where number like ?", Integer.class,
				"%" + digits + "%");
		assertThat(expected).isBetween(1, 50);

		loginSuccessfully("viewer", DEMO_PASSWORD);
		page.navigate("/numbers");
		assertThat(page.locator("h1")).hasText("Numbers");
		markPage();

		page.locator("#q").fill(digits);

		assertThat(page).hasURL(url("/numbers?q=" + digits));
		assertThat(rows()).hasCount(expected);
		for (Locator row : rows().all()) {
			assertThat(row.locator("a.number-link")).containsText(digits);
		}
		assertThat(page.locator("#match-count")).hasText(expected == 1 ? "1 number" : expected + " numbers");
		assertNoReloadSinceMarked();

		// a reload of the pushed URL shows the same search, with the box filled in
		page.reload();
		assertThat(page.locator("#q")).hasValue(digits);
		assertThat(rows()).hasCount(expected);
	}

	@Test
	void twoFiltersCombineAndTheExportCarriesThem() {
		int expected = jdbc.queryForObject(
				"select count(*) from phone_numbers where provider = 'SINCH' and number_type = 'MOBILE'", Integer.class);
		assertThat(expected).isBetween(2, 200);

		// one of them disabled by an admin override, with a change on its way to the carrier
		long marked = jdbc.queryForObject("""
				select id from phone_numbers where provider = 'SINCH' and number_type = 'MOBILE'
				order by number, id offset 2 limit 1""", Long.class);
		withOverrideAndPendingChange(marked, () -> {
			loginSuccessfully("viewer", DEMO_PASSWORD);
			page.navigate("/numbers");
			markPage();
			filterAndExport(expected, marked);
		});
	}

	private void filterAndExport(int expected, long marked) {
		page.locator("#provider").selectOption("SINCH");
		assertThat(page).hasURL(url("/numbers?provider=SINCH"));
		page.locator("#type").selectOption("MOBILE");
		assertThat(page).hasURL(url("/numbers?provider=SINCH&type=MOBILE"));
		page.locator("#size").selectOption("200");
		assertThat(page).hasURL(url("/numbers?provider=SINCH&type=MOBILE&size=200"));

		assertThat(page.locator("#match-count")).hasText(expected + " numbers");
		assertThat(rows()).hasCount(expected);
		for (Locator row : rows().all()) {
			assertThat(row.locator("td").nth(2)).hasText("Sinch");
			assertThat(row.locator("td").nth(3)).containsText("Mobile");
		}
		Locator markedRow = page.locator("#number-" + marked);
		assertThat(markedRow.locator(".enabled-badge")).hasText("Disabled");
		assertThat(markedRow.locator(".override-marker")).isVisible();
		assertThat(markedRow.locator(".pending-badge")).isVisible();
		assertNoReloadSinceMarked();
		screenshot("list");

		assertThat(page.locator("#export-csv"))
			.hasAttribute("href", "/numbers/export.csv?provider=SINCH&type=MOBILE");
		Download download = page.waitForDownload(() -> page.locator("#export-csv").click());
		assertThat(download.suggestedFilename()).matches("numbers-\\d{4}-\\d{2}-\\d{2}\\.csv");
		List<String> lines;
		try {
			lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
		assertThat(lines.get(0)).startsWith("\ufeffNumber,Name,Provider,Account,");
		assertThat(lines).hasSize(expected + 1);
		assertThat(lines.subList(1, lines.size())).allMatch(line -> line.contains(",Sinch,") && line.contains(",Mobile,"));
		assertThat(lines).anyMatch(line -> line.contains(",no,disabled,") && line.contains(",yes,"));
	}

	/**
	 * Runs the steps with the number overridden off (its derived states recomputed, as the
	 * approval will) and a pending rename; puts it back afterwards.
	 */
	private void withOverrideAndPendingChange(long id, Runnable steps) {
		transactions.executeWithoutResult(status -> {
			jdbc.update("""
					update phone_numbers set override_enabled = false, override_reason = 'Carrier complaint, paused by an admin',
					    override_updated_by_user_id = 'admin', override_updated_at = now() where id = ?""", id);
			numbers.rederive(List.of(id));
		});
		long change = jdbc.queryForObject("""
				insert into pending_changes (phone_number_id, kind, fields, payload, state, attempts, requested_by)
				values (?, 'RENAME', array['name'], '{"displayName": "Renamed"}', 'WAITING_FOR_PROVIDER', 1, 'operator')
				returning id""", Long.class, id);
		try {
			steps.run();
		}
		finally {
			jdbc.update("delete from pending_changes where id = ?", change);
			transactions.executeWithoutResult(status -> {
				jdbc.update("""
						update phone_numbers set override_enabled = null, override_reason = null,
						    override_updated_by_user_id = null, override_updated_at = null where id = ?""", id);
				numbers.rederive(List.of(id));
			});
		}
	}

	@Test
	void pagingForwardAndBackWithTheBrowsersButtons() {
		ProviderAccount sinch = account(ProviderKind.SINCH);
		assertThat(numbersOf(sinch)).isGreaterThan(50);
		loginSuccessfully("viewer", DEMO_PASSWORD);
		String first = "/numbers?account=" + sinch.id() + "&size=25";
		page.navigate(first);
		assertThat(rows()).hasCount(25);
		List<String> firstPage = rowIds();
		markPage();

		page.locator("#next-page").click();
		// Playwright hands the pattern to the browser: JavaScript syntax (no Pattern.quote)
		assertThat(page).hasURL(Pattern.compile("/numbers\\?account=" + sinch.id() + "&size=25&after=[A-Za-z0-9_-]+&from=26$"));
		assertThat(rows().first()).not().hasAttribute("id", firstPage.get(0));
		assertThat(rows()).hasCount(25);
		String secondUrl = page.url();
		List<String> secondPage = rowIds();
		assertThat(secondPage).doesNotContainAnyElementsOf(firstPage);

		page.locator("#next-page").click();
		assertThat(rows().first()).not().hasAttribute("id", secondPage.get(0));
		List<String> thirdPage = rowIds();
		assertThat(thirdPage).doesNotContainAnyElementsOf(secondPage);
		assertThat(page.url()).isNotEqualTo(secondUrl);
		assertNoReloadSinceMarked();

		page.goBack();
		assertThat(page).hasURL(secondUrl);
		assertThat(rows().first()).hasAttribute("id", secondPage.get(0));
		assertThat(rowIds()).isEqualTo(secondPage);

		page.goBack();
		assertThat(page).hasURL(url(first));
		assertThat(rows().first()).hasAttribute("id", firstPage.get(0));
		assertThat(rowIds()).isEqualTo(firstPage);
		assertThat(page.locator("#first-page")).hasCount(0);

		page.goForward();
		assertThat(page).hasURL(secondUrl);
		assertThat(rows().first()).hasAttribute("id", secondPage.get(0));

		// "First page" goes back to the start, and is itself a history entry
		page.locator("#first-page").click();
		assertThat(page).hasURL(url(first));
		assertThat(rows().first()).hasAttribute("id", firstPage.get(0));
	}

	@Test
	void openingANumberShowsItsRecordAndItsTimelinePagesInPlace() {
		ProviderAccount sinch = account(ProviderKind.SINCH);
		long id = jdbc.queryForObject(
				"select id from phone_numbers where provider_account_id = ? and name is not null order by number limit 1",
				Long.class, sinch.id());
		String number = jdbc.queryForObject("select number from phone_numbers where id = ?", String.class, id);
		// newer than whatever the sync recorded for the number
		Instant base = jdbc.queryForObject("select max(created_at) from number_events where phone_number_id = ?",
				Timestamp.class, id).toInstant().plusSeconds(1);
		for (int i = 0; i < 30; i++) {
			jdbc.update("""
					insert into number_events (phone_number_id, type, title, field, before_value, after_value, source,
					    actor_name, created_at)
					values (?, 'RENAMED', ?, 'name', ?, ?, 'PORTAL', 'Olga Operator', ?)""", id, "Renamed in the portal " + i,
					"Name " + i, "Name " + (i + 1), Timestamp.from(base.plusSeconds(i)));
		}

		withOverrideAndPendingChange(id, () -> openAndPageTheTimeline(id, number));
	}

	private void openAndPageTheTimeline(long id, String number) {
		loginSuccessfully("viewer", DEMO_PASSWORD);
		page.navigate("/numbers?q=" + number.substring(1));
		page.locator("#number-" + id + " a.number-link").click();

		assertThat(page).hasURL(url("/numbers/" + id));
		assertThat(page.locator("#number-title")).hasText(number);
		for (String section : List.of("identity", "enablement", "ownership", "provider", "configuration", "release",
				"capabilities", "10dlc", "warmup", "call-warmup", "health", "flags", "billing", "location")) {
			assertThat(page.locator("#section-" + section)).isVisible();
		}
		assertThat(page.locator("#provider-raw pre")).containsText("\"phoneNumber\"");
		assertThat(page.locator("#effective-enablement")).hasText("Disabled");
		assertThat(page.locator(".number-header .state-badge")).hasText("Suspended");
		assertThat(page.locator("#section-enablement")).containsText("Carrier complaint, paused by an admin");
		assertThat(page.locator("#pending-changes tr.pending-change")).hasCount(1);
		assertThat(page.locator("#pending-changes tr.pending-change")).containsText("WAITING_FOR_PROVIDER");

		Locator timeline = page.locator("#number-timeline");
		assertThat(timeline.locator("tr.timeline-event")).hasCount(25);
		assertThat(timeline.locator("tr.timeline-event").first()).containsText("Renamed in the portal 29");
		assertThat(timeline.locator("tr.timeline-event").first()).containsText("Olga Operator");
		assertThat(timeline.locator("tr.timeline-event").first()).containsText("Name 29");
		screenshot("detail");
		markPage();

		timeline.locator("#older-events").click();
		assertThat(page).hasURL(Pattern.compile("/numbers/" + id + "\\?before=[A-Za-z0-9_-]+$"));
		// the sync's "First seen" is the oldest event of all
		assertThat(page.locator("#number-timeline tr.timeline-event").last()).containsText("First seen at");
		int events = jdbc.queryForObject("select count(*) from number_events where phone_number_id = ?", Integer.class, id);
		assertThat(page.locator("#number-timeline tr.timeline-event")).hasCount(events - 25);
		assertThat(page.locator("#newest-events")).isVisible();
		assertNoReloadSinceMarked();

		page.goBack();
		assertThat(page).hasURL(url("/numbers/" + id));
		assertThat(page.locator("#number-timeline tr.timeline-event")).hasCount(25);
	}

	@Test
	void withoutJavaScriptTheFormAndThePageLinksStillWork(Browser browser) {
		BrowserContext plain = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl())
			.setJavaScriptEnabled(false));
		try {
			Page noJs = plain.newPage();
			noJs.navigate("/login");
			noJs.locator("#username").fill("viewer");
			noJs.locator("#password").fill(DEMO_PASSWORD);
			noJs.locator("#login-form button[type=submit]").click();
			noJs.navigate("/numbers");
			noJs.locator("#provider").selectOption("FLOWROUTE");
			noJs.locator("#size").selectOption("25");
			noJs.locator("#search-button").click();
			assertThat(noJs).hasURL(Pattern.compile(".*provider=FLOWROUTE.*"));
			assertThat(noJs.locator("#numbers-table tr.number-row")).hasCount(25);
			for (Locator cell : noJs.locator("#numbers-table tr.number-row td:nth-child(3)").all()) {
				assertThat(cell).hasText("Flowroute");
			}
			noJs.locator("#next-page").click();
			assertThat(noJs).hasURL(Pattern.compile(".*after=.*"));
			assertThat(noJs.locator("#first-page")).isVisible();
		}
		finally {
			plain.close();
		}
	}
}

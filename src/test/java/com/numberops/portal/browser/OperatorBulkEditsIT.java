package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.support.BrowserTest;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.sync.SyncTrigger;

/**
 * A bulk edit in a browser: an operator ticks a page of 25 Flowroute numbers, chooses CNAM
 * lookups, reads the dry run, confirms, and watches the batch's progress bar fill to 100% while
 * the page polls; a viewer gets no checkboxes.
 */
class OperatorBulkEditsIT extends BrowserTest {

	@Autowired
	MirrorSync sync;

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	SandboxFaults faults;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void mirrorOfTheSandbox() {
		faults.clearAll();
		long flowroute = accounts.all().stream().filter(a -> a.provider() == ProviderKind.FLOWROUTE).findFirst()
			.orElseThrow().id();
		sync.syncAccount(flowroute, SyncTrigger.MANUAL, "test").orElseThrow();
	}

	@Test
	void operatorSelectsAPagePreviewsConfirmsAndWatchesTheBatchFinish() {
		// the first page of Flowroute numbers, as the page sorts them: switch CNAM to what its first number lacks
		List<Boolean> cnam = jdbc.queryForList("""
				select coalesce(cnam_lookups_enabled, false) from phone_numbers where provider = 'FLOWROUTE'
				order by number, id limit 25""", Boolean.class);
		boolean on = !cnam.get(0);

		loginSuccessfully("operator", DEMO_PASSWORD);
		page.navigate("/numbers?provider=FLOWROUTE&size=25");
		assertThat(page.locator("tr.number-row")).hasCount(25);
		page.locator("#bulk-select-page").check();
		assertThat(page.locator("input.bulk-check:checked")).hasCount(25);
		screenshot("selected");
		page.locator("#bulk-selected").click();

		assertThat(page.locator("#bulk-selection")).containsText("25 selected numbers");
		page.locator("#bulk-kind").selectOption("CNAM_LOOKUPS");
		// only the on/off field of this edit is shown
		assertThat(page.locator("#bulk-plan")).isHidden();
		page.locator("#bulk-enabled").selectOption(String.valueOf(on));
		page.locator("#bulk-preview-button").click();

		assertThat(page.locator("#bulk-preview-table tr.bulk-item")).hasCount(25);
		Locator changing = page.locator("#bulk-preview-table tr.bulk-item[data-outcome=change]");
		int willChange = changing.count();
		assertThat(willChange).isPositive();
		assertThat(page.locator("#bulk-will-change")).hasText(willChange + " will change");
		screenshot("preview");
		page.locator("#bulk-confirm-button").click();

		assertThat(page).hasURL(Pattern.compile(".*/changes/batches/\\d+$"));
		assertThat(page.locator("#batch-total")).hasText(String.valueOf(willChange));
		page.evaluate("() => { window.portalTestMarker = 'same page'; }");
		assertThat(page.locator("#batch-percent")).hasText("100%",
				new LocatorAssertions.HasTextOptions().setTimeout(60_000));
		assertThat(page.locator("#batch-progress")).hasAttribute("data-done", "true");
		assertThat(page.locator("#batch-progress")).not().hasAttribute("hx-trigger", Pattern.compile(".*"));
		assertThat(page.locator("tr.batch-change[data-state=SUCCEEDED]")).hasCount(willChange);
		// polled into place, never reloaded
		assertThat(page.evaluate("() => window.portalTestMarker")).isEqualTo("same page");
		screenshot("done");

		page.locator("tr.batch-change a").first().click();
		assertThat(page).hasURL(Pattern.compile(".*/numbers/\\d+$"));
	}

	@Test
	void aViewerHasNoBulkSelection() {
		loginSuccessfully("viewer", DEMO_PASSWORD);
		page.navigate("/numbers?provider=FLOWROUTE&size=25");
		assertThat(page.locator("tr.number-row")).hasCount(25);
		assertThat(page.locator("input.bulk-check")).hasCount(0);
		assertThat(page.locator("#bulk-form")).hasCount(0);
	}
}

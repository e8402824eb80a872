package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.numberops.portal.support.BrowserTest;

/**
 * An operator pages forward and back through the Numbers page (issue 17, item 5): each page says
 * which rows it shows, Previous page returns the same rows, and numbers ticked on different pages
 * stay ticked and all go to the bulk edit together.
 */
class OperatorPagesKeepingASelectionIT extends BrowserTest {

	@Test
	void ticksOnTwoPagesSurvivePagingAndGoToOneBulkEdit() {
		login("operator", DEMO_PASSWORD);
		page.navigate(url("/numbers?provider=FLOWROUTE&size=5"));
		Locator rows = page.locator("tr.number-row");
		assertThat(rows).hasCount(5);
		assertThat(page.locator("#page-position")).hasText("1–5 of");
		Object firstPage = rows.evaluateAll("rows => rows.map(row => row.id)");
		page.locator("tr.number-row input.bulk-check").nth(0).check();
		page.locator("tr.number-row input.bulk-check").nth(1).check();
		assertThat(page.locator("#bulk-selected-count")).hasText("2 selected");

		page.locator("#next-page").click();
		assertThat(page.locator("#page-position")).hasText("6–10 of");
		assertThat(page.locator("input.bulk-check:checked")).hasCount(0);
		page.locator("tr.number-row input.bulk-check").nth(4).check();
		assertThat(page.locator("#bulk-selected-count")).hasText("3 selected");

		page.locator("#previous-page").click();
		assertThat(page.locator("#page-position")).hasText("1–5 of");
		assertThat(rows).hasCount(5);
		assertThat(rows.evaluateAll("rows => rows.map(row => row.id)")).as("the same rows again").isEqualTo(firstPage);
		assertThat(page.locator("tr.number-row input.bulk-check").nth(0)).isChecked();
		assertThat(page.locator("tr.number-row input.bulk-check").nth(1)).isChecked();
		assertThat(page.locator("#bulk-selected-count")).hasText("3 selected");
		screenshot("selection-kept");

		page.locator("#bulk-selected").click();
		assertThat(page.locator("#bulk-selection")).containsText("3 selected numbers");
	}
}

package com.numberops.portal.numbers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The inventory rows written in Java: every value escaped wherever it lands, the output ASCII only,
 * and the markup the stylesheet, the bulk-edit script and the browser tests select on.
 */
class InventoryRowsHtmlUnitTest {

	static InventoryRow row(long id, String name) {
		return new InventoryRow(id, "+12065550100", name, false, "Sinch", "US · Local", "Growth", "Ready for SMS",
				"Active", "sp-growth-01 / CA1B2C3", "Warming", 72, "calls: Warming", true, null, "2026-05-01 12:00");
	}

	@Test
	void aHostileNameIsTextInTheCellAndInItsTitle() {
		String html = InventoryRowsHtml.of(List.of(row(7, "<script>alert(\"x\")</script> & 'co'")), "/numbers/",
				false);

		assertThat(html).doesNotContain("<script>", "\"x\"", "'co'")
			.contains("title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;\"")
			.contains(">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</td>");
	}

	@Test
	void everyValueIsEscapedWhereverItLands() {
		String hostile = "\"><b>";
		InventoryRow row = new InventoryRow(1, hostile, hostile, true, hostile, hostile, hostile, hostile, hostile,
				hostile, hostile, 5, hostile, false, hostile, hostile);

		String html = InventoryRowsHtml.of(List.of(row), "/x\"/", true);

		assertThat(html).doesNotContain("<b>", "x\"/").contains("&quot;&gt;&lt;b&gt;");
	}

	@Test
	void theOutputIsAsciiWithNonAsciiAsReferences() {
		String html = InventoryRowsHtml.of(List.of(row(1, "Zoë’s line 电话")), "/numbers/", false);

		assertThat(html).matches("\\p{ASCII}*")
			.contains(">US &middot; Local</td>")
			.contains(">Zo&euml;&rsquo;s line &#30005;&#35805;</td>");
	}

	@Test
	void rowsCarryTheHooksThePageReads() {
		String html = InventoryRowsHtml.of(List.of(row(7, "Growth line 7"), row(8, "Growth line 8")), "/ctx/numbers/",
				true);

		assertThat(html).contains("<tr class=\"number-row\" id=\"number-7\" data-number=\"+12065550100\">")
			.contains("<tr class=\"number-row\" id=\"number-8\"")
			.contains("<a class=\"number-link font-monospace\" href=\"/ctx/numbers/7\">+12065550100</a>")
			.contains("class=\"form-check-input bulk-check\"", "name=\"ids\" form=\"bulk-form\" value=\"7\"")
			.contains("data-state=\"Ready for SMS\">Ready for SMS<", "data-status=\"Active\">Active<")
			.contains("<span class=\"health-score\" title=\"Warmup health score\">72</span>")
			.contains("data-enabled=\"true\">Enabled</span>");
		assertThat(html.split("<tr ", -1)).hasSize(3);
	}

	@Test
	void noBulkCheckboxForViewersWhoCannotBulkEdit() {
		assertThat(InventoryRowsHtml.of(List.of(row(7, "x")), "/numbers/", false)).doesNotContain("bulk-check",
				"bulk-cell");
	}

	@Test
	void emptyCellsStayEmptyForTheStylesheetsDash() {
		InventoryRow bare = new InventoryRow(3, "+12065550103", null, false, "Flowroute", "US", null, "Inactive",
				"Released", null, null, null, null, false, null, "2026-05-01 12:00");

		String html = InventoryRowsHtml.of(List.of(bare), "/numbers/", false);

		assertThat(html).contains("<td class=\"inventory-name cell\"></td>", "<td class=\"text-nowrap cell\"></td>",
				"<td class=\"text-nowrap small cell\"></td>", "<span class=\"cell\"></span></td>")
			.doesNotContain("title=\"null", ">null<", "health-score", "pending-badge", "override-marker")
			.contains("data-enabled=\"false\">Disabled</span>");
	}

	@Test
	void pendingAndOverrideMarkersShowWhenTheyApply() {
		InventoryRow row = new InventoryRow(4, "+12065550104", "n", true, "Sinch", "US", "Growth", "Ready for SMS",
				"Active", null, null, null, null, true, "Admin override: enabled (its own flag says disabled)",
				"2026-05-01 12:00");

		assertThat(InventoryRowsHtml.of(List.of(row), "/numbers/", false))
			.contains("<span class=\"badge pending-badge\" title=\"A change is on its way to the carrier\">pending</span>")
			.contains("<span class=\"override-marker\" title=\"Admin override: enabled (its own flag says disabled)\">override</span>");
	}

	@Test
	void noRowsIsNothing() {
		assertThat(InventoryRowsHtml.of(List.of(), "/numbers/", true)).isEmpty();
	}
}

package com.numberops.portal.numbers.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.unbescape.html.HtmlEscape;
import org.unbescape.html.HtmlEscapeLevel;
import org.unbescape.html.HtmlEscapeType;

/**
 * The inventory table's rows as HTML, written here rather than by a Thymeleaf loop. The page
 * around them stays a template; the rows are the one place where the template engine's cost per
 * attribute (about a microsecond each, 27 per row) made a 50-row page take longer to render than
 * its SQL took to run (inventory benchmark, docs/benchmarks.md).
 *
 * <p>Every value, in text and in attributes alike, goes through unbescape (the escaper behind
 * {@code th:text}) at the level that also turns every non-ASCII character into a reference
 * ("·" into {@code &middot;}): the JDK's UTF-8 encoder leaves its fast path at the first
 * non-ASCII character of a write and finishes it a character at a time, which was a third of
 * this fragment's rendering. The markup is the one the stylesheet, the bulk-edit
 * script and the browser tests read: {@code tr.number-row#number-<id>[data-number]}, a
 * {@code .bulk-check} per row when bulk edits are offered, {@code .cell} on cells that may be
 * empty (the stylesheet shows "—").
 */
final class InventoryRowsHtml {

	// about what one row takes, so a page is one allocation
	private static final int ROW_CHARS = 1_100;

	private InventoryRowsHtml() {
	}

	/**
	 * @param numbersBase the number page's path with its trailing slash ({@code /numbers/}, under
	 *     the context path): a row's link is this plus its id
	 * @param bulk whether each row gets a bulk-edit checkbox
	 */
	static String of(List<InventoryRow> rows, String numbersBase, boolean bulk) {
		StringBuilder html = new StringBuilder(rows.size() * ROW_CHARS);
		for (InventoryRow row : rows) {
			row(html, row, numbersBase, bulk);
		}
		return html.toString();
	}

	private static void row(StringBuilder html, InventoryRow row, String numbersBase, boolean bulk) {
		html.append("<tr class=\"number-row\" id=\"number-").append(row.id()).append("\" data-number=\"");
		escaped(html, row.number()).append("\">\n");
		if (bulk) {
			html.append("<td class=\"bulk-cell\"><input class=\"form-check-input bulk-check\" type=\"checkbox\"")
				.append(" aria-label=\"Select for a bulk edit\" name=\"ids\" form=\"bulk-form\" value=\"")
				.append(row.id())
				.append("\"></td>\n");
		}
		html.append("<td class=\"text-nowrap\"><a class=\"number-link font-monospace\" href=\"");
		escaped(html, numbersBase).append(row.id()).append("\">");
		escaped(html, row.number()).append("</a>");
		if (row.pendingChange()) {
			html.append(" <span class=\"badge pending-badge\" title=\"A change is on its way to the carrier\">pending</span>");
		}
		html.append("</td>\n");

		html.append("<td class=\"inventory-name cell\"");
		if (row.name() != null) {
			escaped(html.append(" title=\""), row.name()).append('"');
		}
		cellText(html.append('>'), row.name()).append("</td>\n");
		cell(html, "text-nowrap", row.provider());
		cell(html, "text-nowrap", row.region());
		cell(html, "text-nowrap cell", row.team());

		html.append("<td class=\"text-nowrap\"><span class=\"badge state-badge\" data-state=\"");
		escaped(html, row.inventoryState()).append("\">");
		escaped(html, row.inventoryState()).append("</span> <span class=\"badge status-badge\" data-status=\"");
		escaped(html, row.status()).append("\">");
		escaped(html, row.status()).append("</span></td>\n");

		cell(html, "text-nowrap small cell", row.smsPlan());

		html.append("<td class=\"text-nowrap small\"><span class=\"cell\">");
		cellText(html, row.warmup()).append("</span>");
		if (row.warmupHealth() != null) {
			html.append(" <span class=\"health-score\" title=\"Warmup health score\">")
				.append(row.warmupHealth().intValue())
				.append("</span>");
		}
		if (row.callWarmup() != null) {
			html.append(" <span class=\"text-secondary d-block\">");
			escaped(html, row.callWarmup()).append("</span>");
		}
		html.append("</td>\n");

		html.append("<td class=\"text-nowrap\"><span class=\"badge enabled-badge\" data-enabled=\"")
			.append(row.enabled())
			.append("\">")
			.append(row.enabled() ? "Enabled" : "Disabled")
			.append("</span>");
		if (row.overrideTitle() != null) {
			html.append(" <span class=\"override-marker\" title=\"");
			escaped(html, row.overrideTitle()).append("\">override</span>");
		}
		html.append("</td>\n");

		cell(html, "text-nowrap small text-secondary", row.modified());
		html.append("</tr>\n");
	}

	private static void cell(StringBuilder html, String classes, @Nullable String text) {
		html.append("<td class=\"").append(classes).append("\">");
		cellText(html, text).append("</td>\n");
	}

	/** Nothing for null: the element stays empty, and {@code .cell:empty} shows the dash. */
	private static StringBuilder cellText(StringBuilder html, @Nullable String text) {
		return text == null ? html : escaped(html, text);
	}

	private static StringBuilder escaped(StringBuilder html, String text) {
		// unbescape returns the same instance when there is nothing to escape, the usual case
		return html.append(HtmlEscape.escapeHtml(text, HtmlEscapeType.HTML4_NAMED_REFERENCES_DEFAULT_TO_DECIMAL,
				HtmlEscapeLevel.LEVEL_2_ALL_NON_ASCII_PLUS_MARKUP_SIGNIFICANT));
	}
}

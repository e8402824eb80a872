package com.numberops.portal.numbers.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.numbers.NumberListPage;
import com.numberops.portal.numbers.NumberQueries;

/**
 * One answer of the Numbers page as its results fragment shows it, its rows worded once. Public,
 * as is every type the fragment's expressions reach: compiled SpEL only calls public types and
 * silently falls back to reflection otherwise.
 */
public record NumberListView(NumberQueries.Request request, NumberListPage page, InventoryLinks links,
		boolean limitedViewer, boolean bulkEdits, List<InventoryRow> rows) {

	/**
	 * @param bulkEdits whether the viewer may make bulk edits (operators and up): the checkboxes
	 *     and the bulk buttons; the service checks it again
	 */
	static NumberListView of(NumberQueries.Request request, NumberListPage page, InventoryLinks links,
			boolean limitedViewer, boolean bulkEdits) {
		return new NumberListView(request, page, links, limitedViewer, bulkEdits,
				page.rows().stream().map(InventoryRow::of).toList());
	}

	/** The table's rows as HTML; {@code numbersBase} is the number page's path ending in a slash. */
	public String rowsHtml(String numbersBase) {
		return InventoryRowsHtml.of(rows, numbersBase, bulkEdits);
	}

	/** What to say instead of rows, if anything. (Public, as the template compares it.) */
	public enum Empty {
		/** rows to show */
		NONE,
		/** the request could not be read: its problems are shown */
		PROBLEMS,
		/** nothing in the mirror for this viewer at all */
		NO_NUMBERS,
		/** numbers exist, none matches */
		NO_MATCH,
		/** a page past the last one (rows went away since the link was made) */
		NO_MORE
	}

	public List<String> problems() {
		return request.problems();
	}

	public Empty empty() {
		if (!request.valid()) {
			return Empty.PROBLEMS;
		}
		if (!page.empty()) {
			return Empty.NONE;
		}
		if (links.paged()) {
			return Empty.NO_MORE;
		}
		return links.filtered() ? Empty.NO_MATCH : Empty.NO_NUMBERS;
	}

	/**
	 * "1 number", "1,234 numbers", "10,000+ numbers". (Not String.format: its Formatter and number
	 * format were a tenth of a small page's rendering.)
	 */
	public String count() {
		String grouped = grouped(page.matches());
		if (page.matchesCapped()) {
			return grouped + "+ numbers";
		}
		return grouped + (page.matches() == 1 ? " number" : " numbers");
	}

	static String grouped(long value) {
		String digits = Long.toString(Math.abs(value));
		StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
		if (value < 0) {
			out.append('-');
		}
		for (int i = 0; i < digits.length(); i++) {
			if (i > 0 && (digits.length() - i) % 3 == 0) {
				out.append(',');
			}
			out.append(digits.charAt(i));
		}
		return out.toString();
	}

	/** Whether there is a page to go to: back to the first, or on to the next. */
	public boolean paged() {
		return links.paged() || page.nextCursor() != null;
	}

	/** The next page's link, or null on the last page. */
	public @Nullable String nextPage() {
		return page.nextCursor() == null ? null : links.next(page.nextCursor(), rows.size());
	}

	/** The previous page's link, or null on the first page. */
	public @Nullable String previousPage() {
		return page.previousCursor() == null ? null : links.previous(page.previousCursor(), request.pageSize());
	}

	/** "51–100" (which rows of the whole list this page shows), or null when not known or nothing shown. */
	public @Nullable String position() {
		Long from = links.from();
		if (from == null || rows.isEmpty()) {
			return null;
		}
		return grouped(from) + "–" + grouped(from + rows.size() - 1);
	}

	/**
	 * {@link #position()} as markup, the dash a character reference: one character beyond Latin-1
	 * written into the page turns Thymeleaf's whole buffer to two bytes a character, copied again on
	 * the way out (a profile found it in the Numbers page). Digits and separators only: safe unescaped.
	 */
	public @Nullable String positionMarkup() {
		String position = position();
		return position == null ? null : position.replace("–", "&#8211;");
	}

	/** A column header's aria-sort: how the list is sorted when by this column, else null. */
	public @Nullable String ariaSort(String sort) {
		if (!request.sort().param().equals(sort)) {
			return null;
		}
		return request.sort().descending() ? "descending" : "ascending";
	}

	public String sortLabel() {
		return request.sort().label();
	}
}

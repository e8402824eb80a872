package com.numberops.portal.numbers.web;

import java.util.List;
import java.util.Locale;

import com.numberops.portal.numbers.NumberListPage;
import com.numberops.portal.numbers.NumberQueries;

/**
 * One answer of the Numbers page as its results fragment shows it. Public, and its rows worded
 * once: the template reads them several times, and compiled SpEL only calls public types.
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

	/** What to say instead of rows, if anything. */
	enum Empty {
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

	/** "1 number", "1,234 numbers", "10,000+ numbers". */
	public String count() {
		if (page.matchesCapped()) {
			return String.format(Locale.ROOT, "%,d+ numbers", page.matches());
		}
		return String.format(Locale.ROOT, "%,d %s", page.matches(), page.matches() == 1 ? "number" : "numbers");
	}

	public String sortLabel() {
		return request.sort().label();
	}
}

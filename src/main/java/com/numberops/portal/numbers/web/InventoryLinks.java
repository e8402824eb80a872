package com.numberops.portal.numbers.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.numbers.NumberFilter;

/**
 * The inventory's URL parameters in one canonical form (known names only, in a fixed order,
 * blanks left out) and the links built from them: this page, the first and next pages, and the
 * export of the same search. The pushed URL of an htmx answer is the same canonical address, so
 * a shared, reloaded or bookmarked link shows exactly what was on screen.
 */
public final class InventoryLinks {

	static final String LIST = "/numbers";

	static final String EXPORT = "/numbers/export.csv";

	static final String BULK = "/changes/bulk";

	/** The filters, in the order the form shows them. */
	static final List<String> FILTERS = NumberFilter.Parameter.NAMES;

	static final String SORT = "sort";

	static final String SIZE = "size";

	static final String AFTER = "after";

	/** The Previous page's cursor: the page ends before it. */
	static final String BEFORE = "before";

	/** The position of the page's first row in the whole list (1 on the first page), for "51–100 of 1,234". */
	static final String FROM = "from";

	private static final List<String> ORDER = concat(FILTERS, List.of(SORT, SIZE, AFTER, BEFORE, FROM));

	/** Parameters that say what to list, not where a page starts or how long it is. */
	private static final Set<String> PAGING = Set.of(SIZE, AFTER, BEFORE, FROM);

	/** Where the pages' position stops being counted (the list's own count stops at 10,000 too). */
	private static final long MAX_FROM = 100_000_000;

	/** Longer values are cut before they go back into links (the query refuses them anyway). */
	private static final int MAX_VALUE_LENGTH = 600;

	private final Map<String, String> params;

	private InventoryLinks(Map<String, String> params) {
		this.params = params;
	}

	static InventoryLinks of(Map<String, String> raw) {
		Map<String, String> params = new LinkedHashMap<>();
		for (String name : ORDER) {
			String value = raw.get(name);
			if (value != null && !value.isBlank()) {
				String stripped = value.strip();
				params.put(name, stripped.length() > MAX_VALUE_LENGTH ? stripped.substring(0, MAX_VALUE_LENGTH) : stripped);
			}
		}
		return new InventoryLinks(params);
	}

	/** The canonical parameters, for the query and for the form's current values. */
	Map<String, String> params() {
		return params;
	}

	/** What to list, without paging: the export's parameters. */
	Map<String, String> filterAndSort() {
		Map<String, String> kept = new LinkedHashMap<>(params);
		kept.keySet().removeAll(PAGING);
		return kept;
	}

	/** Whether anything narrows the list (sort and paging do not). */
	public boolean filtered() {
		return FILTERS.stream().anyMatch(params::containsKey);
	}

	public @Nullable String value(String name) {
		return params.get(name);
	}

	/** This very page. */
	public String self() {
		return url(LIST, params);
	}

	/** The same search from its first page, in another order (a column header's link). */
	public String sortedBy(String sort) {
		Map<String, String> sorted = new LinkedHashMap<>(params);
		sorted.remove(AFTER);
		sorted.remove(BEFORE);
		sorted.remove(FROM);
		sorted.put(SORT, sort);
		return url(LIST, reordered(sorted));
	}

	/** The same search from its first page. */
	public String firstPage() {
		Map<String, String> first = new LinkedHashMap<>(params);
		first.remove(AFTER);
		first.remove(BEFORE);
		first.remove(FROM);
		return url(LIST, first);
	}

	public boolean paged() {
		return params.containsKey(AFTER) || params.containsKey(BEFORE);
	}

	/**
	 * The position of this page's first row, when known: 1 on the first page, else what the link
	 * that led here said (a link without it, such as an old bookmark, leaves it unknown).
	 */
	public @Nullable Long from() {
		if (!paged()) {
			return 1L;
		}
		String from = params.get(FROM);
		if (from == null || !from.matches("\\d{1,9}")) {
			return null;
		}
		long position = Long.parseLong(from);
		return position >= 1 && position <= MAX_FROM ? position : null;
	}

	/** The page after this one, starting after the cursor; {@code rows}: how many this page shows. */
	public String next(String cursor, int rows) {
		return page(AFTER, cursor, from() == null ? null : from() + rows);
	}

	/** The page before this one, ending before the cursor; {@code size}: rows per page. */
	public String previous(String cursor, int size) {
		Long from = from();
		return page(BEFORE, cursor, from == null ? null : Math.max(1, from - size));
	}

	private String page(String direction, String cursor, @Nullable Long from) {
		Map<String, String> page = new LinkedHashMap<>(params);
		page.remove(AFTER);
		page.remove(BEFORE);
		page.remove(FROM);
		page.put(direction, cursor);
		if (from != null) {
			page.put(FROM, Long.toString(from));
		}
		return url(LIST, reordered(page));
	}

	private static Map<String, String> reordered(Map<String, String> params) {
		Map<String, String> ordered = new LinkedHashMap<>();
		for (String name : ORDER) {
			if (params.containsKey(name)) {
				ordered.put(name, params.get(name));
			}
		}
		return ordered;
	}

	/** The CSV of every match of this search, in this sort. */
	public String export() {
		return url(EXPORT, filterAndSort());
	}

	/** A bulk edit of every match of this search (the filters only: sort and paging do not narrow it). */
	public String bulkAll() {
		Map<String, String> all = new LinkedHashMap<>();
		for (String name : FILTERS) {
			String value = params.get(name);
			if (value != null) {
				all.put(name, value);
			}
		}
		all.put("all", "true");
		return url(BULK, all);
	}

	/** Form encoding: a "+" of a phone number must not arrive as a space. */
	static String url(String path, Map<String, String> params) {
		StringBuilder url = new StringBuilder(path);
		char separator = '?';
		for (Map.Entry<String, String> param : params.entrySet()) {
			url.append(separator)
				.append(param.getKey())
				.append('=')
				.append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
			separator = '&';
		}
		return url.toString();
	}

	private static List<String> concat(List<String> first, List<String> second) {
		return Stream.concat(first.stream(), second.stream()).toList();
	}
}

package com.numberops.portal.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.numbers.NumberCursor;
import com.numberops.portal.numbers.NumberDetails;
import com.numberops.portal.numbers.NumberFilter;
import com.numberops.portal.numbers.NumberListPage;
import com.numberops.portal.numbers.NumberQueries;
import com.numberops.portal.numbers.NumberRow;
import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.users.PortalPrincipal;

/**
 * {@code GET /api/phone-numbers}: the Numbers page's filters and sorts under the page's own
 * parameter names ({@link NumberFilter.Parameter}, {@code sort}), read by the page's parser
 * ({@link NumberQueries#parse}) and answered by its keyset query, scoped to the person's teams.
 * Pages as the carriers' APIs page: {@code pageSize} (default 50, at most 500) and
 * {@code pageToken}, the {@code nextPageToken} of the page before (the inventory's own cursor,
 * opaque). The page's rows then read as whole records by their ids. Anything it cannot read,
 * an unknown parameter included, is a 400 that names the parameter: a typo never widens a list.
 */
@Service
public class PhoneNumberList {

	public static final int DEFAULT_PAGE_SIZE = 50;

	public static final int MAX_PAGE_SIZE = 500;

	public static final String PAGE_SIZE = "pageSize";

	public static final String PAGE_TOKEN = "pageToken";

	public static final String SORT = "sort";

	/** Every parameter the list reads. */
	public static final Set<String> PARAMETERS;

	static {
		Set<String> names = new LinkedHashSet<>(NumberFilter.Parameter.NAMES);
		names.addAll(List.of(SORT, PAGE_SIZE, PAGE_TOKEN));
		PARAMETERS = Set.copyOf(names);
	}

	private final NumberQueries queries;

	private final NumberDetails details;

	PhoneNumberList(NumberQueries queries, NumberDetails details) {
		this.queries = queries;
		this.details = details;
	}

	/**
	 * One page of the list.
	 *
	 * @param totalSize how many numbers match, exact up to {@link NumberQueries#COUNT_CAP}
	 * @param totalSizeCapped more match than {@code totalSize} says
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "PhoneNumberPage")
	public record Page(List<PhoneNumberDocument> items, @Nullable String nextPageToken, long totalSize,
			boolean totalSizeCapped) {
	}

	public Page page(PortalPrincipal user, Map<String, String> params) {
		NumberQueries.Request request = request(params);
		Viewer viewer = Viewer.of(user);
		NumberListPage page = queries.page(viewer, request);
		List<Long> ids = page.rows().stream().map(NumberRow::id).toList();
		List<PhoneNumberDocument> items = details.findAll(viewer, ids)
			.stream()
			.map(number -> PhoneNumberDocument.of(number, null))
			.toList();
		return new Page(items, page.nextCursor(), page.matches(), page.matchesCapped());
	}

	/** The parameters checked, as the inventory's request; every problem found at once, each under its parameter. */
	static NumberQueries.Request request(Map<String, String> params) {
		List<FieldProblem> problems = new ArrayList<>();
		params.keySet()
			.stream()
			.filter(name -> !PARAMETERS.contains(name))
			.sorted()
			.forEach(name -> problems.add(new FieldProblem(name, "Unknown parameter \"" + shown(name)
					+ "\": the list takes " + String.join(", ", ordered()) + ".")));
		Map<String, String> filters = new HashMap<>();
		params.forEach((name, value) -> {
			if (NumberFilter.Parameter.NAMES.contains(name) || name.equals(SORT)) {
				filters.put(name, value);
			}
		});
		NumberQueries.Request parsed = NumberQueries.parse(filters);
		if (!parsed.valid()) {
			// the parser's messages name what was wrong; asked one parameter at a time, they say which parameter
			filters.forEach((name, value) -> NumberQueries.parse(Map.of(name, value))
				.problems()
				.forEach(problem -> problems.add(new FieldProblem(name, problem))));
		}
		int pageSize = pageSize(params.get(PAGE_SIZE), problems);
		NumberCursor after = null;
		String token = params.get(PAGE_TOKEN);
		if (token != null && !token.isBlank()) {
			after = NumberCursor.decode(token.strip(), parsed.sort()).orElse(null);
			if (after == null) {
				problems.add(new FieldProblem(PAGE_TOKEN, "This page token is not one the list gave for this sort "
						+ "(or it is out of date): start again from the first page, without a pageToken."));
			}
		}
		if (!problems.isEmpty()) {
			throw new BadQuery(problems);
		}
		return new NumberQueries.Request(parsed.filter(), parsed.sort(), after, pageSize, List.of());
	}

	private static int pageSize(@Nullable String value, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return DEFAULT_PAGE_SIZE;
		}
		String problem = "pageSize is a whole number from 1 to " + MAX_PAGE_SIZE + " (\"" + shown(value) + "\" is not).";
		try {
			int size = Integer.parseInt(value.strip());
			if (size >= 1 && size <= MAX_PAGE_SIZE) {
				return size;
			}
		}
		catch (NumberFormatException notANumber) {
			// the problem below
		}
		problems.add(new FieldProblem(PAGE_SIZE, problem));
		return DEFAULT_PAGE_SIZE;
	}

	private static List<String> ordered() {
		List<String> names = new ArrayList<>(NumberFilter.Parameter.NAMES);
		names.addAll(List.of(SORT, PAGE_SIZE, PAGE_TOKEN));
		return names;
	}

	private static String shown(String value) {
		String clean = value.replaceAll("\\p{Cntrl}", "?");
		return clean.length() <= 40 ? clean : clean.substring(0, 40) + "…";
	}
}

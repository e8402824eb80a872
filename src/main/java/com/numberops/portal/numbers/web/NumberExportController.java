package com.numberops.portal.numbers.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.numberops.portal.numbers.NumberFacets;
import com.numberops.portal.numbers.NumberQueries;
import com.numberops.portal.users.PortalPrincipal;

/**
 * The CSV of the current search: every match in the chosen sort, scoped to the viewer's teams.
 * Rows go to the response as the database streams them (nothing is collected in memory), so the
 * export of a million numbers costs the same heap as the export of ten.
 */
@Controller
class NumberExportController {

	private final NumberQueries queries;

	private final NumberFacets facets;

	private final Clock clock;

	/**
	 * An export holds a database connection and a snapshot while the client downloads; a few at
	 * a time, so that slow downloads can never take the pool from pages and syncs.
	 */
	static final int CONCURRENT_EXPORTS = 2;

	final Semaphore running = new Semaphore(CONCURRENT_EXPORTS);

	NumberExportController(NumberQueries queries, NumberFacets facets, Clock clock) {
		this.queries = queries;
		this.facets = facets;
		this.clock = clock;
	}

	@GetMapping(InventoryLinks.EXPORT)
	void export(@RequestParam Map<String, String> params, @AuthenticationPrincipal PortalPrincipal user,
			HttpServletResponse response) throws IOException {
		NumberQueries.Request query = NumberQueries.parse(InventoryLinks.of(params).filterAndSort());
		if (!query.valid()) {
			// the page never links to such an export: a hand-made URL gets the reasons, in words
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType(MediaType.TEXT_PLAIN_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8);
			response.getWriter().write("Nothing exported: " + String.join(" ", query.problems()) + "\n");
			return;
		}
		if (!running.tryAcquire()) {
			response.setStatus(429);
			response.setHeader(HttpHeaders.RETRY_AFTER, "30");
			response.setContentType(MediaType.TEXT_PLAIN_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8);
			response.getWriter().write("Other exports are running: try again in half a minute.\n");
			return;
		}
		try {
			write(query, user, response);
		}
		finally {
			running.release();
		}
	}

	private void write(NumberQueries.Request query, PortalPrincipal user, HttpServletResponse response)
			throws IOException {
		String filename = "numbers-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".csv";
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename).build().toString());
		NumberCsv columns = new NumberCsv(
				facets.accounts().stream().collect(Collectors.toMap(NumberFacets.Account::id, Function.identity())));
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				1 << 16);
		// a byte order mark: spreadsheets otherwise read UTF-8 names as Latin-1
		out.write('\ufeff');
		CsvWriter csv = new CsvWriter(out);
		csv.row(NumberCsv.HEADER);
		queries.stream(NumbersController.viewer(user), query.filter(), query.sort(), row -> csv.row(columns.cells(row)));
		out.flush();
	}
}

package com.numberops.portal.numbers.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.FragmentsRendering;

import com.numberops.portal.numbers.InventoryState;
import com.numberops.portal.numbers.NumberFacets;
import com.numberops.portal.numbers.NumberListPage;
import com.numberops.portal.numbers.NumberQueries;
import com.numberops.portal.numbers.NumberSort;
import com.numberops.portal.numbers.NumberStatus;
import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Role;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;

/**
 * The Numbers page. One URL for the page and for its results: a plain request gets the whole
 * page, an htmx request (search, filter, sort, paging) only the results fragment, with the
 * canonical URL pushed into the browser's history. A history restore gets the whole page again.
 */
@Controller
class NumbersController {

	static final String PAGE = "numbers/list";

	static final String RESULTS = PAGE + " :: results";

	/** The screen readers' summary of the results, outside them (numbers/list.html says why). */
	static final String RESULTS_STATUS = PAGE + " :: results-status";

	static final List<Integer> PAGE_SIZES = List.of(25, 50, 100, 200);

	private final NumberQueries queries;

	private final NumberFacets facets;

	NumbersController(NumberQueries queries, NumberFacets facets) {
		this.queries = queries;
		this.facets = facets;
	}

	@GetMapping(InventoryLinks.LIST)
	Object list(@RequestParam Map<String, String> params, @AuthenticationPrincipal PortalPrincipal user,
			HtmxRequest htmx, HtmxResponse answer, HttpServletResponse response, Model model) {
		Viewer viewer = viewer(user);
		InventoryLinks links = InventoryLinks.of(params);
		NumberQueries.Request query = NumberQueries.parse(links.params());
		NumberListPage page = queries.page(viewer, query);
		model.addAttribute("results", NumberListView.of(query, page, links, viewer.limited(),
				user.getRole().includes(Role.OPERATOR)));
		model.addAttribute("links", links);
		model.addAttribute("providerLabels", Labels.PROVIDERS);
		model.addAttribute("typeLabels", Labels.TYPES);
		// the same URL answers with a page or a fragment: caches must tell them apart
		response.addHeader(HttpHeaders.VARY, "HX-Request");
		if (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest()) {
			answer.setPushUrl(links.self());
			model.addAttribute("statusOutOfBand", true);
			return FragmentsRendering.fragment(RESULTS).fragment(RESULTS_STATUS).build();
		}
		model.addAttribute("params", links.params());
		model.addAttribute("providers", ProviderKind.values());
		model.addAttribute("accounts", facets.accounts());
		model.addAttribute("teams", facets.teams(viewer));
		model.addAttribute("present", facets.present(viewer));
		model.addAttribute("types", Labels.TYPES);
		model.addAttribute("capabilities", Labels.CAPABILITIES);
		model.addAttribute("states", InventoryState.values());
		model.addAttribute("statuses", NumberStatus.values());
		model.addAttribute("warmupStates", NumberFacets.WARMUP_STATES);
		model.addAttribute("callWarmupStates", NumberFacets.CALL_WARMUP_STATES);
		model.addAttribute("enablements", Labels.ENABLEMENTS);
		model.addAttribute("sorts", NumberSort.values());
		model.addAttribute("defaultSort", NumberQueries.DEFAULT_SORT.param());
		model.addAttribute("pageSizes", pageSizes(query));
		model.addAttribute("defaultPageSize", NumberQueries.DEFAULT_PAGE_SIZE);
		return PAGE;
	}

	/** The sizes offered, with the one a link asked for (?size=37) among them, so the select says what is shown. */
	static List<Integer> pageSizes(NumberQueries.Request query) {
		if (!query.valid() || PAGE_SIZES.contains(query.pageSize())) {
			return PAGE_SIZES;
		}
		return Stream.concat(PAGE_SIZES.stream(), Stream.of(query.pageSize())).sorted().toList();
	}

	static Viewer viewer(PortalPrincipal user) {
		return Viewer.of(user);
	}
}

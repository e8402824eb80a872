package com.numberops.portal.numbers.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.numberops.portal.numbers.NumberDetails;
import com.numberops.portal.numbers.NumberRecord;
import com.numberops.portal.numbers.NumberTimeline;
import com.numberops.portal.numbers.PendingChange;
import com.numberops.portal.numbers.SmsChoices;
import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.users.PortalPrincipal;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * A number's detail page: every section of the record, its pending changes and its timeline.
 * The timeline pages through the same URL ({@code ?before=}): htmx asks for the timeline
 * fragment and pushes the URL, a plain request or a reload gets the whole page.
 */
@Controller
class NumberController {

	static final String PAGE = "numbers/detail";

	static final String TIMELINE = PAGE + " :: timeline";

	static final String CHANGES = PAGE + " :: pending-changes";

	/** The id of the element that refreshes itself while a change is open. */
	static final String CHANGES_TARGET = "pending-changes";

	/** The id of the element the timeline's links swap. */
	static final String TIMELINE_TARGET = "number-timeline";

	private static final Pattern ID = Pattern.compile("[1-9]\\d{0,17}");

	private final NumberDetails details;

	private final SmsChoices smsChoices;

	private final List<NumberPagePart> parts;

	NumberController(NumberDetails details, SmsChoices smsChoices, ObjectProvider<NumberPagePart> parts) {
		this.details = details;
		this.smsChoices = smsChoices;
		this.parts = parts.orderedStream().toList();
	}

	@GetMapping("/numbers/{id}")
	String number(@PathVariable String id, @RequestParam(required = false) @Nullable String before,
			@AuthenticationPrincipal PortalPrincipal user, HtmxRequest htmx, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		long numberId = id(id);
		Viewer viewer = NumbersController.viewer(user);
		NumberTimeline timeline = details.timeline(viewer, numberId, before).orElseThrow(() -> new NumberNotFound(id));
		model.addAttribute("numberId", numberId);
		model.addAttribute("timeline", timeline);
		model.addAttribute("sources", Labels.SOURCES);
		response.addHeader(HttpHeaders.VARY, "HX-Request");
		if (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() && TIMELINE_TARGET.equals(htmx.getTarget())) {
			response.setHeader("HX-Push-Url", request.getContextPath() + timelineUrl(numberId, before, timeline));
			return TIMELINE;
		}
		List<PendingChange> changes = details.pendingChanges(viewer, numberId);
		long open = changes.stream().filter(PendingChange::open).count();
		model.addAttribute("changes", changes);
		model.addAttribute("openChanges", open);
		model.addAttribute("attention", PendingChange.needingAttention(changes));
		if (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() && CHANGES_TARGET.equals(htmx.getTarget())) {
			String watched = request.getParameter("open");
			if (watched != null && watched.matches("\\d{1,4}") && Long.parseLong(watched) > open) {
				// a change settled: the number itself changed, show all of it afresh
				response.setHeader("HX-Refresh", "true");
			}
			return CHANGES;
		}
		NumberRecord number = details.find(viewer, numberId).orElseThrow(() -> new NumberNotFound(id));
		model.addAttribute("number", number);
		// the SMS form suggests the plans and campaigns the account's numbers have had
		model.addAttribute("smsChoices", smsChoices.known(number.provider().accountId()));
		// what other modules show on the page (the latest override request, in the Enablement section)
		parts.forEach(part -> part.addTo(model, user, numberId));
		model.addAttribute("providerLabels", Labels.PROVIDERS);
		model.addAttribute("typeLabels", Labels.TYPES);
		return PAGE;
	}

	/** The address of the timeline page shown: an unreadable cursor falls back to the newest page. */
	private static String timelineUrl(long id, @Nullable String before, NumberTimeline timeline) {
		String base = "/numbers/" + id;
		return timeline.paged() && before != null ? InventoryLinks.url(base, Map.of("before", before.strip()))
				: base;
	}

	private static long id(String id) {
		if (!ID.matcher(id).matches()) {
			throw new NumberNotFound(id);
		}
		return Long.parseLong(id);
	}
}

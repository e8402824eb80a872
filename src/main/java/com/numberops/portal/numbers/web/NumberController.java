package com.numberops.portal.numbers.web;

import java.util.List;
import java.util.Map;

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
import com.numberops.portal.system.PathIds;
import com.numberops.portal.users.PortalPrincipal;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxViewResolver;

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

	private final NumberDetails details;

	private final SmsChoices smsChoices;

	private final List<NumberPagePart> parts;

	NumberController(NumberDetails details, SmsChoices smsChoices, ObjectProvider<NumberPagePart> parts) {
		this.details = details;
		this.smsChoices = smsChoices;
		this.parts = parts.orderedStream().toList();
	}

	@GetMapping("/numbers/" + PathIds.ID)
	String number(@PathVariable long id, @RequestParam(required = false) @Nullable String before,
			@RequestParam(required = false) @Nullable String open, @AuthenticationPrincipal PortalPrincipal user,
			HtmxRequest htmx, HtmxResponse answer, HttpServletResponse response, Model model) {
		Viewer viewer = NumbersController.viewer(user);
		NumberTimeline timeline = details.timeline(viewer, id, before).orElseThrow(() -> new NumberNotFound(id));
		model.addAttribute("numberId", id);
		model.addAttribute("timeline", timeline);
		model.addAttribute("sources", Labels.SOURCES);
		response.addHeader(HttpHeaders.VARY, "HX-Request");
		if (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() && TIMELINE_TARGET.equals(htmx.getTarget())) {
			answer.setPushUrl(timelineUrl(id, before, timeline));
			return TIMELINE;
		}
		List<PendingChange> changes = details.pendingChanges(viewer, id);
		long stillOpen = changes.stream().filter(PendingChange::open).count();
		model.addAttribute("changes", changes);
		model.addAttribute("openChanges", stillOpen);
		model.addAttribute("attention", PendingChange.needingAttention(changes));
		if (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() && CHANGES_TARGET.equals(htmx.getTarget())) {
			if (open != null && open.matches("\\d{1,4}") && Long.parseLong(open) > stillOpen) {
				// a change settled: the number itself changed, show all of it afresh
				return HtmxViewResolver.REFRESH_VIEW_NAME;
			}
			return CHANGES;
		}
		NumberRecord number = details.find(viewer, id).orElseThrow(() -> new NumberNotFound(id));
		model.addAttribute("number", number);
		// the SMS form suggests the plans and campaigns the account's numbers have had
		model.addAttribute("smsChoices", smsChoices.known(number.provider().accountId()));
		// what other modules show on the page (the latest override request, in the Enablement section)
		parts.forEach(part -> part.addTo(model, user, id));
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
}

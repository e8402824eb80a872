package com.numberops.portal.changes.web;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.numberops.portal.changes.Change;
import com.numberops.portal.changes.ChangeLog;
import com.numberops.portal.changes.ChangeState;
import com.numberops.portal.changes.NumberEdits;
import com.numberops.portal.numbers.EditRefused;
import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.system.Toast;
import com.numberops.portal.users.PortalPrincipal;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * The Changes page: every edit people made, newest first, filtered by state, requester,
 * provider and whether it is overdue (still on its way longer than expected), refreshed live while any shown change is still open; retry, cancel and restore where
 * they make sense. The buttons' POSTs answer with a redirect to where the person was.
 */
@Controller
class ChangesController {

	static final String PAGE = "changes/list";

	private final ChangeLog log;

	private final NumberEdits edits;

	ChangesController(ChangeLog log, NumberEdits edits) {
		this.log = log;
		this.edits = edits;
	}

	@GetMapping("/changes")
	String list(@RequestParam Map<String, String> params, @AuthenticationPrincipal PortalPrincipal user,
			HtmxRequest htmx, Model model) {
		String problem = null;
		ChangeState state = null;
		String stateParam = blankToNull(params.get("state"));
		if (stateParam != null) {
			try {
				state = ChangeState.valueOf(stateParam.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException unknown) {
				problem = "Unknown state \"" + stateParam + "\": showing every state.";
			}
		}
		String provider = blankToNull(params.get("provider"));
		if (provider != null) {
			try {
				provider = ProviderKind.valueOf(provider).name();
			}
			catch (IllegalArgumentException unknown) {
				problem = "Unknown provider \"" + provider + "\": showing every provider.";
				provider = null;
			}
		}
		Long batch = id(params.get("batch"));
		String overdue = blankToNull(params.get(ChangeLog.Filter.OVERDUE));
		ChangeLog.Filter filter = new ChangeLog.Filter(state, blankToNull(params.get("user")), provider, batch, null,
				"true".equals(overdue) || "on".equals(overdue));
		Viewer viewer = Viewer.of(user);
		ChangeLog.Page page = log.page(viewer, filter, blankToNull(params.get("before")));
		model.addAttribute("page", page);
		model.addAttribute("problem", problem);
		model.addAttribute("params", params);
		model.addAttribute("states", ChangeState.values());
		model.addAttribute("providers", ProviderKind.values());
		model.addAttribute("requesters", log.requesters(viewer));
		model.addAttribute("overdueAfter", words(log.overdueAfter()));
		model.addAttribute("self", ChangeLinks.url("/changes", params, null));
		model.addAttribute("nextUrl", page.next() == null ? null : ChangeLinks.url("/changes", params, page.next()));
		if (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest()) {
			return PAGE + " :: results";
		}
		return PAGE;
	}

	@PostMapping("/changes/{id}/retry")
	String retry(@PathVariable long id, @RequestParam(required = false) @Nullable String back,
			@AuthenticationPrincipal PortalPrincipal user, RedirectAttributes redirect) {
		return act(back, redirect, () -> edits.retry(user, id), "sent again");
	}

	@PostMapping("/changes/{id}/cancel")
	String cancel(@PathVariable long id, @RequestParam(required = false) @Nullable String back,
			@AuthenticationPrincipal PortalPrincipal user, RedirectAttributes redirect) {
		return act(back, redirect, () -> edits.cancel(user, id), "cancelled");
	}

	@PostMapping("/changes/{id}/restore")
	String restore(@PathVariable long id, @RequestParam(required = false) @Nullable String back,
			@AuthenticationPrincipal PortalPrincipal user, RedirectAttributes redirect) {
		return act(back, redirect, () -> edits.restorePrevious(user, id), "restoring the previous configuration");
	}

	private static String act(@Nullable String back, RedirectAttributes redirect,
			java.util.function.Supplier<Change> action, String done) {
		try {
			Change change = action.get();
			Toast.success(change.kind().label() + " of " + change.number() + ": " + done + ".").flash(redirect);
		}
		catch (EditRefused refused) {
			Toast.error(refused.getMessage()).flash(redirect);
		}
		return "redirect:" + ChangeLinks.back(back);
	}

	/** "1 hour", "30 minutes": the overdue threshold as the filter's label says it. */
	static String words(java.time.Duration period) {
		long minutes = period.toMinutes();
		if (minutes % 60 == 0 && minutes > 0) {
			return minutes == 60 ? "1 hour" : minutes / 60 + " hours";
		}
		return minutes == 1 ? "1 minute" : minutes + " minutes";
	}

	private static @Nullable Long id(@Nullable String value) {
		return value == null || !value.matches("[1-9]\\d{0,17}") ? null : Long.valueOf(value);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}

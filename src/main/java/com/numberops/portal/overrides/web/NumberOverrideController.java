package com.numberops.portal.overrides.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.numberops.portal.overrides.OverrideRefused;
import com.numberops.portal.overrides.OverrideRequest;
import com.numberops.portal.overrides.OverrideRules;
import com.numberops.portal.overrides.Overrides;
import com.numberops.portal.system.Toast;
import com.numberops.portal.system.UnknownTarget;
import com.numberops.portal.users.PortalPrincipal;

/**
 * The override forms of a number's page: an operator's request, an admin's "Clear override".
 * POST, redirect, GET, like the edit forms: a refusal comes back next to the field with what was
 * typed, a success as a toast and the request's state in the Enablement section.
 */
@Controller
class NumberOverrideController {

	private final Overrides overrides;

	NumberOverrideController(Overrides overrides) {
		this.overrides = overrides;
	}

	@PostMapping("/numbers/{id}/override")
	String request(@PathVariable String id, @RequestParam(required = false) @Nullable String enabled,
			@RequestParam(required = false) @Nullable String reason, @AuthenticationPrincipal PortalPrincipal user,
			RedirectAttributes redirect) {
		long numberId = numberId(id);
		Boolean force = OverrideForms.flag(enabled);
		try {
			if (force == null) {
				redirect.addFlashAttribute("overrideErrors", Map.of("enabled", "Choose force enabled or force disabled."));
				keep(redirect, enabled, reason);
				Toast.error("Not requested: choose force enabled or force disabled.").flash(redirect);
				return back(numberId);
			}
			OverrideRequest request = overrides.request(user, numberId, force, reason);
			Toast.success("Override requested (" + OverrideRules.word(request.requestedEnabled())
					+ "): an admin decides it on the Approvals page.").flash(redirect);
		}
		catch (OverrideRefused refused) {
			redirect.addFlashAttribute("overrideErrors", Map.of(refused.field(), refused.getMessage()));
			keep(redirect, enabled, reason);
			Toast.error("Not requested: " + refused.getMessage()).flash(redirect);
		}
		return back(numberId);
	}

	@PostMapping("/numbers/{id}/override/clear")
	String clear(@PathVariable String id, @AuthenticationPrincipal PortalPrincipal user, RedirectAttributes redirect) {
		long numberId = numberId(id);
		try {
			overrides.clear(user, numberId);
			Toast.success("Override cleared: the number's own flag decides again.").flash(redirect);
		}
		catch (OverrideRefused refused) {
			redirect.addFlashAttribute("overrideErrors", Map.of("", refused.getMessage()));
			Toast.error("Not changed: " + refused.getMessage()).flash(redirect);
		}
		return back(numberId);
	}

	@ExceptionHandler(UnknownTarget.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String unknown() {
		return "error/404";
	}

	private static void keep(RedirectAttributes redirect, @Nullable String enabled, @Nullable String reason) {
		redirect.addFlashAttribute("overrideValues",
				Map.of("enabled", enabled == null ? "" : enabled, "reason", reason == null ? "" : reason));
	}

	private static String back(long numberId) {
		return "redirect:/numbers/" + numberId;
	}

	private static long numberId(String id) {
		Long numberId = OverrideForms.number(id);
		if (numberId == null || numberId == 0) {
			throw new UnknownTarget("Number " + id);
		}
		return numberId;
	}
}

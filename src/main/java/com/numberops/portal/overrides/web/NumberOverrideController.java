package com.numberops.portal.overrides.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.numberops.portal.overrides.OverrideRefused;
import com.numberops.portal.overrides.OverrideRequest;
import com.numberops.portal.overrides.OverrideRules;
import com.numberops.portal.overrides.Overrides;
import com.numberops.portal.system.PathIds;
import com.numberops.portal.system.Toast;
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

	@PostMapping("/numbers/" + PathIds.ID + "/override")
	String request(@PathVariable("id") long numberId, @RequestParam(required = false) @Nullable String enabled,
			@RequestParam(required = false) @Nullable String reason, @AuthenticationPrincipal PortalPrincipal user,
			RedirectAttributes redirect) {
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

	@PostMapping("/numbers/" + PathIds.ID + "/override/clear")
	String clear(@PathVariable("id") long numberId, @AuthenticationPrincipal PortalPrincipal user,
			RedirectAttributes redirect) {
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

	private static void keep(RedirectAttributes redirect, @Nullable String enabled, @Nullable String reason) {
		redirect.addFlashAttribute("overrideValues",
				Map.of("enabled", enabled == null ? "" : enabled, "reason", reason == null ? "" : reason));
	}

	private static String back(long numberId) {
		return "redirect:/numbers/" + numberId;
	}
}

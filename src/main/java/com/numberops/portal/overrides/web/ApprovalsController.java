package com.numberops.portal.overrides.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.numberops.portal.overrides.OverrideRefused;
import com.numberops.portal.overrides.OverrideRequest;
import com.numberops.portal.overrides.OverrideRules;
import com.numberops.portal.overrides.Overrides;
import com.numberops.portal.system.Toast;
import com.numberops.portal.system.UnknownTarget;
import com.numberops.portal.users.PortalPrincipal;

/**
 * The Approvals page (admins; the URL is guarded by its section, the service checks again):
 * pending override requests oldest first with Approve and Reject, recent decisions below. Every
 * decision is a POST answered by a redirect back here; a refusal (own request, already decided,
 * stale, no comment for a rejection, unknown request) comes back as a message and changes nothing.
 */
@Controller
class ApprovalsController {

	private final Overrides overrides;

	ApprovalsController(Overrides overrides) {
		this.overrides = overrides;
	}

	@GetMapping("/approvals")
	String approvals(@AuthenticationPrincipal PortalPrincipal user, Model model) {
		Overrides.Approvals approvals = overrides.approvals(user);
		model.addAttribute("approvals", approvals);
		model.addAttribute("me", user.getUserId());
		model.addAttribute("maxText", OverrideRules.MAX_TEXT);
		return "overrides/approvals";
	}

	@PostMapping("/approvals/{id}/approve")
	String approve(@PathVariable String id, @RequestParam(required = false) @Nullable String version,
			@RequestParam(required = false) @Nullable String comment, @AuthenticationPrincipal PortalPrincipal user,
			RedirectAttributes redirect) {
		return decide(true, id, version, comment, user, redirect);
	}

	@PostMapping("/approvals/{id}/reject")
	String reject(@PathVariable String id, @RequestParam(required = false) @Nullable String version,
			@RequestParam(required = false) @Nullable String comment, @AuthenticationPrincipal PortalPrincipal user,
			RedirectAttributes redirect) {
		return decide(false, id, version, comment, user, redirect);
	}

	private String decide(boolean approve, String id, @Nullable String version, @Nullable String comment,
			PortalPrincipal user, RedirectAttributes redirect) {
		String back = "redirect:/approvals";
		Long requestId = OverrideForms.number(id);
		Long seen = OverrideForms.number(version);
		if (requestId == null) {
			Toast.error("Not changed: there is no override request " + id + ".").flash(redirect);
			return back;
		}
		if (seen == null) {
			Toast.error("Not changed: this form is out of date or damaged; reload the page and try again.").flash(redirect);
			return back;
		}
		try {
			OverrideRequest decided = approve ? overrides.approve(user, requestId, seen, comment)
					: overrides.reject(user, requestId, seen, comment);
			Toast.success("Request #" + decided.id() + " " + (approve ? "approved" : "rejected") + ".").flash(redirect);
		}
		catch (OverrideRefused refused) {
			redirect.addFlashAttribute("refusedRequest", requestId);
			redirect.addFlashAttribute("refusal", refused.getMessage());
			redirect.addFlashAttribute("typedComment", comment);
			Toast.error("Not changed: " + refused.getMessage()).flash(redirect);
		}
		catch (UnknownTarget unknown) {
			Toast.error("Not changed: " + unknown.getMessage()).flash(redirect);
		}
		return back;
	}
}

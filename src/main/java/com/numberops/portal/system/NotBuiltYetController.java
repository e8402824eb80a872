package com.numberops.portal.system;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The stable routes whose pages later issues build. Until then they say so plainly instead of
 * answering 404, so bookmarks and the navigation already work.
 */
@Controller
class NotBuiltYetController {

	private static final String VIEW = "system/not-built-yet";

	@GetMapping("/approvals")
	String approvals(Model model) {
		return notBuilt(model, "Approvals", "Approve or reject enablement override requests.");
	}

	private static String notBuilt(Model model, String title, String purpose) {
		model.addAttribute("title", title);
		model.addAttribute("purpose", purpose);
		return VIEW;
	}
}

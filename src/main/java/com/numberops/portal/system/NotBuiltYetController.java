package com.numberops.portal.system;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The stable routes whose pages later issues build. Until then they say so plainly instead of
 * answering 404, so bookmarks and the navigation already work.
 */
@Controller
class NotBuiltYetController {

	private static final String VIEW = "system/not-built-yet";

	@GetMapping("/numbers")
	String numbers(Model model) {
		return notBuilt(model, "Numbers", "Search, filter and sort every number of the fleet.");
	}

	@GetMapping("/numbers/{id}")
	String number(@PathVariable String id, Model model) {
		return notBuilt(model, "Number " + id, "Everything about one number: provider state, routing, 10DLC, warmup, events.");
	}

	@GetMapping("/approvals")
	String approvals(Model model) {
		return notBuilt(model, "Approvals", "Approve or reject enablement override requests.");
	}

	@GetMapping("/changes")
	String changes(Model model) {
		return notBuilt(model, "Changes", "Every edit on its way to the carriers, live.");
	}

	private static String notBuilt(Model model, String title, String purpose) {
		model.addAttribute("title", title);
		model.addAttribute("purpose", purpose);
		return VIEW;
	}
}

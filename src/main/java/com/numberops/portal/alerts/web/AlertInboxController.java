package com.numberops.portal.alerts.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.numberops.portal.alerts.AlertInbox;
import com.numberops.portal.users.PortalPrincipal;

/** The bell's list (/alerts, every signed-in person): their alerts, each linked to what it found. */
@Controller
class AlertInboxController {

	private final AlertInbox inbox;

	AlertInboxController(AlertInbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/alerts")
	String show(@AuthenticationPrincipal PortalPrincipal person, Model model) {
		model.addAttribute("inbox", inbox.open(person));
		return "alerts/inbox";
	}
}

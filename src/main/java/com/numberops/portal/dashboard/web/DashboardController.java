package com.numberops.portal.dashboard.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.numberops.portal.dashboard.Dashboard;
import com.numberops.portal.dashboard.Worklist;
import com.numberops.portal.users.PortalPrincipal;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * The dashboard, the first page everyone sees: the whole page at {@code /}, and its live parts
 * (the fleet, what needs attention) at their own URLs, which the page polls with htmx. Without
 * JavaScript the page is complete as it is; a plain request for a part goes to the page.
 */
@Controller
class DashboardController {

	static final String PAGE = "dashboard/dashboard";

	private final Dashboard dashboard;

	DashboardController(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/")
	String dashboard(@AuthenticationPrincipal PortalPrincipal user, Model model) {
		FleetView fleet = FleetView.of(dashboard.fleet(user));
		model.addAttribute("fleet", fleet);
		model.addAttribute("worklist", dashboard.attention(user));
		model.addAttribute("trends", TrendsView.of(dashboard.trends(user)));
		return PAGE;
	}

	@GetMapping("/dashboard/fleet")
	String fleet(@AuthenticationPrincipal PortalPrincipal user, HtmxRequest htmx, Model model) {
		if (!htmx.isHtmxRequest()) {
			return "redirect:/";
		}
		FleetView fleet = FleetView.of(dashboard.fleet(user));
		model.addAttribute("fleet", fleet);
		return PAGE + " :: fleet";
	}

	@GetMapping("/dashboard/attention")
	String attention(@AuthenticationPrincipal PortalPrincipal user, HtmxRequest htmx, Model model) {
		if (!htmx.isHtmxRequest()) {
			return "redirect:/";
		}
		Worklist worklist = dashboard.attention(user);
		model.addAttribute("worklist", worklist);
		return PAGE + " :: attention";
	}
}

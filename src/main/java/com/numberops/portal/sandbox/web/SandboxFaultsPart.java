package com.numberops.portal.sandbox.web;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.numberops.portal.providers.web.ProvidersPagePart;

/** The fault switches, drawn on the admin's Providers page when some carrier is simulated. */
@Component
class SandboxFaultsPart implements ProvidersPagePart {

	private final SandboxFaultsView faults;

	SandboxFaultsPart(SandboxFaultsView faults) {
		this.faults = faults;
	}

	@Override
	public String template() {
		return "sandbox/faults";
	}

	@Override
	public String fragment() {
		return "panel";
	}

	@Override
	public void addTo(Model model) {
		model.addAttribute("faults", faults.active());
		model.addAttribute("faultForm", new FaultForm());
		model.addAttribute("faultsEnabled", faults.enabled());
		model.addAttribute("faultApis", faults.apis());
		model.addAttribute("faultEndpoints",
				faults.apis().stream().flatMap(api -> api.endpoints().stream()).distinct().toList());
	}
}

package com.numberops.portal.providers.web;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.view.FragmentsRendering;

import com.numberops.portal.providers.ConnectionCheck;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.sandbox.web.FaultForm;
import com.numberops.portal.sandbox.web.SandboxFaultsView;

@Controller
@RequestMapping("/admin/providers")
class ProvidersController {

	static final String PAGE = "providers/list";

	private final ProviderAccounts accounts;

	private final ConnectionCheck connections;

	private final SandboxFaultsView faults;

	ProvidersController(ProviderAccounts accounts, ConnectionCheck connections, SandboxFaultsView faults) {
		this.accounts = accounts;
		this.connections = connections;
		this.faults = faults;
	}

	@GetMapping
	String providers(Model model) {
		model.addAttribute("accounts", accounts.all());
		model.addAttribute("faults", faults.active());
		model.addAttribute("faultForm", new FaultForm());
		model.addAttribute("faultsEnabled", faults.enabled());
		model.addAttribute("faultApis", faults.apis());
		model.addAttribute("faultEndpoints",
				faults.apis().stream().flatMap(api -> api.endpoints().stream()).distinct().toList());
		return PAGE;
	}

	/** htmx: the result of one test call, swapped in beside the button. */
	@PostMapping("/{id}/test")
	FragmentsRendering test(@PathVariable long id) {
		accounts.find(id).orElseThrow(() -> new UnknownAccount(id));
		return FragmentsRendering.fragment(PAGE + " :: connection-result",
				Map.of("result", connections.test(id), "accountId", id)).build();
	}
}

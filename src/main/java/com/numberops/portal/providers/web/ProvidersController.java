package com.numberops.portal.providers.web;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.view.FragmentsRendering;

import com.numberops.portal.providers.ConnectionCheck;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.UnknownAccount;

@Controller
@RequestMapping("/admin/providers")
class ProvidersController {

	static final String PAGE = "providers/list";

	private final ProviderAccounts accounts;

	private final ConnectionCheck connections;

	private final List<ProvidersPagePart> parts;

	ProvidersController(ProviderAccounts accounts, ConnectionCheck connections,
			ObjectProvider<ProvidersPagePart> parts) {
		this.accounts = accounts;
		this.connections = connections;
		this.parts = parts.orderedStream().toList();
	}

	@GetMapping
	String providers(Model model) {
		model.addAttribute("accounts", accounts.all());
		model.addAttribute("parts", parts);
		parts.forEach(part -> part.addTo(model));
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

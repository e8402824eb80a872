package com.numberops.portal.sync.web;

import java.security.Principal;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.FragmentsRendering;

import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.UnknownAccount;
import com.numberops.portal.sync.SyncProperties;
import com.numberops.portal.sync.SyncRequests;
import com.numberops.portal.system.Toast;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

@Controller
@RequestMapping("/sync")
class SyncController {

	static final String PAGE = "sync/list";

	static final String CARD = PAGE + " :: card";

	private final SyncCards cards;

	private final ProviderAccounts accounts;

	private final SyncRequests requests;

	private final SyncProperties properties;

	SyncController(SyncCards cards, ProviderAccounts accounts, SyncRequests requests, SyncProperties properties) {
		this.cards = cards;
		this.accounts = accounts;
		this.requests = requests;
		this.properties = properties;
	}

	/** How often every account is synced on its own, or null when schedules are off. */
	@ModelAttribute("schedule")
	@Nullable String schedule() {
		return properties.scheduled() ? Durations.interval(properties.interval()) : null;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("cards", cards.all());
		return PAGE;
	}

	/** htmx polls this while a sync is queued or running; the answer stops polling once it ended. */
	@GetMapping("/{accountId}/status")
	Object status(@PathVariable long accountId, HtmxRequest htmx) {
		AccountCard card = cards.of(accountId).orElseThrow(() -> new UnknownAccount(accountId));
		if (!htmx.isHtmxRequest()) {
			return "redirect:/sync";
		}
		return FragmentsRendering.fragment(CARD, Map.of("card", card)).build();
	}

	/** "Sync now". The service decides who may (operators and admins) and refuses the others. */
	@PostMapping("/{accountId}/run")
	Object run(@PathVariable long accountId, Principal user, HtmxRequest htmx, RedirectAttributes redirect) {
		ProviderAccount account = accounts.find(accountId).orElseThrow(() -> new UnknownAccount(accountId));
		Toast toast = requests.syncNow(accountId, user.getName())
				? Toast.success("Sync of " + account.name() + " queued: it starts within seconds.")
				: new Toast(Toast.Level.INFO, "A sync of " + account.name() + " is already queued.");
		if (htmx.isHtmxRequest()) {
			AccountCard card = cards.of(accountId).orElseThrow(() -> new UnknownAccount(accountId));
			return FragmentsRendering.fragment(CARD, Map.of("card", card)).fragment(toast.outOfBand()).build();
		}
		toast.flash(redirect);
		return "redirect:/sync";
	}
}

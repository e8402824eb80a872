package com.numberops.portal.changes.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.numberops.portal.changes.Change;
import com.numberops.portal.changes.NumberPurchases;
import com.numberops.portal.changes.RentOrder;
import com.numberops.portal.numbers.EditRefused;
import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.numbers.SmsChoices;
import com.numberops.portal.providers.Offer;
import com.numberops.portal.providers.OfferRegion;
import com.numberops.portal.providers.OfferSearch;
import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.system.FormErrors;
import com.numberops.portal.system.Toast;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Team;
import com.numberops.portal.users.Teams;

/**
 * {@code /numbers/buy}: search what a carrier sells (region from its available regions for the
 * type, type, capabilities, digits the number starts with, contains or ends with), check one
 * number, keep a short cart, and rent it with an SMS service plan and 10DLC campaign and/or a
 * voice app, for a team, under a name. Admins only (users.Section). The rules and the daily
 * limit are {@link NumberPurchases}'; a refusal is the page again with the message next to its
 * field, and nothing bought.
 */
@Controller
@RequestMapping("/numbers/buy")
class BuyController {

	static final String PAGE = "numbers/buy";

	/** Results per search: enough to choose from, few enough to read. */
	static final int RESULTS = 20;

	private final NumberPurchases purchases;

	private final SmsChoices smsChoices;

	private final Teams teams;

	BuyController(NumberPurchases purchases, SmsChoices smsChoices, Teams teams) {
		this.purchases = purchases;
		this.smsChoices = smsChoices;
		this.teams = teams;
	}

	/** A line of the cart: the number as the carrier offers it now, or gone. */
	record CartLine(String number, @Nullable Offer offer) {
	}

	@GetMapping
	String page(@Valid @ModelAttribute("search") BuySearchForm search, BindingResult result,
			@AuthenticationPrincipal PortalPrincipal user, HttpServletResponse response, Model model) {
		ProviderAccount account = account(search.account());
		List<String> cart = search.cartNow();
		model.addAttribute("rent", RentForm.blank(account.id(), cart));
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		else if (search.searching()) {
			carrier(model, () -> model.addAttribute("results", purchases.search(account.id(),
					new OfferSearch(search.region(), search.type(), Set.copyOf(search.capabilities()),
							search.pattern().isEmpty() ? null : search.pattern(), OfferSearch.Match.valueOf(search.match()),
							RESULTS))));
		}
		if (!result.hasErrors() && search.checking()) {
			carrier(model, () -> {
				Optional<Offer> checked = purchases.check(account.id(), search.check());
				model.addAttribute("checked", checked.orElse(null));
				model.addAttribute("checkedMissing", checked.isEmpty());
			});
		}
		return page(model, account, search, cart, user);
	}

	/**
	 * The region list for the type chosen (htmx, on a change of type): only regions that sell it.
	 * The fragment is rendered outside the search form, so its field errors are not asked for.
	 */
	@GetMapping("/regions")
	String regions(@Valid @ModelAttribute("search") BuySearchForm search, BindingResult result, Model model) {
		ProviderAccount account = account(search.account());
		String type = result.hasFieldErrors("type") ? "LOCAL" : search.type();
		List<OfferRegion> regions = List.of();
		try {
			regions = purchases.regions(account.id(), type);
		}
		catch (ProviderError error) {
			// the list stays empty; the page's next search says what the carrier answered
		}
		model.addAttribute("regions", regions);
		return PAGE + " :: region-select";
	}

	@PostMapping
	String rent(@Valid @ModelAttribute("rent") RentForm form, BindingResult result,
			@AuthenticationPrincipal PortalPrincipal user, HttpServletResponse response, RedirectAttributes redirect,
			Model model) {
		ProviderAccount account = account(form.account());
		BuySearchForm search = new BuySearchForm(account.id(), null, null, null, null, null, null, form.cart(), null,
				null, null);
		if (!result.hasErrors()) {
			try {
				List<Change> rented = purchases.rent(user, new RentOrder(account.id(), form.cart(),
						blankToNull(form.servicePlanId()), blankToNull(form.campaignId()), blankToNull(form.voiceAppId()),
						form.teamId(), blankToNull(form.name())));
				Toast.success(rented.size() == 1 ? "Renting " + rented.get(0).number() + ": it shows as Provisioning until "
						+ account.provider().label() + " has set it up."
						: "Renting " + rented.size() + " numbers: follow them on the Changes page.").flash(redirect);
				return rented.size() == 1 ? "redirect:/numbers/" + rented.get(0).numberId() : "redirect:/changes";
			}
			catch (EditRefused refused) {
				for (FieldProblem problem : refused.problems()) {
					FormErrors.reject(result, problem.field().equals("numbers") ? "cart" : problem.field(),
							problem.message());
				}
			}
			catch (ProviderError error) {
				FormErrors.reject(result, "", "The carrier did not answer as expected, nothing was rented: "
						+ error.describe());
			}
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("search", search);
		return page(model, account, search, form.cart(), user);
	}

	private String page(Model model, ProviderAccount account, BuySearchForm search, List<String> cart,
			PortalPrincipal user) {
		model.addAttribute("accounts", purchases.shops());
		model.addAttribute("account", account);
		carrier(model, () -> model.addAttribute("regions", purchases.regions(account.id(), search.type())));
		if (!model.containsAttribute("regions")) {
			model.addAttribute("regions", List.<OfferRegion>of());
		}
		List<CartLine> lines = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		for (String number : cart) {
			Offer offer = null;
			try {
				offer = purchases.check(account.id(), number).orElse(null);
			}
			catch (ProviderError unreadable) {
				model.addAttribute("carrierError", unreadable.describe());
			}
			lines.add(new CartLine(number, offer));
			if (offer != null) {
				total = total.add(offer.firstCharge());
			}
		}
		model.addAttribute("cartLines", lines);
		model.addAttribute("cartTotal", total);
		model.addAttribute("spentToday", purchases.spentToday());
		model.addAttribute("limits", purchases.limits());
		model.addAttribute("smsChoices", smsChoices.known(account.id()));
		model.addAttribute("teams", teamsOf(user));
		model.addAttribute("types", List.of("LOCAL", "MOBILE", "TOLL_FREE"));
		model.addAttribute("matches", List.of("STARTS", "CONTAINS", "ENDS"));
		return PAGE;
	}

	/** A team-limited admin buys for their own teams only; the others see every team. */
	private List<Team> teamsOf(PortalPrincipal user) {
		return teams.findAll()
			.stream()
			.filter(team -> user.getTeamIds().isEmpty() || user.getTeamIds().contains(team.getId()))
			.toList();
	}

	private ProviderAccount account(@Nullable Long id) {
		List<ProviderAccount> shops = purchases.shops();
		if (shops.isEmpty()) {
			throw new com.numberops.portal.system.UnknownTarget("A carrier account that sells numbers");
		}
		return shops.stream().filter(account -> id != null && account.id() == id).findFirst().orElse(shops.get(0));
	}

	/** A carrier's refusal or silence is said on the page, not a 500. */
	private static void carrier(Model model, Runnable call) {
		try {
			call.run();
		}
		catch (ProviderError error) {
			model.addAttribute("carrierError", error.describe());
		}
	}

	private static @Nullable String blankToNull(String value) {
		return value.isBlank() ? null : value;
	}
}

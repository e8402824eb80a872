package com.numberops.portal.users.web;

import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.FragmentsRendering;

import com.numberops.portal.system.FormErrors;
import com.numberops.portal.system.Toast;
import com.numberops.portal.users.ApiTokenLifetime;
import com.numberops.portal.users.ApiTokenRow;
import com.numberops.portal.users.ApiTokens;
import com.numberops.portal.users.IssuedToken;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.UserChangeRefused;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * The API tokens pages: everyone's own ({@code /account/tokens}: make one, see it once, revoke),
 * and the admins' list of everyone's within their scope ({@code /admin/tokens}, under the Admin
 * section's role rule). A new token's text is drawn into the answer of the POST that made it and
 * nowhere else: not into a redirect's flash (which lives in the session), not into any later page;
 * that answer is not cached. With htmx the form swaps the tokens area in place, so reloading the
 * page shows the list without the token and makes no second one.
 */
@Controller
class ApiTokensController {

	private static final String OWN_PAGE = "users/tokens";

	private static final String ADMIN_PAGE = "users/admin-tokens";

	private static final String TOKEN_ROW = "users/token-row :: row";

	private static final String FORM = "tokenForm";

	private final ApiTokens tokens;

	private final Clock clock;

	private final MessageSourceAccessor text;

	ApiTokensController(ApiTokens tokens, Clock clock, MessageSource messages) {
		this.tokens = tokens;
		this.clock = clock;
		this.text = new MessageSourceAccessor(messages);
	}

	@ModelAttribute("lifetimes")
	ApiTokenLifetime[] lifetimes() {
		return ApiTokenLifetime.values();
	}

	/** The portal's own address, for the page's curl example. */
	@ModelAttribute("apiBase")
	String apiBase() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
	}

	@GetMapping("/account/tokens")
	String own(@AuthenticationPrincipal PortalPrincipal user, Model model) {
		model.addAttribute(FORM, TokenForm.blank());
		return ownPage(user, model, null);
	}

	@PostMapping("/account/tokens")
	String create(@Valid @ModelAttribute(FORM) TokenForm form, BindingResult result,
			@AuthenticationPrincipal PortalPrincipal user, HtmxRequest htmx, Model model, HttpServletResponse response) {
		IssuedToken issued = null;
		if (!result.hasErrors()) {
			ApiTokenLifetime.Expiry expiry = form.chosenLifetime().expiry(form.day(), clock.instant());
			if (expiry.expiresAt() == null) {
				FormErrors.reject(result, "expiresOn", String.valueOf(expiry.refusal()));
			}
			else {
				try {
					issued = tokens.issue(user, form.name(), expiry.expiresAt());
				}
				catch (UserChangeRefused refused) {
					FormErrors.reject(result, refused.field() == null ? "" : refused.field(), refused.getMessage());
				}
			}
		}
		if (issued != null) {
			// the token's only showing: no cache, no back-button copy
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			model.addAttribute(FORM, TokenForm.blank());
		}
		String page = ownPage(user, model, issued);
		return htmx.isHtmxRequest() ? page + " :: area" : page;
	}

	@PostMapping("/account/tokens/{id}/revoke")
	Object revokeOwn(@PathVariable long id, @AuthenticationPrincipal PortalPrincipal user, HtmxRequest htmx,
			RedirectAttributes redirect) {
		ApiTokenRow revoked = tokens.revoke(user, id);
		return answer(htmx, false, revoked, redirect);
	}

	@GetMapping("/admin/tokens")
	String everyones(@AuthenticationPrincipal PortalPrincipal user, Model model) {
		model.addAttribute("tokens", tokens.everyonesTokens(user));
		return ADMIN_PAGE;
	}

	@PostMapping("/admin/tokens/{id}/revoke")
	Object revokeAny(@PathVariable long id, @AuthenticationPrincipal PortalPrincipal user, HtmxRequest htmx,
			RedirectAttributes redirect) {
		ApiTokenRow revoked = tokens.revoke(user, id);
		return answer(htmx, true, revoked, redirect);
	}

	private String ownPage(PortalPrincipal user, Model model, @Nullable IssuedToken issued) {
		model.addAttribute("tokens", tokens.tokensOf(user));
		model.addAttribute("issued", issued);
		return OWN_PAGE;
	}

	/**
	 * htmx: the revoked row and a toast; a plain form post: back to the list with the toast.
	 *
	 * @param everyone the row is on the admins' page of everyone's tokens
	 */
	private Object answer(HtmxRequest htmx, boolean everyone, ApiTokenRow revoked, RedirectAttributes redirect) {
		Toast toast = Toast.success(text.getMessage("tokens.toast.revoked", new Object[] { revoked.name() }));
		if (htmx.isHtmxRequest()) {
			return FragmentsRendering.fragment(TOKEN_ROW, Map.of("token", revoked, "everyone", everyone))
				.fragment(toast.outOfBand())
				.build();
		}
		toast.flash(redirect);
		return everyone ? "redirect:/admin/tokens" : "redirect:/account/tokens";
	}
}

package com.numberops.portal.overrides.web;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.numberops.portal.overrides.OverrideRefused;
import com.numberops.portal.overrides.OverrideRequest;
import com.numberops.portal.overrides.OverrideRules;
import com.numberops.portal.overrides.Overrides;
import com.numberops.portal.system.FormErrors;
import com.numberops.portal.system.PathIds;
import com.numberops.portal.system.Toast;
import com.numberops.portal.users.PortalPrincipal;

/**
 * The override forms of a number's page: an operator's request (bound to {@link OverrideForm}),
 * an admin's "Clear override". POST, redirect, GET, like the edit forms: a refusal comes back as
 * the form and its errors, shown next to the field by the shared field fragment, a success as a
 * toast and the request's state in the Enablement section.
 */
@Controller
class NumberOverrideController {

	/** The form's model name; {@link LatestOverrideRequest} draws an empty one when nothing was sent. */
	static final String FORM = "overrideForm";

	private final Overrides overrides;

	private final MessageSourceAccessor text;

	NumberOverrideController(Overrides overrides, MessageSource messages) {
		this.overrides = overrides;
		this.text = new MessageSourceAccessor(messages);
	}

	@PostMapping("/numbers/" + PathIds.ID + "/override")
	String request(@PathVariable("id") long numberId, @Valid @ModelAttribute(FORM) OverrideForm form,
			BindingResult result, @AuthenticationPrincipal PortalPrincipal user, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			keep(redirect, form, result);
			Toast.error(text.getMessage("override.toast.choose")).flash(redirect);
			return back(numberId);
		}
		try {
			OverrideRequest request = overrides.request(user, numberId, form.forceEnabled(), form.reason());
			Toast.success(text.getMessage("override.toast.requested",
					new Object[] { OverrideRules.word(request.requestedEnabled()) })).flash(redirect);
		}
		catch (OverrideRefused refused) {
			FormErrors.reject(result, refused.field(), refused.getMessage());
			keep(redirect, form, result);
			Toast.error(text.getMessage("override.toast.not-requested", new Object[] { refused.getMessage() }))
				.flash(redirect);
		}
		return back(numberId);
	}

	@PostMapping("/numbers/" + PathIds.ID + "/override/clear")
	String clear(@PathVariable("id") long numberId, @AuthenticationPrincipal PortalPrincipal user,
			RedirectAttributes redirect) {
		try {
			overrides.clear(user, numberId);
			Toast.success(text.getMessage("override.toast.cleared")).flash(redirect);
		}
		catch (OverrideRefused refused) {
			OverrideForm form = OverrideForm.blank();
			BindingResult result = new org.springframework.validation.BeanPropertyBindingResult(form, FORM);
			result.reject("refused", refused.getMessage());
			keep(redirect, form, result);
			Toast.error(text.getMessage("form.toast.not-changed", new Object[] { refused.getMessage() })).flash(redirect);
		}
		return back(numberId);
	}

	/** The form as typed and its errors, for the page the redirect draws. */
	private static void keep(RedirectAttributes redirect, OverrideForm form, BindingResult result) {
		redirect.addFlashAttribute(FORM, form);
		redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, result);
	}

	private static String back(long numberId) {
		return "redirect:/numbers/" + numberId;
	}
}

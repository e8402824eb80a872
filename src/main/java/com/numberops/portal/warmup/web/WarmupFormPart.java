package com.numberops.portal.warmup.web;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.numberops.portal.numbers.web.NumberPagePart;
import com.numberops.portal.users.PortalPrincipal;

/**
 * The warmup controls of a number's page are bound to a {@link WarmupForm}: the one a refused
 * action sent back (with its errors, from the redirect's flash), or an empty one.
 */
@Component
class WarmupFormPart implements NumberPagePart {

	@Override
	public void addTo(Model model, PortalPrincipal user, long numberId) {
		if (!model.containsAttribute(WarmupController.FORM)) {
			model.addAttribute(WarmupController.FORM, WarmupForm.blank());
		}
	}
}

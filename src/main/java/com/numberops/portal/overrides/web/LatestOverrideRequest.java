package com.numberops.portal.overrides.web;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.numberops.portal.numbers.web.NumberPagePart;
import com.numberops.portal.overrides.Overrides;
import com.numberops.portal.users.PortalPrincipal;

/** The Enablement section of a number's page shows the latest override request and what became of it, and the request form. */
@Component
class LatestOverrideRequest implements NumberPagePart {

	private final Overrides overrides;

	LatestOverrideRequest(Overrides overrides) {
		this.overrides = overrides;
	}

	@Override
	public void addTo(Model model, PortalPrincipal user, long numberId) {
		model.addAttribute("overrideRequest", overrides.latest(user, numberId).orElse(null));
		// the request form is bound to an OverrideForm: a refused one (with its errors) or an empty one
		if (!model.containsAttribute(NumberOverrideController.FORM)) {
			model.addAttribute(NumberOverrideController.FORM, OverrideForm.blank());
		}
	}
}

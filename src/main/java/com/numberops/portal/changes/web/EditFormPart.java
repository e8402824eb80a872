package com.numberops.portal.changes.web;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.numberops.portal.numbers.web.NumberPagePart;
import com.numberops.portal.users.PortalPrincipal;

/**
 * The edit forms of a number's page are bound to an {@link EditForm}: the one a refused edit sent
 * back (with its errors, from the redirect's flash), or an empty one.
 */
@Component
class EditFormPart implements NumberPagePart {

	@Override
	public void addTo(Model model, PortalPrincipal user, long numberId) {
		if (!model.containsAttribute(NumberEditController.FORM)) {
			model.addAttribute(NumberEditController.FORM, EditForm.blank());
		}
	}
}

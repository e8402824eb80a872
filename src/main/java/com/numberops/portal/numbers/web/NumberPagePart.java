package com.numberops.portal.numbers.web;

import org.springframework.modulith.NamedInterface;
import org.springframework.ui.Model;

import com.numberops.portal.users.PortalPrincipal;

/**
 * What a module built on numbers adds to a number's page (overrides: the latest override request
 * and its outcome, in the Enablement section). Asked only once the number was found for the user,
 * so numbers need not know the modules that build on them.
 */
@NamedInterface("number-page")
public interface NumberPagePart {

	/** Adds what the part's place on the page needs to the page's model. */
	void addTo(Model model, PortalPrincipal user, long numberId);
}

package com.numberops.portal.providers.web;

import org.springframework.modulith.NamedInterface;
import org.springframework.ui.Model;

/**
 * A part another module adds to the admin's Providers page, below the accounts (the sandbox: its
 * fault switches). The page draws each part's own fragment with the model the part fills, so it
 * knows nothing of their contents, and providers nothing of the sandbox, which builds on them.
 */
@NamedInterface("providers-page")
public interface ProvidersPagePart {

	/** The template holding the part's fragment, e.g. {@code "sandbox/faults"}. */
	String template();

	/** The fragment of {@link #template()} that draws the part. */
	String fragment();

	/** Adds what the fragment needs to the page's model. */
	void addTo(Model model);
}

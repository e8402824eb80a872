package com.numberops.portal.system;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The step before an action that is hard to undo (a release, disabling a user), for a browser
 * without JavaScript: the action's POST without {@link #PARAMETER} answers this page, whose form
 * posts the same fields again with it; nothing happens until then. With htmx the button asks
 * ({@code hx-confirm}) and sends the parameter itself ({@code hx-vals}).
 *
 * @param question what is about to happen ("Release +15551234567?")
 * @param detail what it means ("It is held until …, cancellable until then.")
 * @param action where the confirming form posts (the action's own address)
 * @param fields the fields the first post carried, sent again
 * @param confirmLabel the confirming button's words
 * @param cancelHref where "Cancel" leads back to
 */
public record Confirmation(String question, String detail, String action, Map<String, String> fields,
		String confirmLabel, String cancelHref) {

	/** The parameter that says the person confirmed. */
	public static final String PARAMETER = "confirm";

	/** The page that asks. */
	public static final String PAGE = "fragments/confirm";

	public Confirmation {
		fields = Map.copyOf(fields);
	}

	/** Whether this request carries the person's confirmation. */
	public static boolean given(HttpServletRequest request) {
		return "yes".equals(request.getParameter(PARAMETER));
	}
}

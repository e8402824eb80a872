package com.numberops.portal.system;

import java.security.Principal;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.thymeleaf.spring6.view.ThymeleafView;

/**
 * Every Thymeleaf view of the portal. A whole page gets what the layout draws, the menu of the
 * signed-in user, whichever way it was reached: a controller, an {@code @ExceptionHandler}, the
 * error page. A fragment ({@code "numbers/list :: results"}, what htmx swaps in) draws no layout and
 * gets nothing: the menu's sections, matched against the path, were a twentieth of a list
 * fragment's server time (inventory benchmark).
 */
public class LayoutView extends ThymeleafView {

	static final String NAVIGATION = "navigation";

	static final String BELL = "bell";

	static final String SIGNED_IN = "signedIn";

	private @Nullable Menu menu;

	private @Nullable Bell bell;

	private boolean bellLooked;

	@Override
	public void render(@Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		if (getMarkupSelector() != null) {
			super.render(model, request, response);
			return;
		}
		Map<String, Object> page = model == null ? new HashMap<>() : new HashMap<>(model);
		Principal user = request.getUserPrincipal();
		Authentication signedIn = user instanceof Authentication authentication ? authentication : null;
		// the header's condition, decided here: sec:authorize parsed its expression on every page
		page.putIfAbsent(SIGNED_IN, signedIn != null);
		page.putIfAbsent(NAVIGATION, menu().linksFor(signedIn,
				request.getRequestURI().substring(request.getContextPath().length())));
		Bell ring = bell();
		if (signedIn != null && ring != null) {
			page.putIfAbsent(BELL, new Bell.Ring(ring.href(), new Menu.Badge(() -> ring.unread(signedIn))));
		}
		super.render(page, request, response);
	}

	private @Nullable Bell bell() {
		if (!bellLooked) {
			bell = obtainApplicationContext().getBeanProvider(Bell.class).getIfAvailable();
			bellLooked = true;
		}
		return bell;
	}

	private Menu menu() {
		if (menu == null) {
			menu = obtainApplicationContext().getBean(Menu.class);
		}
		return menu;
	}
}

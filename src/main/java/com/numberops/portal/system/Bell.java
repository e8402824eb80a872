package com.numberops.portal.system;

import org.springframework.security.core.Authentication;

/**
 * The bell in the layout's header: a signed-in person's unread alerts and the page that lists
 * them. The alerts module implements it; the layout only asks (and draws no bell when nobody
 * does), so it depends on no module.
 */
public interface Bell {

	/** Where the bell leads. */
	String href();

	/** How many alerts this person has not seen; asked at most once per whole page. */
	long unread(Authentication authentication);

	/** The bell as the template draws it: its link, and its count asked when first shown. */
	record Ring(String href, Menu.Badge badge) {

		public long unread() {
			return badge.count();
		}
	}
}

package com.numberops.portal.alerts;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import com.numberops.portal.system.Bell;
import com.numberops.portal.users.PortalPrincipal;

/** The layout's bell: the person's unread alerts ({@link AlertInbox}), leading to /alerts. */
@Component
class PortalBell implements Bell {

	static final String HREF = "/alerts";

	private final AlertInbox inbox;

	PortalBell(AlertInbox inbox) {
		this.inbox = inbox;
	}

	@Override
	public String href() {
		return HREF;
	}

	@Override
	public long unread(Authentication authentication) {
		return authentication.getPrincipal() instanceof PortalPrincipal person ? inbox.unread(person) : 0;
	}
}

package com.numberops.portal.changes.web;

import org.springframework.stereotype.Component;

import com.numberops.portal.changes.ChangeKind;
import com.numberops.portal.users.PortalPrincipal;

/**
 * Whether the pages offer retry, cancel and restore on a change of a kind (the Changes page's
 * {@code Change} and the number page's {@code PendingChange} both name their kind): the rule is
 * {@link ChangeKind#allows}, the one the service enforces, so no button leads to a 403.
 */
@Component("changeActions")
public class ChangeActions {

	public boolean allowed(String kindName, PortalPrincipal user) {
		return ChangeKind.valueOf(kindName).allows(user.getRole());
	}
}

package com.numberops.portal.overrides.web;

import org.springframework.stereotype.Component;

import com.numberops.portal.overrides.Overrides;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Section;
import com.numberops.portal.users.SectionBadge;

/** The number next to "Approvals" in an admin's navigation: requests waiting for a decision. */
@Component
class PendingApprovalsBadge implements SectionBadge {

	private final Overrides overrides;

	PendingApprovalsBadge(Overrides overrides) {
		this.overrides = overrides;
	}

	@Override
	public Section section() {
		return Section.APPROVALS;
	}

	@Override
	public long count(PortalPrincipal user) {
		return overrides.pendingCount(user);
	}
}

package com.numberops.portal.users;

/**
 * A count shown next to a section in the navigation (the Approvals badge: requests waiting).
 * Asked only for people who may open the section, and at most once per rendered page: the
 * layout asks when it draws the menu, redirects and htmx fragments never do.
 */
public interface SectionBadge {

	Section section();

	long count(PortalPrincipal user);
}

package com.numberops.portal.users;

import java.util.Arrays;
import java.util.List;

/**
 * The portal's top-level sections: the navigation shows a section to the roles that may open it,
 * and the security configuration guards the section's URLs with the same role. One table, so the
 * menu and the access rule can never disagree. A section's name is text: {@code section.<NAME>} in
 * messages.properties.
 */
public enum Section {

	DASHBOARD("/", "/", Role.VIEWER),
	NUMBERS("/numbers", "/numbers", Role.VIEWER),
	APPROVALS("/approvals", "/approvals", Role.ADMIN),
	SYNC("/sync", "/sync", Role.VIEWER),
	CHANGES("/changes", "/changes", Role.VIEWER),
	ADMIN("/admin", "/admin/users", Role.ADMIN);

	private final String root;

	private final String href;

	private final Role requiredRole;

	Section(String root, String href, Role requiredRole) {
		this.root = root;
		this.href = href;
		this.requiredRole = requiredRole;
	}

	public static List<Section> visibleTo(Role role) {
		return Arrays.stream(values()).filter(section -> role.includes(section.requiredRole)).toList();
	}

	/** URL patterns this section owns; the dashboard owns only the root itself. */
	public String[] urlPatterns() {
		return root.equals("/") ? new String[] { "/" } : new String[] { root, root + "/**" };
	}

	/** Whether a request path belongs to this section (for highlighting the menu). */
	public boolean contains(String path) {
		return root.equals("/") ? path.equals("/") : path.equals(root) || path.startsWith(root + "/");
	}

	public String href() {
		return href;
	}

	public Role requiredRole() {
		return requiredRole;
	}
}

package com.numberops.portal.users;

import java.util.Arrays;
import java.util.List;

/**
 * The portal's top-level sections: the navigation shows a section to the roles that may open it,
 * and the security configuration guards the section's URLs with the same role. One table, so the
 * menu and the access rule can never disagree.
 */
public enum Section {

	DASHBOARD("Dashboard", "/", "/", Role.VIEWER),
	NUMBERS("Numbers", "/numbers", "/numbers", Role.VIEWER),
	APPROVALS("Approvals", "/approvals", "/approvals", Role.ADMIN),
	SYNC("Sync", "/sync", "/sync", Role.VIEWER),
	CHANGES("Changes", "/changes", "/changes", Role.VIEWER),
	ADMIN("Admin", "/admin", "/admin/users", Role.ADMIN);

	private final String label;

	private final String root;

	private final String href;

	private final Role requiredRole;

	Section(String label, String root, String href, Role requiredRole) {
		this.label = label;
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

	public String label() {
		return label;
	}

	public String href() {
		return href;
	}

	public Role requiredRole() {
		return requiredRole;
	}
}

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

	DASHBOARD("/", "/", Role.VIEWER, true),
	NUMBERS("/numbers", "/numbers", Role.VIEWER, true),
	/**
	 * Getting new numbers costs money: admins only. Inside Numbers (its button leads here, the menu
	 * keeps Numbers lit), so it has no menu entry of its own.
	 */
	BUY("/numbers/buy", "/numbers/buy", Role.ADMIN, false),
	APPROVALS("/approvals", "/approvals", Role.ADMIN, true),
	SYNC("/sync", "/sync", Role.VIEWER, true),
	CHANGES("/changes", "/changes", Role.VIEWER, true),
	ADMIN("/admin", "/admin/users", Role.ADMIN, true),
	/**
	 * Carrier accounts, their connection checks and the sandbox's faults: every team's numbers
	 * live on them. A tab of Admin ({@link com.numberops.portal.system.ForAdminsOfEveryTeam}).
	 */
	PROVIDERS("/admin/providers", "/admin/providers", Role.ADMIN, false, true),
	/** Alert rules and channels may watch any team and send what they find anywhere. A tab of Admin. */
	ALERTS("/admin/alerts", "/admin/alerts", Role.ADMIN, false, true);

	private final String root;

	private final String href;

	private final Role requiredRole;

	private final boolean inMenu;

	private final boolean forAdminsOfEveryTeam;

	Section(String root, String href, Role requiredRole, boolean inMenu) {
		this(root, href, requiredRole, inMenu, false);
	}

	Section(String root, String href, Role requiredRole, boolean inMenu, boolean forAdminsOfEveryTeam) {
		this.root = root;
		this.href = href;
		this.requiredRole = requiredRole;
		this.inMenu = inMenu;
		this.forAdminsOfEveryTeam = forAdminsOfEveryTeam;
	}

	/** The menu's sections for this role. */
	public static List<Section> visibleTo(Role role) {
		return Arrays.stream(values()).filter(section -> section.inMenu && role.includes(section.requiredRole)).toList();
	}

	/**
	 * The order the access rules are registered in: the first rule matching a path decides, so a
	 * section inside another (Buy inside Numbers) comes before it, or the outer one's role would let
	 * everyone in.
	 */
	public static List<Section> mostSpecificFirst() {
		return Arrays.stream(values())
			.sorted(java.util.Comparator.comparingInt((Section section) -> section.root.length()).reversed())
			.toList();
	}

	/** Whether this role may open the section (a page's button to it is shown only then). */
	public boolean openTo(Role role) {
		return role.includes(requiredRole);
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

	/**
	 * Only for admins with no team limit, not for the role alone
	 * ({@link com.numberops.portal.system.ForAdminsOfEveryTeam#RULE}).
	 */
	public boolean forAdminsOfEveryTeam() {
		return forAdminsOfEveryTeam;
	}
}

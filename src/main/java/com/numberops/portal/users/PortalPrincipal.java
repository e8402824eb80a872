package com.numberops.portal.users;

import java.util.List;
import java.util.Set;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in user as Spring Security holds it: enough to check roles and team scope in the
 * service layer without another query.
 */
public class PortalPrincipal extends User {

	/** Kept in the shared session store (Spring Session JDBC) between requests, serialized. */
	private static final long serialVersionUID = 1L;

	private final long userId;

	private final String displayName;

	private final Role role;

	private final Set<Long> teamIds;

	/** Never "locked" here: a lock belongs to the typed username, real or not (LoginAttemptService). */
	PortalPrincipal(PortalUser user) {
		super(user.getUsername(), user.getPasswordHash(), user.isEnabled(), true, true, true,
				List.of(new SimpleGrantedAuthority(user.getRole().authority())));
		this.userId = user.getId();
		this.displayName = user.getDisplayName();
		this.role = user.getRole();
		this.teamIds = Set.copyOf(user.getTeamIds());
	}

	public long getUserId() {
		return userId;
	}

	public String getDisplayName() {
		return displayName;
	}

	public Role getRole() {
		return role;
	}

	/**
	 * Whether this person's role includes {@code role} (a {@link Role} name), as
	 * {@code hasRole(role)} answers under the role ladder. Templates ask this
	 * ({@code ${#authentication.principal.atLeast('OPERATOR')}}) instead of {@code sec:authorize}:
	 * that one parses its expression and builds a web security evaluation context at every use, and
	 * its five uses were a seventh of a number page's server time (page load benchmark).
	 */
	public boolean atLeast(String role) {
		return this.role.includes(Role.valueOf(role));
	}

	/** Empty: every team. */
	public Set<Long> getTeamIds() {
		return teamIds;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}
}

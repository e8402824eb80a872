package com.numberops.portal.users;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;

/**
 * The three roles, ordered: each one includes everything the ones before it may do.
 */
public enum Role {

	VIEWER, OPERATOR, ADMIN;

	/** Whether a user with this role may do what {@code required} may do. */
	public boolean includes(Role required) {
		return compareTo(required) >= 0;
	}

	public String authority() {
		return "ROLE_" + name();
	}

	public String label() {
		return name().charAt(0) + name().substring(1).toLowerCase();
	}

	/** The same ordering, for Spring Security's URL and method checks. */
	static RoleHierarchy hierarchy() {
		Role[] roles = values();
		String lines = Arrays.stream(roles)
			.skip(1)
			.map(role -> role.authority() + " > " + roles[role.ordinal() - 1].authority())
			.collect(Collectors.joining("\n"));
		return RoleHierarchyImpl.fromHierarchy(lines);
	}
}

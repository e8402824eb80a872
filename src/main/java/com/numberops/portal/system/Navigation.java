package com.numberops.portal.system;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import com.numberops.portal.users.PortalPrincipal;

/** The menu the layout shows: the sections the signed-in user's role may open. */
@Component
public class Navigation {

	/** One menu entry, as the template renders it. */
	public record Link(String id, String label, String href, boolean current) {
	}

	public List<Link> linksFor(@Nullable Authentication authentication, String currentPath) {
		if (authentication == null || !(authentication.getPrincipal() instanceof PortalPrincipal principal)) {
			return List.of();
		}
		return Section.visibleTo(principal.getRole())
			.stream()
			.map(section -> new Link(section.name(), section.label(), section.href(), section.contains(currentPath)))
			.toList();
	}
}

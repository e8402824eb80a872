package com.numberops.portal.users;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import com.numberops.portal.system.Menu;

/** The menu the layout shows: the sections the signed-in user's role may open, with their badges. */
@Component
class Navigation implements Menu {

	private final Map<Section, SectionBadge> badges;

	Navigation(ObjectProvider<SectionBadge> badges) {
		this.badges = badges.orderedStream().collect(Collectors.toMap(SectionBadge::section, Function.identity()));
	}

	@Override
	public List<Link> linksFor(@Nullable Authentication authentication, String currentPath) {
		if (authentication == null || !(authentication.getPrincipal() instanceof PortalPrincipal principal)) {
			return List.of();
		}
		return Section.visibleTo(principal.getRole())
			.stream()
			.map(section -> new Link(section.name(), section.href(), section.contains(currentPath),
					badge(section, principal)))
			.toList();
	}

	private Badge badge(Section section, PortalPrincipal principal) {
		SectionBadge badge = badges.get(section);
		return badge == null ? Badge.NONE : new Badge(() -> badge.count(principal));
	}
}

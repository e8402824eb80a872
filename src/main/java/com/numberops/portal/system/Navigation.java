package com.numberops.portal.system;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import com.numberops.portal.users.PortalPrincipal;

/** The menu the layout shows: the sections the signed-in user's role may open, with their badges. */
@Component
public class Navigation {

	private final Map<Section, SectionBadge> badges;

	Navigation(ObjectProvider<SectionBadge> badges) {
		this.badges = badges.orderedStream().collect(Collectors.toMap(SectionBadge::section, Function.identity()));
	}

	/** One menu entry, as the template renders it; its badge is counted when (and if) the template asks. */
	public record Link(String id, String label, String href, boolean current, Badge badge) {

		public Link(String id, String label, String href, boolean current) {
			this(id, label, href, current, Badge.NONE);
		}

		/** The badge's count, 0 when the section has none. */
		public long badgeCount() {
			return badge.count();
		}
	}

	/** A count asked for once, the first time it is shown. */
	public static final class Badge {

		static final Badge NONE = new Badge(() -> 0);

		private final LongSupplier source;

		private @Nullable Long count;

		Badge(LongSupplier source) {
			this.source = source;
		}

		public long count() {
			if (count == null) {
				count = source.getAsLong();
			}
			return count;
		}
	}

	public List<Link> linksFor(@Nullable Authentication authentication, String currentPath) {
		if (authentication == null || !(authentication.getPrincipal() instanceof PortalPrincipal principal)) {
			return List.of();
		}
		return Section.visibleTo(principal.getRole())
			.stream()
			.map(section -> new Link(section.name(), section.label(), section.href(), section.contains(currentPath),
					badge(section, principal)))
			.toList();
	}

	private Badge badge(Section section, PortalPrincipal principal) {
		SectionBadge badge = badges.get(section);
		return badge == null ? Badge.NONE : new Badge(() -> badge.count(principal));
	}
}

package com.numberops.portal.system;

import java.util.List;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * The menu the layout draws on every whole page. Which sections a signed-in user may open is the
 * users module's rule (it implements this); the layout only asks, so it depends on no module.
 */
public interface Menu {

	/** The links to show to {@code authentication} (none when nobody is signed in), the current one marked. */
	List<Link> linksFor(@Nullable Authentication authentication, String currentPath);

	/**
	 * One menu entry, as the template renders it (its name is the text {@code section.<id>} of
	 * messages.properties); its badge is counted when (and if) the template asks.
	 */
	record Link(String id, String href, boolean current, Badge badge) {

		public Link(String id, String href, boolean current) {
			this(id, href, current, Badge.NONE);
		}

		/** The badge's count, 0 when the section has none. */
		public long badgeCount() {
			return badge.count();
		}
	}

	/** A count asked for once, the first time it is shown. */
	final class Badge {

		public static final Badge NONE = new Badge(() -> 0);

		private final LongSupplier source;

		private @Nullable Long count;

		public Badge(LongSupplier source) {
			this.source = source;
		}

		public long count() {
			if (count == null) {
				count = source.getAsLong();
			}
			return count;
		}
	}
}

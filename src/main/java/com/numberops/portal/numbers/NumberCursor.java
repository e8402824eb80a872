package com.numberops.portal.numbers;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page ends: the sort, the sort key of its last row and that row's id, as a URL-safe
 * token. Opaque so that nobody builds one by hand and its format may change; it is not signed, and
 * need not be: a cursor grants nothing. The page's query applies the viewer's team scope and
 * filters whatever the cursor says, so an edited one can only start a list the person may read
 * anyway at another place. A token the portal could not have made (another sort's, or a key no
 * row has: a NUL character, a time outside the years 1 to 9999, a score that is no small number)
 * is refused before it reaches a query, and the page says the link is stale.
 */
public record NumberCursor(NumberSort sort, String key, long id) {

	private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");

	public String encode() {
		String plain = sort.param() + "\n" + id + "\n" + key;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	public static Optional<NumberCursor> decode(String token, NumberSort sort) {
		if (token.length() > 600) {
			return Optional.empty();
		}
		try {
			String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
			String[] parts = plain.split("\n", 3);
			if (parts.length != 3 || !parts[0].equals(sort.param())) {
				return Optional.empty();
			}
			long id = Long.parseLong(parts[1]);
			String key = parts[2];
			if (id < 1 || !validKey(sort, key)) {
				return Optional.empty();
			}
			return Optional.of(new NumberCursor(sort, key, id));
		}
		catch (IllegalArgumentException malformed) {
			return Optional.empty();
		}
	}

	/** Whether a row could have this sort key: nothing else may reach the query, where it would fail. */
	private static boolean validKey(NumberSort sort, String key) {
		return switch (sort) {
			case HEALTH -> key.matches("-?\\d{1,3}");
			case MODIFIED -> {
				try {
					Instant at = Instant.parse(key);
					yield !at.isBefore(FIRST) && !at.isAfter(LAST);
				}
				catch (DateTimeException bad) {
					yield false;
				}
			}
			// PostgreSQL's text cannot hold a NUL: compared with one, the query fails
			default -> key.length() <= 300 && key.indexOf('\0') < 0;
		};
	}
}

package com.numberops.portal.numbers;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page ends: the sort, the sort key of its last row and that row's id, as an opaque
 * URL-safe token. A token made for another sort, or tampered with, is refused.
 */
public record NumberCursor(NumberSort sort, String key, long id) {

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

	private static boolean validKey(NumberSort sort, String key) {
		return switch (sort) {
			case HEALTH -> key.matches("-?\\d{1,3}");
			case MODIFIED -> {
				try {
					java.time.Instant.parse(key);
					yield true;
				}
				catch (java.time.format.DateTimeParseException bad) {
					yield false;
				}
			}
			default -> key.length() <= 300;
		};
	}
}

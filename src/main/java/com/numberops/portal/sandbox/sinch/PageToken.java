package com.numberops.portal.sandbox.sinch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque {@code pageToken} of Sinch list endpoints: a keyset position (the sort key and phone
 * number of the last row handed out) plus a fingerprint of the query it belongs to. Keyset rather
 * than offset so that a walk through a listing sees every row that existed all along exactly once,
 * even while other rows are added or removed in between.
 *
 * @param query fingerprint of the filters and order the token was issued for
 * @param sortKey the last row's sort key ("" when ordering by phone number)
 * @param phoneNumber the last row's phone number, the tie-breaker
 */
record PageToken(String query, String sortKey, String phoneNumber) {

	private static final String VERSION = "k1";

	// Postgres text cannot hold NUL, so no display name or phone number contains it
	private static final String SEPARATOR = "\u0000";

	String encode() {
		String plain = String.join(SEPARATOR, VERSION, query, sortKey, phoneNumber);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/** Empty for anything this sandbox did not issue. */
	static Optional<PageToken> decode(String token) {
		try {
			String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
			String[] parts = plain.split(SEPARATOR, -1);
			if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[1].isEmpty()
					|| !parts[3].matches("\\+[1-9][0-9]{6,14}")) {
				return Optional.empty();
			}
			return Optional.of(new PageToken(parts[1], parts[2], parts[3]));
		}
		catch (IllegalArgumentException notBase64) {
			return Optional.empty();
		}
	}
}

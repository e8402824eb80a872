package com.numberops.portal.api;

import java.util.Arrays;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

/**
 * A number's entity tag: {@code "<version>.<newest event id>"}, strong. The version moves with
 * every change of the record's fields; a timeline note (an override requested, a change retried)
 * adds an event without moving it, and the answer's {@code events} with it: so the tag carries
 * both, and {@code If-None-Match} gives a 304 only when neither moved. {@code If-Match} compares
 * the version part only: a note changes nothing a write could overwrite.
 */
public final class ETags {

	private ETags() {
	}

	public static String of(long version, long newestEventId) {
		return "\"" + version + "." + newestEventId + "\"";
	}

	/**
	 * Whether an {@code If-Match} header (a list of tags, or *) admits a write to the number at this
	 * version. A weak tag ({@code W/"..."}) or a bare version ({@code "12"}) is read for its version too.
	 */
	public static boolean matches(String ifMatch, long version) {
		return Arrays.stream(ifMatch.split(","))
			.map(String::strip)
			.anyMatch(tag -> tag.equals("*") || versionOf(tag).orElse(-1) == version);
	}

	/** Whether an {@code If-None-Match} header names this exact tag (weak comparison, as RFC 9110 says for it). */
	public static boolean noneMatchHits(@Nullable String ifNoneMatch, String etag) {
		if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
			return false;
		}
		return Arrays.stream(ifNoneMatch.split(","))
			.map(String::strip)
			.anyMatch(tag -> tag.equals("*") || unweak(tag).equals(etag));
	}

	/** The version a tag carries ({@code "7.123"}, {@code "7"}, {@code W/"7"}); empty when it carries none. */
	public static OptionalLong versionOf(String tag) {
		String opaque = unweak(tag);
		if (opaque.length() < 3 || !opaque.startsWith("\"") || !opaque.endsWith("\"")) {
			return OptionalLong.empty();
		}
		String inner = opaque.substring(1, opaque.length() - 1);
		int dot = inner.indexOf('.');
		String version = dot < 0 ? inner : inner.substring(0, dot);
		if (!version.matches("\\d{1,18}")) {
			return OptionalLong.empty();
		}
		return OptionalLong.of(Long.parseLong(version));
	}

	private static String unweak(String tag) {
		return tag.startsWith("W/") ? tag.substring(2) : tag;
	}
}

package com.numberops.portal.changes.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/** Addresses of the Changes page and where a change's buttons lead back to. */
final class ChangeLinks {

	private static final List<String> KEPT = List.of("state", "user", "provider", "batch", "overdue");

	private ChangeLinks() {
	}

	static String url(String path, Map<String, String> params, @Nullable String before) {
		StringJoiner query = new StringJoiner("&");
		for (String key : KEPT) {
			String value = params.get(key);
			if (value != null && !value.isBlank()) {
				query.add(key + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
			}
		}
		if (before != null) {
			query.add("before=" + before);
		}
		return query.length() == 0 ? path : path + "?" + query;
	}

	/** Only our own pages: a "back" that points elsewhere (an open redirect) goes to the Changes page. */
	static String back(@Nullable String back) {
		if (back != null && back.matches("/(changes|numbers)(/[0-9]+)?(\\?[A-Za-z0-9=&%._-]*)?")) {
			return back;
		}
		return "/changes";
	}
}

package com.numberops.portal.system;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * The one rule for NUL characters (U+0000, sent as {@code %00} or as a JSON escape): no text may
 * hold one, name or value. PostgreSQL's text cannot store it, so one that reached a query would fail
 * it with a 500. The portal's forms and queries are checked by {@link NulCharacterFilter}; the sandbox
 * checks its carriers' queries and bodies with the same rule and answers in their error bodies.
 */
public final class NulCharacters {

	private static final int NAME_SHOWN = 40;

	private NulCharacters() {
	}

	/** The first parameter whose name or any of whose values holds a NUL, or null. */
	public static @Nullable String parameterWithNul(Map<String, String[]> parameters) {
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (in(parameter.getKey())) {
				return shown(parameter.getKey());
			}
			for (String value : parameter.getValue()) {
				if (value != null && in(value)) {
					return shown(parameter.getKey());
				}
			}
		}
		return null;
	}

	/** The path ({@code smsConfiguration.servicePlanId}) of the first name or string of a JSON body holding a NUL, or null. */
	public static @Nullable String fieldWithNul(JsonNode body) {
		return fieldWithNul(body, "");
	}

	private static @Nullable String fieldWithNul(JsonNode node, String path) {
		if (node.isString()) {
			return in(node.stringValue()) ? shown(path.isEmpty() ? "body" : path) : null;
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> member : node.properties()) {
				String name = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
				String found = in(member.getKey()) ? name : fieldWithNul(member.getValue(), name);
				if (found != null) {
					return shown(found);
				}
			}
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				String found = fieldWithNul(node.get(i), path + "[" + i + "]");
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static boolean in(String text) {
		return text.indexOf('\0') >= 0;
	}

	/** A name as it can be shown in an answer: its NULs spelt out, cut when it is long. */
	private static String shown(String name) {
		String shown = name.replace("\0", "\\u0000");
		return shown.length() > NAME_SHOWN ? shown.substring(0, NAME_SHOWN) + "…" : shown;
	}
}

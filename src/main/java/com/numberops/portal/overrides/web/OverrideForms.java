package com.numberops.portal.overrides.web;

import org.jspecify.annotations.Nullable;

/** Form fields read strictly: an id or version that is not a plain positive number is none. */
final class OverrideForms {

	private OverrideForms() {
	}

	static @Nullable Long number(@Nullable String value) {
		if (value == null || !value.strip().matches("\\d{1,18}")) {
			return null;
		}
		return Long.valueOf(value.strip());
	}
}

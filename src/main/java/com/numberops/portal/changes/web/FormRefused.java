package com.numberops.portal.changes.web;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * An edit form that cannot be read as it was sent (a switch neither on nor off, a damaged version,
 * a bulk choice of edit that is not one): a refusal of the form, before any rule of the edit, so
 * it names its text in messages.properties instead of writing it; the controller resolves it and
 * puts it next to {@link #field()} (blank: the form as a whole).
 */
class FormRefused extends RuntimeException {

	private final String field;

	private final DefaultMessageSourceResolvable text;

	FormRefused(String field, String key, Object... args) {
		super(key);
		this.field = field;
		this.text = new DefaultMessageSourceResolvable(new String[] { key }, args);
	}

	String field() {
		return field;
	}

	/** The key of its text in messages.properties and the values the text carries. */
	MessageSourceResolvable text() {
		return text;
	}
}

package com.numberops.portal.numbers;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a number where the portal keeps its intent while a change is on its way: the
 * mirror shows the edit at once, and the sync keeps it (rather than the carrier's older value)
 * until the change settles. SMS configuration, voice and release keep none: the mirror shows what
 * the carrier reports for those. Each change kind names its field here ({@code ChangeKind}); the
 * column belongs to the number.
 */
public enum IntentField {

	NAME("name"), BUSINESS_CAMPAIGN("campaign_id"), CNAM_LOOKUPS("cnam_lookups_enabled"),
	MESSAGING("messaging_enabled"), ENABLED("enabled");

	private final String column;

	IntentField(String column) {
		this.column = column;
	}

	public String column() {
		return column;
	}

	/** A value as stored in a change's text payload ("true", "", a name), as the column holds it. */
	public @Nullable Object parse(@Nullable String text) {
		return switch (this) {
			case NAME -> text;
			case BUSINESS_CAMPAIGN -> text == null || text.isEmpty() ? null : text;
			case CNAM_LOOKUPS, MESSAGING, ENABLED -> text == null ? null : Boolean.valueOf(text);
		};
	}

	/** Enabled is never unknown: a number is enabled or not. */
	public boolean nullable() {
		return this != ENABLED;
	}
}

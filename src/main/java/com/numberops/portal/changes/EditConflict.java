package com.numberops.portal.changes;

/**
 * The value an edit was based on is no longer the number's: someone changed it meanwhile.
 * Nothing was changed; the message says what the value is now, so the person can decide again.
 */
public class EditConflict extends RuntimeException {

	private final String currentValue;

	private final long currentVersion;

	public EditConflict(ChangeKind kind, String currentValue, long currentVersion) {
		super("Changed by someone else while you were editing: the " + kind.label().toLowerCase(java.util.Locale.ROOT)
				+ " is now " + (currentValue.isEmpty() ? "empty" : "\"" + currentValue + "\"")
				+ ". Nothing was changed; check the new value and submit again if yours should still win.");
		this.currentValue = currentValue;
		this.currentVersion = currentVersion;
	}

	public String currentValue() {
		return currentValue;
	}

	public long currentVersion() {
		return currentVersion;
	}
}

package com.numberops.portal.changes;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.numbers.IntentField;
import com.numberops.portal.users.Role;

/**
 * Every kind of edit: who may make it (and settle a change of it: retry, cancel, restore), whether a carrier must apply it, and which field of the number
 * an open change of it holds (the sync keeps the portal's value of those until it settles). SMS
 * and voice changes own none: while the carrier provisions them, the mirror shows what the
 * carrier reports, job status included.
 */
public enum ChangeKind {

	RENAME("Rename", true, Role.OPERATOR, IntentField.NAME),
	SMS_CONFIGURATION("SMS service plan and 10DLC campaign", true, Role.OPERATOR, null),
	BUSINESS_CAMPAIGN("Business campaign", false, Role.OPERATOR, IntentField.BUSINESS_CAMPAIGN),
	VOICE_APP("Voice app", true, Role.OPERATOR, null),
	CNAM_LOOKUPS("CNAM lookups", true, Role.OPERATOR, IntentField.CNAM_LOOKUPS),
	MESSAGING("Messaging", true, Role.OPERATOR, IntentField.MESSAGING),
	ENABLEMENT("Enabled", false, Role.OPERATOR, IntentField.ENABLED),
	RELEASE("Release", true, Role.ADMIN, null),
	/** Buying a number: the name it is bought under is held until the carrier has the number and its name. */
	RENT("Rent", true, Role.ADMIN, IntentField.NAME);

	private final String label;

	private final boolean providerBound;

	private final Role requiredRole;

	private final @Nullable IntentField intentField;

	ChangeKind(String label, boolean providerBound, Role requiredRole, @Nullable IntentField intentField) {
		this.label = label;
		this.providerBound = providerBound;
		this.requiredRole = requiredRole;
		this.intentField = intentField;
	}

	public String label() {
		return label;
	}

	/** A carrier applies it (an outbox change); otherwise it lives in the mirror only and settles at once. */
	public boolean providerBound() {
		return providerBound;
	}

	public Role requiredRole() {
		return requiredRole;
	}

	/**
	 * Whether someone with this role may make this edit, and so also retry, cancel or restore a
	 * change of it: whoever may not release a number may not send a failed release again either.
	 */
	public boolean allows(Role role) {
		return role.includes(requiredRole);
	}

	/** The number's field an open change of this kind holds its intent in, if any: the one place that says. */
	public @Nullable IntentField intentField() {
		return intentField;
	}

	/** The mirror columns an open change of this kind holds (stored with the change, read by the sync). */
	public List<String> fields() {
		return intentField == null ? List.of() : List.of(intentField.column());
	}
}

package com.numberops.portal.changes;

import java.util.List;

import com.numberops.portal.users.Role;

/**
 * Every kind of edit: who may make it (and settle a change of it: retry, cancel, restore), whether a carrier must apply it, and which mirror columns
 * an open change of it owns (the sync keeps the portal's value of those until it settles). SMS
 * and voice changes own none: while the carrier provisions them, the mirror shows what the
 * carrier reports, job status included.
 */
public enum ChangeKind {

	RENAME("Rename", true, Role.OPERATOR, List.of("name")),
	SMS_CONFIGURATION("SMS service plan and 10DLC campaign", true, Role.OPERATOR, List.of()),
	BUSINESS_CAMPAIGN("Business campaign", false, Role.OPERATOR, List.of("campaign_id")),
	VOICE_APP("Voice app", true, Role.OPERATOR, List.of()),
	CNAM_LOOKUPS("CNAM lookups", true, Role.OPERATOR, List.of("cnam_lookups_enabled")),
	MESSAGING("Messaging", true, Role.OPERATOR, List.of("messaging_enabled")),
	ENABLEMENT("Enabled", false, Role.OPERATOR, List.of("enabled")),
	RELEASE("Release", true, Role.ADMIN, List.of());

	private final String label;

	private final boolean providerBound;

	private final Role requiredRole;

	private final List<String> fields;

	ChangeKind(String label, boolean providerBound, Role requiredRole, List<String> fields) {
		this.label = label;
		this.providerBound = providerBound;
		this.requiredRole = requiredRole;
		this.fields = fields;
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

	public List<String> fields() {
		return fields;
	}
}

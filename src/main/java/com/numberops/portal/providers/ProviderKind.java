package com.numberops.portal.providers;

/** The carrier APIs the portal mirrors; the same names are stored in provider_accounts.provider. */
public enum ProviderKind {

	SINCH("Sinch active numbers"), SINCH_IMPORTED("Sinch imported numbers"), FLOWROUTE("Flowroute");

	private final String label;

	ProviderKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}

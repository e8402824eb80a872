package com.numberops.portal.providers;

/** A row of provider_accounts: one carrier account the mirror follows, and how it is reached. */
public record ProviderAccount(long id, ProviderKind provider, String accountRef, String name, boolean sandbox) {

	public String mode() {
		return sandbox ? "Sandbox" : "Live";
	}
}

package com.numberops.portal.providers;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Carrier credentials, from the environment ({@code SINCH_*}, {@code FLOWROUTE_*}). A provider
 * without credentials is served by the built-in sandbox; with none at all the portal runs in
 * sandbox mode.
 */
@ConfigurationProperties("portal.providers")
public record ProvidersProperties(@DefaultValue Sinch sinch, @DefaultValue Flowroute flowroute) {

	public record Sinch(@DefaultValue("") String projectId, @DefaultValue("") String keyId,
			@DefaultValue("") String keySecret) {

		public boolean live() {
			return !keyId.isBlank();
		}

		@Override
		public String toString() {
			return "Sinch[projectId=" + projectId + ", keyId=" + keyId + ", keySecret=" + (keySecret.isBlank() ? "" : "***") + "]";
		}
	}

	public record Flowroute(@DefaultValue("") String accessKey, @DefaultValue("") String secretKey) {

		public boolean live() {
			return !accessKey.isBlank();
		}

		@Override
		public String toString() {
			return "Flowroute[accessKey=" + accessKey + ", secretKey=" + (secretKey.isBlank() ? "" : "***") + "]";
		}
	}

	/** No carrier credentials at all: everything runs against the sandbox, with demo users. */
	public boolean sandboxMode() {
		return !sinch.live() && !flowroute.live();
	}
}

package com.numberops.portal.providers;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Carrier connections, from the environment ({@code SINCH_*}, {@code FLOWROUTE_*}). A provider
 * without credentials is served by the built-in sandbox; with none at all the portal runs in
 * sandbox mode. Secrets never appear in {@link #toString()}.
 */
@ConfigurationProperties("portal.providers")
public record ProvidersProperties(@DefaultValue Sinch sinch, @DefaultValue Flowroute flowroute,
		@DefaultValue Http http) {

	/** What the sandbox accepts; fixed so that anyone can point a client at it. */
	public static final String SANDBOX_SINCH_PROJECT = "sandbox-project";

	public static final String SANDBOX_SINCH_KEY = "sandbox-key";

	public static final String SANDBOX_SINCH_SECRET = "sandbox-secret";

	public static final String SANDBOX_FLOWROUTE_KEY = "sandbox-access";

	public static final String SANDBOX_FLOWROUTE_SECRET = "sandbox-secret";

	public enum SinchAuth {
		BASIC, OAUTH
	}

	/**
	 * @param baseUrl active numbers API root, blank: the sandbox
	 * @param importedBaseUrl imported numbers API root, blank: the sandbox
	 * @param tokenUrl OAuth2 token endpoint, blank: the sandbox's
	 * @param regions regions a full sync lists, each with every type in {@code types}
	 * @param importedScopes "servicePlanId/campaignId" pairs a full sync of imported numbers lists
	 */
	public record Sinch(@DefaultValue("") String projectId, @DefaultValue("") String keyId,
			@DefaultValue("") String keySecret, @DefaultValue("BASIC") SinchAuth auth, @DefaultValue("") String baseUrl,
			@DefaultValue("") String importedBaseUrl, @DefaultValue("") String tokenUrl,
			@DefaultValue({ "US", "CA", "GB" }) List<String> regions,
			@DefaultValue({ "LOCAL", "MOBILE", "TOLL_FREE" }) List<String> types,
			@DefaultValue({}) List<String> importedScopes, @DefaultValue("") String callbackSecret) {

		public boolean live() {
			return !keyId.isBlank();
		}

		public String effectiveProjectId() {
			return live() ? projectId : SANDBOX_SINCH_PROJECT;
		}

		public String effectiveKeyId() {
			return live() ? keyId : SANDBOX_SINCH_KEY;
		}

		public String effectiveKeySecret() {
			return live() ? keySecret : SANDBOX_SINCH_SECRET;
		}

		@Override
		public String toString() {
			return "Sinch[projectId=" + projectId + ", keyId=" + keyId + ", keySecret=" + mask(keySecret) + ", auth="
					+ auth + ", baseUrl=" + baseUrl + ", regions=" + regions + ", types=" + types + "]";
		}
	}

	public record Flowroute(@DefaultValue("") String accessKey, @DefaultValue("") String secretKey,
			@DefaultValue("") String baseUrl) {

		public boolean live() {
			return !accessKey.isBlank();
		}

		public String effectiveAccessKey() {
			return live() ? accessKey : SANDBOX_FLOWROUTE_KEY;
		}

		public String effectiveSecretKey() {
			return live() ? secretKey : SANDBOX_FLOWROUTE_SECRET;
		}

		@Override
		public String toString() {
			return "Flowroute[accessKey=" + accessKey + ", secretKey=" + mask(secretKey) + ", baseUrl=" + baseUrl + "]";
		}
	}

	/**
	 * Every carrier call has a timeout; idempotent calls are retried with exponential backoff,
	 * waiting at least what a 429's Retry-After asks for. A Retry-After longer than
	 * {@code maxRetryAfter} is not waited out in-line: the error goes to the caller, whose job
	 * (sync, outbox) reschedules itself.
	 */
	public record Http(@DefaultValue("3s") Duration connectTimeout, @DefaultValue("15s") Duration readTimeout,
			@DefaultValue("4") int maxAttempts, @DefaultValue("200ms") Duration initialBackoff,
			@DefaultValue("10s") Duration maxBackoff, @DefaultValue("30s") Duration maxRetryAfter) {
	}

	/** No carrier credentials at all: everything runs against the sandbox, with demo users. */
	public boolean sandboxMode() {
		return !sinch.live() && !flowroute.live();
	}

	private static String mask(String secret) {
		return secret.isBlank() ? "" : "***";
	}
}

package com.numberops.portal.sandbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.sandbox.*}.
 *
 * @param schema where the sandbox keeps its carriers' state
 * @param seed with {@code size}, decides every seeded number: same pair, same fleet
 * @param size how many numbers to seed across all simulated carriers (a few hundred by default,
 * up to 1,000,000 for benchmarks)
 * @param provisioningWaiting how long a Sinch scheduled provisioning job stays WAITING
 * @param provisioningInProgress how long it then stays IN_PROGRESS before it is applied or fails
 * @param sinchCallbackUrl where to send Sinch number callbacks of numbers without a callbackUrl of
 * their own; blank: this portal's own {@code /webhooks/sinch}
 * @param sinchCallbackSecret the HMAC-SHA1 key of {@code X-Sinch-Signature}
 * @param hangFor how long a "hanging" fault holds a request
 * @param callbackHosts host names (as written in URLs, never resolved) the simulated Sinch may call
 * back besides this portal's own webhook; a callbackUrl on any other host is refused, so that the
 * public sandbox cannot make the portal's host call arbitrary addresses
 * @param sinchServicePlans SMS service plans the simulated Sinch project has besides those of its
 * seeded numbers; linking a plan it does not have ends in a FAILED job
 * @param sinchCampaigns 10DLC campaigns likewise
 */
@ConfigurationProperties("portal.sandbox")
public record SandboxProperties(@DefaultValue("portal_sandbox") String schema, @DefaultValue("20261122") long seed,
		@DefaultValue("300") int size, @DefaultValue("2s") Duration provisioningWaiting,
		@DefaultValue("3s") Duration provisioningInProgress, @DefaultValue("") String sinchCallbackUrl,
		@DefaultValue("sandbox-callback-secret") String sinchCallbackSecret, @DefaultValue("30s") Duration hangFor,
		@DefaultValue List<String> callbackHosts, @DefaultValue List<String> sinchServicePlans,
		@DefaultValue List<String> sinchCampaigns) {

	public SandboxProperties {
		if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("portal.sandbox.schema must be a plain lower-case identifier: " + schema);
		}
		callbackHosts = stripped(callbackHosts);
		sinchServicePlans = stripped(sinchServicePlans);
		sinchCampaigns = stripped(sinchCampaigns);
		if (size < 0 || size > 2_000_000) {
			throw new IllegalArgumentException("portal.sandbox.size must be between 0 and 2,000,000");
		}
	}

	private static List<String> stripped(List<String> values) {
		return values.stream().map(String::strip).filter(value -> !value.isEmpty()).toList();
	}

	@Override
	public String toString() {
		return "SandboxProperties[schema=" + schema + ", seed=" + seed + ", size=" + size + "]";
	}
}

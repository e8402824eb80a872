package com.numberops.portal.sync.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.sandbox.SandboxProperties;

/**
 * What each webhook checks against: the configured value; with the carrier simulated and nothing
 * configured, the sandbox's own value; with a live carrier and nothing configured, nothing (every
 * delivery refused).
 */
class WebhookCredentialsUnitTest {

	static ProvidersProperties.Sinch sinch(String keyId, String callbackSecret) {
		return new ProvidersProperties.Sinch("project", keyId, keyId.isEmpty() ? "" : "key-secret",
				ProvidersProperties.SinchAuth.BASIC, "", "", "", List.of("US"), List.of("LOCAL"), List.of(),
				callbackSecret);
	}

	static SandboxProperties sandbox(String callbackSecret) {
		return new SandboxProperties("portal_sandbox", 1, 0, Duration.ofSeconds(1), Duration.ofSeconds(1), "",
				callbackSecret, Duration.ofSeconds(1), List.of(), List.of(), List.of());
	}

	static ProvidersProperties.Flowroute flowroute(String accessKey) {
		return new ProvidersProperties.Flowroute(accessKey, accessKey.isEmpty() ? "" : "secret", "");
	}

	@Test
	void sinchSecret() {
		assertThat(WebhookCredentials.sinchSecret(sinch("", ""), sandbox("sandbox-callback-secret")))
			.as("sandbox, nothing configured").contains("sandbox-callback-secret");
		assertThat(WebhookCredentials.sinchSecret(sinch("", ""), sandbox("changed-sandbox-secret")))
			.as("follows the sandbox's setting").contains("changed-sandbox-secret");
		assertThat(WebhookCredentials.sinchSecret(sinch("", "configured"), sandbox("sandbox-callback-secret")))
			.as("configured wins in the sandbox too").contains("configured");
		assertThat(WebhookCredentials.sinchSecret(sinch("live-key", "configured"), null)).contains("configured");
		assertThat(WebhookCredentials.sinchSecret(sinch("live-key", ""), sandbox("sandbox-callback-secret")))
			.as("live without a secret: no sandbox default").isEmpty();
		assertThat(WebhookCredentials.sinchSecret(sinch("live-key", " "), null)).isEmpty();
	}

	@Test
	void flowrouteToken() {
		assertThat(WebhookCredentials.flowrouteToken(flowroute(""), new WebhooksProperties("")))
			.contains(WebhooksProperties.SANDBOX_FLOWROUTE_TOKEN);
		assertThat(WebhookCredentials.flowrouteToken(flowroute(""), new WebhooksProperties("mine"))).contains("mine");
		assertThat(WebhookCredentials.flowrouteToken(flowroute("live"), new WebhooksProperties("mine"))).contains("mine");
		assertThat(WebhookCredentials.flowrouteToken(flowroute("live"), new WebhooksProperties(""))).isEqualTo(Optional.empty());
	}

	@Test
	void tokensCompareWhole() {
		assertThat(SharedToken.matches("abc", "abc")).isTrue();
		assertThat(SharedToken.matches("abd", "abc")).isFalse();
		assertThat(SharedToken.matches("ab", "abc")).isFalse();
		assertThat(SharedToken.matches("abcd", "abc")).isFalse();
		assertThat(SharedToken.matches("ABC", "abc")).isFalse();
		assertThat(SharedToken.matches(null, "abc")).isFalse();
		assertThat(SharedToken.matches("", "")).as("an empty expected token admits nobody").isFalse();
	}

	@Test
	void secretsAreNotPrinted() {
		assertThat(new WebhooksProperties("s3cret-token")).asString().doesNotContain("s3cret-token");
	}
}

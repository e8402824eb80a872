package com.numberops.portal.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The webhook signature is the HMAC-SHA256 of "timestamp.body", as the README's recipe checks it. */
class WebhookSignatureUnitTest {

	@Test
	void signsTheTimestampAndTheBody() {
		// openssl: printf '1765000000.{"text":"hi"}' | openssl dgst -sha256 -hmac 'a-long-enough-secret'
		assertThat(WebhookSignature.sign("a-long-enough-secret", 1765000000L, "{\"text\":\"hi\"}"))
			.isEqualTo("sha256=" + OPENSSL);
	}

	@Test
	void aChangedBodyTimestampOrSecretDoesNotVerify() {
		String header = WebhookSignature.sign("a-long-enough-secret", 1765000000L, "{\"text\":\"hi\"}");
		assertThat(WebhookSignature.verifies("a-long-enough-secret", 1765000000L, "{\"text\":\"hi\"}", header)).isTrue();
		assertThat(WebhookSignature.verifies("a-long-enough-secret", 1765000000L, "{\"text\":\"hI\"}", header)).isFalse();
		assertThat(WebhookSignature.verifies("a-long-enough-secret", 1765000001L, "{\"text\":\"hi\"}", header)).isFalse();
		assertThat(WebhookSignature.verifies("another-long-secret!", 1765000000L, "{\"text\":\"hi\"}", header)).isFalse();
	}

	private static final String OPENSSL = "9662db406f8411abfadc73753017962282592b22328fa9c1998ede3b52a3f266";
}

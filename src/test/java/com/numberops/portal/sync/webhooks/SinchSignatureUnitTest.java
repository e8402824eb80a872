package com.numberops.portal.sync.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** X-Sinch-Signature: hex HMAC-SHA1 of the raw body, checked against known vectors. */
class SinchSignatureUnitTest {

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			The quick brown fox jumps over the lazy dog | key  | de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9
			what do ya want for nothing?                | Jefe | effcdf6ae5eb2fa2d27416d5f184df9c259a7c79
			""")
	void knownVectors(String body, String secret, String signature) {
		assertThat(SinchSignature.sign(utf8(body), secret)).isEqualTo(signature);
		assertThat(SinchSignature.matches(utf8(body), signature, secret)).isTrue();
		assertThat(SinchSignature.matches(utf8(body), signature.toUpperCase(), secret)).as("hex in either case").isTrue();
	}

	/** RFC 2202 test case 1: key 0x0b × 20, data "Hi There". */
	@Test
	void rfc2202BinaryKeyVector() {
		String key = new String(HexFormat.of().parseHex("0b".repeat(20)), StandardCharsets.ISO_8859_1);
		// 0x0b is ASCII, so its UTF-8 encoding is the same single byte
		assertThat(SinchSignature.sign(utf8("Hi There"), key)).isEqualTo("b617318655057264e28bc0b6fb378c8ef146be00");
	}

	@Test
	void anythingElseDoesNotMatch() {
		byte[] body = utf8("what do ya want for nothing?");
		String good = "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79";

		assertThat(SinchSignature.matches(body, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c78", "Jefe")).as("last digit")
			.isFalse();
		assertThat(SinchSignature.matches(body, "0ffcdf6ae5eb2fa2d27416d5f184df9c259a7c79", "Jefe")).as("first digit")
			.isFalse();
		assertThat(SinchSignature.matches(body, good.substring(0, 38), "Jefe")).as("truncated").isFalse();
		assertThat(SinchSignature.matches(body, good + "00", "Jefe")).as("extended").isFalse();
		assertThat(SinchSignature.matches(body, good, "jefe")).as("another secret").isFalse();
		assertThat(SinchSignature.matches(utf8("what do ya want for nothing? "), good, "Jefe")).as("another body")
			.isFalse();
		assertThat(SinchSignature.matches(body, null, "Jefe")).as("none").isFalse();
		assertThat(SinchSignature.matches(body, "", "Jefe")).as("empty").isFalse();
		assertThat(SinchSignature.matches(body, "sha1=" + good, "Jefe")).as("not bare hex").isFalse();
		assertThat(SinchSignature.matches(body, "xyz", "Jefe")).as("not hex").isFalse();
		assertThat(SinchSignature.matches(body, SinchSignature.sign(body, "x"), "")).as("no secret configured")
			.isFalse();
	}
}

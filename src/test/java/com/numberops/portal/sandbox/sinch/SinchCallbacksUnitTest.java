package com.numberops.portal.sandbox.sinch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** X-Sinch-Signature: lower-case hex HMAC-SHA1 of the raw body (RFC 2202 / well-known vectors). */
class SinchCallbacksUnitTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			The quick brown fox jumps over the lazy dog | key                    | de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9
			what do ya want for nothing?                | Jefe                   | effcdf6ae5eb2fa2d27416d5f184df9c259a7c79
			""")
	void signatures(String body, String secret, String signature) {
		assertThat(SinchCallbacks.sign(body.getBytes(StandardCharsets.UTF_8), secret)).isEqualTo(signature);
	}
}

package com.numberops.portal.sandbox.sinch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The opaque page token: what goes in comes out, and nothing else is taken for a token. */
class PageTokenUnitTest {

	@ParameterizedTest(name = "{0} / \"{1}\" / {2}")
	@CsvSource(delimiter = '|', textBlock = """
			0123456789abcdef | ''                        | +12065550100
			0123456789abcdef | Growth line 0042          | +447700900123
			0123456789abcdef | 'Ünïcødé, commas; | pipes' | +4420000000001
			0123456789abcdef | '  spaced  '              | +18005550100
			""")
	void roundTrips(String query, String sortKey, String phoneNumber) {
		PageToken token = new PageToken(query, sortKey, phoneNumber);
		String encoded = token.encode();
		// safe in a query string without encoding
		assertThat(encoded).matches("[A-Za-z0-9_-]+");
		assertThat(PageToken.decode(encoded)).contains(token);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not-a-token", "!!!", "a", "azEA" })
	void garbageIsNoToken(String token) {
		assertThat(PageToken.decode(token)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "k2\u0000q\u0000\u0000+12065550100", "k1\u0000q\u0000\u0000not-a-number",
			"k1\u0000\u0000\u0000+12065550100", "k1\u0000q\u0000+12065550100" })
	void wellEncodedButWrongContentIsNoToken(String plain) {
		String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
		assertThat(PageToken.decode(encoded)).isEmpty();
	}
}

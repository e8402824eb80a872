package com.numberops.portal.providers.sinch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderKind;

/** What Spring Security reports when no token could be had, as one portal error. */
class SinchTokenFailureUnitTest {

	@Test
	void anOAuth2ErrorBodyIsA400WithItsCode() {
		ProviderError error = SinchAuthentication.failed(ProviderKind.SINCH, "get +12025550134",
				new OAuth2AuthorizationException(new OAuth2Error("invalid_grant", "grant_type is required", null)));

		assertThat(error.httpStatus()).isEqualTo(400);
		assertThat(error.providerCode()).isEqualTo("OAUTH2_INVALID_GRANT");
		assertThat(error.getMessage()).isEqualTo("get +12025550134 (OAuth2 token): refused (grant_type is required)");
		assertThat(error.retryable()).isFalse();
	}

	@Test
	void aRateLimitedTokenEndpointIsRetryable() {
		HttpClientErrorException limited = HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests",
				new HttpHeaders(), "{}".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		ProviderError error = SinchAuthentication.failed(ProviderKind.SINCH_IMPORTED, "list",
				new OAuth2AuthorizationException(new OAuth2Error("invalid_token_response"), limited));

		assertThat(error.httpStatus()).isEqualTo(429);
		assertThat(error.providerCode()).isEqualTo("OAUTH2_TOKEN_UNAVAILABLE");
		assertThat(error.retryable()).isTrue();
	}

	@Test
	void noAnswerAndUnreadableAnswersKeepTheirMeaning() {
		ProviderError noAnswer = SinchAuthentication.failed(ProviderKind.SINCH, "get",
				new OAuth2AuthorizationException(new OAuth2Error("invalid_token_response"),
						new ResourceAccessException("I/O error", new IOException("timed out"))));
		ProviderError unreadable = SinchAuthentication.failed(ProviderKind.SINCH, "get",
				new OAuth2AuthorizationException(new OAuth2Error("invalid_token_response"),
						new RestClientException("could not extract the token response")));

		assertThat(noAnswer.httpStatus()).isZero();
		assertThat(noAnswer.providerCode()).isEqualTo("NO_ANSWER");
		assertThat(unreadable.providerCode()).isEqualTo("MALFORMED_RESPONSE");
		assertThat(unreadable.retryable()).isTrue();
	}
}

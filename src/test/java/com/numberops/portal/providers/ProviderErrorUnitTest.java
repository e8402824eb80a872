package com.numberops.portal.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which failed writes may still have been carried out at the carrier: the same rule for every carrier. */
class ProviderErrorUnitTest {

	@ParameterizedTest(name = "{0} {1} {2} → retryable {3}, outcome unknown {4}")
	@CsvSource(delimiter = '|', textBlock = """
			# provider     | status | code                 | retryable | outcome unknown
			SINCH          | 0      | NO_ANSWER            | true      | true
			FLOWROUTE      | 0      | NO_ANSWER            | true      | true
			SINCH          | 500    | INTERNAL             | true      | true
			SINCH_IMPORTED | 500    | UNKNOWN              | true      | true
			FLOWROUTE      | 500    | Internal Server Error| true      | true
			SINCH          | 502    | HTTP_502             | true      | true
			FLOWROUTE      | 504    | HTTP_504             | true      | true
			SINCH          | 503    | UNAVAILABLE          | true      | false
			FLOWROUTE      | 429    | Too Many Requests    | true      | false
			SINCH          | 429    | RESOURCE_EXHAUSTED   | true      | false
			SINCH          | 400    | INVALID_ARGUMENT     | false     | false
			FLOWROUTE      | 404    | Not Found            | false     | false
			FLOWROUTE      | 422    | Unprocessable Entity | false     | false
			""")
	void aWriteThatGotNoClearAnswerMayHaveBeenApplied(ProviderKind provider, int status, String code, boolean retryable,
			boolean unknown) {
		ProviderError error = status == 0 ? ProviderError.noAnswer(provider, "PATCH", new IOException("timed out"))
				: new ProviderError(provider, status, code, "said so");
		assertThat(error.retryable()).isEqualTo(retryable);
		assertThat(error.outcomeUnknown()).isEqualTo(unknown);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "SINCH", "FLOWROUTE" })
	void anAnswerThatCouldNotBeReadLeavesTheOutcomeUnknown(ProviderKind provider) {
		ProviderError error = ProviderError.malformed(provider, 200, "PATCH", new IllegalStateException("truncated"));
		assertThat(error.outcomeUnknown()).isTrue();
	}
}

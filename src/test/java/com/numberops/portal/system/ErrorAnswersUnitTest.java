package com.numberops.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which clients get problem details instead of the error page: those that ask for JSON before HTML. */
class ErrorAnswersUnitTest {

	@ParameterizedTest(name = "Accept: {0} -> JSON {1}")
	@CsvSource(delimiter = '|', nullValues = "NONE", value = {
			"NONE                                                               | false",
			"''                                                                 | false",
			"*/*                                                                | false",
			"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8    | false",
			"application/json                                                   | true",
			"application/problem+json                                           | true",
			"application/vnd.api+json                                           | true",
			"application/json, text/plain, */*                                  | true",
			"text/html;q=0.5, application/json                                  | true",
			"application/json;q=0.5, text/html                                  | false",
			"text/html, application/json                                        | false",
			"application/json, text/html                                        | true",
			"application/*                                                      | false",
			"text/csv                                                           | false",
			"not a media type;;                                                 | false" })
	void aClientGetsJsonWhenItAsksForJsonBeforeHtml(String accept, boolean json) {
		assertThat(AnswerFormat.prefersJson(accept)).isEqualTo(json);
	}
}

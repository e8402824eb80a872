package com.numberops.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A number's entity tag, and which If-Match / If-None-Match headers match it. */
class ETagsUnitTest {

	@ParameterizedTest(name = "If-Match {0} at version 17: {1}")
	@CsvSource(delimiter = '|', value = { "\"17.9051\"|true", "\"17.1\"|true", "\"17\"|true", "W/\"17.9051\"|true",
			"*|true", "\"16.9051\"|false", "\"16.1\", \"17.2\"|true", "17|false", "\"abc\"|false", "\"\"|false",
			"\"99999999999999999999\"|false", "\"-17\"|false" })
	void ifMatchComparesTheVersion(String ifMatch, boolean matches) {
		assertThat(ETags.matches(ifMatch, 17)).isEqualTo(matches);
	}

	@ParameterizedTest(name = "If-None-Match {0}: {1}")
	@CsvSource(delimiter = '|', value = { "\"17.9051\"|true", "W/\"17.9051\"|true", "*|true", "\"17.9052\"|false",
			"\"17\"|false", "\"1.1\", \"17.9051\"|true", "''|false" })
	void ifNoneMatchComparesTheWholeTag(String ifNoneMatch, boolean hits) {
		assertThat(ETags.noneMatchHits(ifNoneMatch, ETags.of(17, 9051))).isEqualTo(hits);
	}

	@ParameterizedTest
	@CsvSource({ "17, 9051, '\"17.9051\"'", "1, 0, '\"1.0\"'" })
	void theTagIsTheVersionAndTheNewestEvent(long version, long event, String tag) {
		assertThat(ETags.of(version, event)).isEqualTo(tag);
	}
}

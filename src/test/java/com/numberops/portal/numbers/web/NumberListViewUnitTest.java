package com.numberops.portal.numbers.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberListViewUnitTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "0|0", "7|7", "999|999", "1000|1,000", "12345|12,345", "999999|999,999",
			"1000000|1,000,000", "-1234|-1,234" })
	void countsAreGroupedByThousands(long value, String shown) {
		assertThat(NumberListView.grouped(value)).isEqualTo(shown).isEqualTo(String.format("%,d", value));
	}
}

package com.numberops.portal.numbers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 4180 fields and rows, and cells a spreadsheet would run as formulas. */
class CsvWriterUnitTest {

	@Test
	void rowsEndInCrlfAndQuoteOnlyWhatMustBeQuoted() {
		StringWriter out = new StringWriter();
		CsvWriter csv = new CsvWriter(out);
		csv.row(List.of("plain", "with, comma", "say \"hi\"", "two\nlines", "cr\rhere"));
		csv.row(Arrays.asList(null, "", 42, "end"));
		assertThat(out.toString()).isEqualTo(
				"plain,\"with, comma\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n" + ",,42,end\r\n");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"=HYPERLINK(\"http://evil\",\"x\")|`\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"`",
			"=1+2|'=1+2",
			"+1+cmd|'+1+cmd",
			"-2+3|'-2+3",
			"@SUM(A1)|'@SUM(A1)",
			"-|'-",
			"+12065550100|+12065550100",
			"-4|-4",
			"-4.5|-4.5",
			"Growth line 1|Growth line 1",
			"a=b|a=b" })
	void formulasGetAnApostropheAndPlainNumbersStayNumbers(String value, String written) {
		assertThat(CsvWriter.field(value)).isEqualTo(written);
	}

	@Test
	void tabsAndCarriageReturnsInFrontAreNeutralisedToo() {
		assertThat(CsvWriter.field("\t=1")).isEqualTo("'\t=1");
		assertThat(CsvWriter.field("\r=1")).isEqualTo("\"'\r=1\"");
	}
}

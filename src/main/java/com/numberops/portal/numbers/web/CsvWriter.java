package com.numberops.portal.numbers.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Writes RFC 4180 CSV, one row at a time, straight to a writer: a field is quoted when it holds
 * a comma, a quote or a line break (quotes doubled), rows end in CRLF, null is an empty field.
 * A field a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
 * return) gets a leading apostrophe, so opening the export never executes a carrier- or
 * user-supplied value; a plain number such as an E.164 "+12065550100" is data, left as it is.
 */
final class CsvWriter {

	private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

	private final Writer out;

	CsvWriter(Writer out) {
		this.out = out;
	}

	void row(List<? extends @Nullable Object> cells) {
		try {
			for (int i = 0; i < cells.size(); i++) {
				if (i > 0) {
					out.write(',');
				}
				Object cell = cells.get(i);
				out.write(field(cell == null ? null : cell.toString()));
			}
			out.write("\r\n");
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

	/** One field as written: neutralised, then quoted if it has to be. */
	static String field(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String safe = neutralised(value);
		boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
				|| safe.indexOf('\r') >= 0;
		return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
	}

	/** The value, with an apostrophe in front when a spreadsheet would read it as a formula. */
	static String neutralised(String value) {
		char first = value.charAt(0);
		boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
		if (formula && !PLAIN_NUMBER.matcher(value).matches()) {
			return "'" + value;
		}
		return value;
	}
}

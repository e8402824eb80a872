package com.numberops.portal.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The inventory's page cursor: every cursor the portal makes reads back as itself, and a token
 * edited by hand reads as no cursor at all (the page then says the link is stale) whenever it
 * holds what no row of the mirror could have, so that nothing of it reaches a query to fail there.
 */
class NumberCursorUnitTest {

	@ParameterizedTest(name = "{0} after {1} / {2}")
	@CsvSource(delimiter = '|', value = {
			"NUMBER|+12065550100|7",
			"NAME|Growth line 12|42",
			"NAME|''|1",
			"NAME|Ünïcödé · line|3",
			"MODIFIED|2026-12-05T19:48:25.123456Z|9",
			"HEALTH|-1|5",
			"HEALTH|100|5" })
	void everyCursorThePortalMakesReadsBackAsItself(NumberSort sort, String key, long id) {
		NumberCursor cursor = new NumberCursor(sort, key, id);

		assertThat(NumberCursor.decode(cursor.encode(), sort)).contains(cursor);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"a NUL in a number|number|7|+1206<NUL>",
			"a NUL in a name|name|7|Growth<NUL>line",
			"a time no row has, far ahead|modified|7|+1000000-01-01T00:00:00Z",
			"a time no row has, before the first year|modified|7|-0001-01-01T00:00:00Z",
			"not a time|modified|7|yesterday",
			"a score that is no score|health|7|1000",
			"no row id|number|0|+12065550100",
			"a row id that is no number|number|x|+12065550100" })
	void aTamperedTokenIsNoCursor(String what, String sort, String id, String key) {
		String token = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((sort + "\n" + id + "\n" + key.replace("<NUL>", "\u0000")).getBytes(StandardCharsets.UTF_8));

		assertThat(NumberCursor.decode(token, NumberSort.fromParam(sort).orElseThrow())).as(what).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "not base64|***", "base64 of one line|bm9wZQ", "empty|''" })
	void aTokenThatIsNoCursorAtAllIsRefused(String what, String token) {
		assertThat(NumberCursor.decode(token, NumberSort.NUMBER)).as(what).isEmpty();
	}
}

package com.numberops.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.numbers.NumberCursor;
import com.numberops.portal.numbers.NumberQueries;
import com.numberops.portal.numbers.NumberSort;

/** The list's parameters read into the inventory's request, or refused each under its own name. */
class PhoneNumberListUnitTest {

	@Test
	void nothingAskedIsTheFirstPageOf50ByNumber() {
		NumberQueries.Request request = PhoneNumberList.request(Map.of());
		assertThat(request.pageSize()).isEqualTo(50);
		assertThat(request.sort()).isEqualTo(NumberSort.NUMBER);
		assertThat(request.after()).isNull();
		assertThat(request.valid()).isTrue();
	}

	@Test
	void thePagesFiltersSortAndPagingAreRead() {
		String token = new NumberCursor(NumberSort.NAME, "Desk B", 42).encode();
		NumberQueries.Request request = PhoneNumberList.request(Map.of("state", "Ready for SMS", "warmup", "Warming", "sort",
				"name", "pageSize", "500", "pageToken", token));
		assertThat(request.filter().inventoryState().value()).isEqualTo("Ready for SMS");
		assertThat(request.filter().warmupState()).isEqualTo("Warming");
		assertThat(request.sort()).isEqualTo(NumberSort.NAME);
		assertThat(request.pageSize()).isEqualTo(500);
		assertThat(request.after()).isEqualTo(new NumberCursor(NumberSort.NAME, "Desk B", 42));
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource({ "pageSize, 501", "pageSize, 0", "pageSize, -1", "pageSize, 1e3", "pageToken, %%%", "size, 20",
			"after, abc", "provider, NOKIA", "region, usa", "releaseWithin, 5y", "q, 12" })
	void whatCannotBeReadIsRefusedUnderItsName(String name, String value) {
		BadQuery refused = catchThrowableOfType(BadQuery.class, () -> PhoneNumberList.request(Map.of(name, value)));
		assertThat(refused).isNotNull();
		assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly(name);
	}

	@Test
	void aTokenOfAnotherSortIsRefused() {
		String byNumber = new NumberCursor(NumberSort.NUMBER, "+12075550100", 7).encode();
		BadQuery refused = catchThrowableOfType(BadQuery.class,
				() -> PhoneNumberList.request(Map.of("sort", "name", "pageToken", byNumber)));
		assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly("pageToken");
	}

	@Test
	void everyProblemIsSaidAtOnce() {
		BadQuery refused = catchThrowableOfType(BadQuery.class,
				() -> PhoneNumberList.request(Map.of("colour", "red", "pageSize", "9999", "state", "Nope")));
		assertThat(refused.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("colour", "pageSize", "state");
	}
}

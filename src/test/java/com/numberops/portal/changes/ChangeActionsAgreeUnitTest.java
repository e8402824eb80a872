package com.numberops.portal.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.numberops.portal.numbers.PendingChange;

/**
 * The number page shows a change as the numbers module reads it ({@link PendingChange}); the
 * Changes page and the service that acts on it read it as {@link Change}. For every kind in every
 * state they agree on what people may do, so no page offers a Cancel or Retry the service refuses,
 * or hides one it would take.
 */
class ChangeActionsAgreeUnitTest {

	static Stream<Arguments> everyKindInEveryState() {
		return Stream.of(ChangeKind.values())
			.flatMap(kind -> Stream.of(ChangeState.values()).map(state -> Arguments.of(kind, state)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("everyKindInEveryState")
	void theNumberPageAndTheChangesAgree(ChangeKind kind, ChangeState state) {
		Instant now = Instant.parse("2026-12-06T10:00:00Z");
		Change change = new Change(1, 2, "+15550000000", null, kind, state, null, Map.of(), Map.of(), "s", 0, null,
				null, null, null, "ops", "SINCH", now, now, null, 0);
		PendingChange shown = new PendingChange(1, kind.name(), List.of(), state.name(), 0, null, null, null, "ops", now,
				now, "s", null);

		assertThat(shown.cancellable()).as("cancellable").isEqualTo(change.cancellable());
		assertThat(shown.retryable()).as("retryable").isEqualTo(change.retryable());
		assertThat(shown.open()).as("open").isEqualTo(change.open());
	}
}

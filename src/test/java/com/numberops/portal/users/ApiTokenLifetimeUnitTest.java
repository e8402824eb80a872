package com.numberops.portal.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** When a new token expires, chosen on the page: a number of days, or the end of a day (UTC) within a year. */
class ApiTokenLifetimeUnitTest {

	static final Instant NOW = Instant.parse("2026-12-06T10:15:00Z");

	static Stream<Arguments> choices() {
		return Stream.of(
				Arguments.of(ApiTokenLifetime.DAYS_7, null, "2026-12-13T10:15:00Z", null),
				Arguments.of(ApiTokenLifetime.DAYS_30, null, "2027-01-05T10:15:00Z", null),
				Arguments.of(ApiTokenLifetime.DAYS_90, LocalDate.parse("2030-01-01"), "2027-03-06T10:15:00Z", null),
				Arguments.of(ApiTokenLifetime.UNTIL_DATE, LocalDate.parse("2026-12-07"), "2026-12-08T00:00:00Z", null),
				Arguments.of(ApiTokenLifetime.UNTIL_DATE, LocalDate.parse("2027-12-07"), "2027-12-08T00:00:00Z", null),
				Arguments.of(ApiTokenLifetime.UNTIL_DATE, LocalDate.parse("2027-12-08"), null, "at most 366 days"),
				Arguments.of(ApiTokenLifetime.UNTIL_DATE, LocalDate.parse("2026-12-06"), null, "after today"),
				Arguments.of(ApiTokenLifetime.UNTIL_DATE, LocalDate.parse("2026-01-01"), null, "after today"),
				Arguments.of(ApiTokenLifetime.UNTIL_DATE, null, null, "Choose the day"));
	}

	@ParameterizedTest(name = "{0} {1}: {2} {3}")
	@MethodSource("choices")
	void expiresAsChosen(ApiTokenLifetime lifetime, LocalDate date, String expiresAt, String refusal) {
		ApiTokenLifetime.Expiry expiry = lifetime.expiry(date, NOW);

		if (expiresAt != null) {
			assertThat(expiry.expiresAt()).isEqualTo(Instant.parse(expiresAt));
			assertThat(expiry.refusal()).isNull();
		}
		else {
			assertThat(expiry.expiresAt()).isNull();
			assertThat(expiry.refusal()).contains(refusal);
		}
	}

	@ParameterizedTest(name = "{0} for {1}")
	@MethodSource("states")
	void aTokenIsActiveUntilItExpiresOrIsRevoked(Instant expiresAt, Instant revokedAt, ApiTokenState state) {
		assertThat(ApiTokenState.of(expiresAt, revokedAt, NOW)).isEqualTo(state);
	}

	static Stream<Arguments> states() {
		return Stream.of(Arguments.of(NOW.plusSeconds(1), null, ApiTokenState.ACTIVE),
				Arguments.of(NOW, null, ApiTokenState.EXPIRED),
				Arguments.of(NOW.minusSeconds(1), null, ApiTokenState.EXPIRED),
				Arguments.of(NOW.plusSeconds(60), NOW.minusSeconds(1), ApiTokenState.REVOKED),
				Arguments.of(NOW.minusSeconds(60), NOW.minusSeconds(120), ApiTokenState.REVOKED));
	}
}

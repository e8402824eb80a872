package com.numberops.portal.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A sync page travels to PostgreSQL as one text array per column and is cast back there: each
 * value's text must read back as the same value.
 */
class CarrierMirrorTextUnitTest {

	@Test
	void aTimestampIsWrittenAsItsInstantWhateverTheJvmsZone() {
		Instant at = Instant.parse("2026-12-06T03:04:05.123456Z");
		assertThat(CarrierMirror.text(Timestamp.from(at))).isEqualTo("2026-12-06T03:04:05.123456Z");
	}

	@Test
	void anArrayIsAnArrayLiteralWithEveryElementQuoted() {
		assertThat(CarrierMirror.text(new String[] { "21000", "a \"quoted\" code", "back\\slash", "{,}" }))
			.isEqualTo("{\"21000\",\"a \\\"quoted\\\" code\",\"back\\\\slash\",\"{,}\"}");
		assertThat(CarrierMirror.text(List.of())).isEqualTo("{}");
		assertThat(CarrierMirror.text(Arrays.asList("x", null))).isEqualTo("{\"x\",NULL}");
	}

	@Test
	void nullsStayNullAndTheRestIsTheirOwnText() {
		assertThat(CarrierMirror.text(null)).isNull();
		assertThat(CarrierMirror.text(true)).isEqualTo("true");
		assertThat(CarrierMirror.text(42L)).isEqualTo("42");
		assertThat(CarrierMirror.text(new java.math.BigDecimal("1.50"))).isEqualTo("1.50");
	}
}

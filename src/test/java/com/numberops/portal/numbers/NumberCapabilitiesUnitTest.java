package com.numberops.portal.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NumberCapabilitiesUnitTest {

	static Stream<Arguments> numbers() {
		return Stream.of(
				Arguments.of("LOCAL", true, false, true),
				Arguments.of("LOCAL", false, true, true),
				Arguments.of("MOBILE", true, true, true),
				Arguments.of(null, true, false, true),
				Arguments.of("LOCAL", false, false, false),
				Arguments.of("TOLL_FREE", true, true, false),
				Arguments.of("TOLL_FREE", false, false, false));
	}

	@ParameterizedTest(name = "{0}, sms {1}, voice {2} → warmup {3}")
	@MethodSource("numbers")
	void warmupIsForLocalAndMobileNumbersThatSendOrCall(String type, boolean sms, boolean voice, boolean capable) {
		assertThat(NumberCapabilities.warmupCapable(type, sms, voice)).isEqualTo(capable);
	}
}

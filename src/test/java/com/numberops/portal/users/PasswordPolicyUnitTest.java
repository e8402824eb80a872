package com.numberops.portal.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PasswordPolicyUnitTest {

	static Stream<Arguments> passwords() {
		return Stream.of(
				// password,            problem (null: acceptable)
				Arguments.of("", "Enter a password."),
				Arguments.of("          ", "Enter a password."),
				Arguments.of("nine-char", "Use at least 10 characters."),
				Arguments.of("ten-chars!", null),
				Arguments.of("correct horse battery staple", null),
				Arguments.of("a".repeat(72), null),
				Arguments.of("a".repeat(73), "Use at most 72 bytes (72 plain letters)."),
				// é is two bytes in UTF-8: 36 of them fill BCrypt's 72 bytes exactly
				Arguments.of("é".repeat(36), null),
				Arguments.of("é".repeat(37), "Use at most 72 bytes (72 plain letters)."),
				// ten code points, even where Java counts some as two chars
				Arguments.of("😀".repeat(9), "Use at least 10 characters."),
				Arguments.of("😀".repeat(10), null));
	}

	@ParameterizedTest(name = "[{index}] {1}")
	@MethodSource("passwords")
	void passwordsNeedTenCharactersAndMustFitBcrypt(String password, String problem) {
		assertThat(PasswordPolicy.problemWith(password).orElse(null)).isEqualTo(problem);
	}
}

package com.numberops.portal.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProvidersProperties;

class CarrierRetryUnitTest {

	static ProvidersProperties.Http http(int attempts, Duration maxRetryAfter) {
		return new ProvidersProperties.Http(Duration.ofSeconds(1), Duration.ofSeconds(1), attempts, Duration.ofMillis(1),
				Duration.ofMillis(20), maxRetryAfter);
	}

	static ProviderError error(int status, Duration retryAfter) {
		return new ProviderError(ProviderKind.SINCH, status, "CODE", "failed", retryAfter, null);
	}

	@Test
	void retryableFailuresAreTriedAgainUntilOneSucceeds() {
		CarrierRetry retry = new CarrierRetry("t", http(4, Duration.ofSeconds(30)));
		AtomicInteger calls = new AtomicInteger();
		String answer = retry.call(() -> {
			if (calls.incrementAndGet() < 3) {
				throw error(503, null);
			}
			return "ok";
		});
		assertThat(answer).isEqualTo("ok");
		assertThat(calls).hasValue(3);
		assertThat(retry.callsRetried()).isEqualTo(1);
	}

	@ParameterizedTest(name = "HTTP {0} retried: {1}")
	@CsvSource({ "0, true", "429, true", "500, true", "503, true", "400, false", "401, false", "404, false", "409, false" })
	void onlyFailuresThatCanPassAreRetried(int status, boolean retried) {
		CarrierRetry retry = new CarrierRetry("t", http(3, Duration.ofSeconds(30)));
		AtomicInteger calls = new AtomicInteger();
		assertThatThrownBy(() -> retry.call(() -> {
			calls.incrementAndGet();
			throw error(status, null);
		})).isInstanceOf(ProviderError.class);
		assertThat(calls).hasValue(retried ? 3 : 1);
	}

	@Test
	void anUnreadableAnswerIsWorthAnotherTry() {
		assertThat(ProviderError.malformed(ProviderKind.FLOWROUTE, 200, "list", new RuntimeException("eof")).retryable())
			.isTrue();
	}

	@Test
	void aRetryAfterIsWaitedOutBeforeTheNextAttempt() {
		CarrierRetry retry = new CarrierRetry("t", http(2, Duration.ofSeconds(30)));
		List<Long> attempts = new ArrayList<>();
		String answer = retry.call(() -> {
			attempts.add(System.nanoTime());
			if (attempts.size() == 1) {
				throw error(429, Duration.ofMillis(300));
			}
			return "ok";
		});
		assertThat(answer).isEqualTo("ok");
		assertThat(Duration.ofNanos(attempts.get(1) - attempts.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void aRetryAfterLongerThanTheCapGoesStraightToTheCaller() {
		CarrierRetry retry = new CarrierRetry("t", http(4, Duration.ofSeconds(5)));
		AtomicInteger calls = new AtomicInteger();
		assertThatThrownBy(() -> retry.call(() -> {
			calls.incrementAndGet();
			throw error(429, Duration.ofMinutes(10));
		})).isInstanceOfSatisfying(ProviderError.class,
				failure -> assertThat(failure.retryAfter()).isEqualTo(Duration.ofMinutes(10)));
		assertThat(calls).hasValue(1);
	}

	@ParameterizedTest(name = "Retry-After \"{0}\"")
	@CsvSource(nullValues = "null", value = { "0, 0", "7, 7", "' 12 ', 12", "-3, 0", "soon, null", "null, null" })
	void retryAfterSecondsAreRead(String header, Long seconds) {
		assertThat(CarrierErrors.retryAfter(header)).isEqualTo(seconds == null ? null : Duration.ofSeconds(seconds));
	}

	@Test
	void retryAfterDatesAreRead() {
		Duration wait = CarrierErrors.retryAfter("Wed, 21 Oct 2099 07:28:00 GMT");
		assertThat(wait).isPositive();
		assertThat(CarrierErrors.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
	}
}

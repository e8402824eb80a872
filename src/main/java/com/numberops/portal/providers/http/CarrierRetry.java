package com.numberops.portal.providers.http;

import java.time.Duration;
import java.util.function.Supplier;

import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProvidersProperties;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * Retries idempotent carrier calls (resilience4j): retryable {@link ProviderError}s only,
 * exponential backoff from {@code initialBackoff} up to {@code maxBackoff}, and never sooner than
 * a 429's Retry-After. A Retry-After beyond {@code maxRetryAfter} is handed to the caller at once.
 */
public final class CarrierRetry {

	private final Retry retry;

	public CarrierRetry(String name, ProvidersProperties.Http http) {
		Duration initial = http.initialBackoff();
		Duration max = http.maxBackoff();
		Duration maxRetryAfter = http.maxRetryAfter();
		RetryConfig config = RetryConfig.custom()
			.maxAttempts(Math.max(1, http.maxAttempts()))
			.retryOnException(failure -> failure instanceof ProviderError error && error.retryable()
					&& (error.retryAfter() == null || error.retryAfter().compareTo(maxRetryAfter) <= 0))
			.intervalBiFunction((attempt, outcome) -> {
				long backoff = Math.min(max.toMillis(), initial.toMillis() << Math.min(20, attempt - 1));
				if (outcome.isLeft() && outcome.getLeft() instanceof ProviderError error && error.retryAfter() != null) {
					return Math.max(backoff, error.retryAfter().toMillis());
				}
				return backoff;
			})
			.build();
		this.retry = Retry.of(name, config);
	}

	public <T> T call(Supplier<T> call) {
		return Retry.decorateSupplier(retry, call).get();
	}

	/** How many calls needed a retry so far (for tests and metrics). */
	public long callsRetried() {
		Retry.Metrics metrics = retry.getMetrics();
		return metrics.getNumberOfSuccessfulCallsWithRetryAttempt() + metrics.getNumberOfFailedCallsWithRetryAttempt();
	}
}

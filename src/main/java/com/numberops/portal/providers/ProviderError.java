package com.numberops.portal.providers;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Every carrier failure, whatever its wire format: which provider, the HTTP status (0 when no
 * answer came: timeout, connection refused), the provider's own code (INVALID_ARGUMENT, NOT_FOUND,
 * Unauthorized…) and message, kept as the provider said them for display.
 */
public class ProviderError extends RuntimeException {

	private static final String MALFORMED_RESPONSE = "MALFORMED_RESPONSE";

	private final ProviderKind provider;

	private final int httpStatus;

	private final String providerCode;

	private final @Nullable Duration retryAfter;

	private final boolean retryable;

	public ProviderError(ProviderKind provider, int httpStatus, String providerCode, String message,
			@Nullable Duration retryAfter, @Nullable Throwable cause) {
		this(provider, httpStatus, providerCode, message, retryAfter, cause,
				httpStatus == 0 || httpStatus == 429 || httpStatus >= 500);
	}

	private ProviderError(ProviderKind provider, int httpStatus, String providerCode, String message,
			@Nullable Duration retryAfter, @Nullable Throwable cause, boolean retryable) {
		super(message, cause);
		this.provider = provider;
		this.httpStatus = httpStatus;
		this.providerCode = providerCode;
		this.retryAfter = retryAfter;
		this.retryable = retryable;
	}

	public ProviderError(ProviderKind provider, int httpStatus, String providerCode, String message) {
		this(provider, httpStatus, providerCode, message, null, null);
	}

	/** No answer at all: timeout, connection refused or reset. */
	public static ProviderError noAnswer(ProviderKind provider, String what, Throwable cause) {
		return new ProviderError(provider, 0, "NO_ANSWER", what + ": " + cause.getMessage(), null, cause);
	}

	/** An answer that could not be read (truncated or not the documented shape): worth another try. */
	public static ProviderError malformed(ProviderKind provider, int httpStatus, String what, Throwable cause) {
		return new ProviderError(provider, httpStatus, MALFORMED_RESPONSE,
				what + ": the answer could not be read (" + cause.getMessage() + ")", null, cause, true);
	}

	/**
	 * The failed part of a change the carrier otherwise applied (Flowroute 207 Multi-Status:
	 * messaging was not enabled). Retryable: sending that part again may well succeed.
	 */
	public static ProviderError partial(ProviderKind provider, int httpStatus, String providerCode, String message) {
		return new ProviderError(provider, httpStatus, providerCode, message, null, null, true);
	}

	/** Timeouts, refused connections, unreadable answers, 429 and 5xx may succeed when tried again; 4xx will not. */
	public boolean retryable() {
		return retryable;
	}

	/**
	 * Whether a write that failed this way may still have been carried out, so that it must not be
	 * sent again before the carrier has been asked: no answer at all (timeout, connection reset),
	 * an answer that could not be read, a 500 (Sinch's INTERNAL or UNKNOWN, Flowroute's Internal
	 * Server Error: the carrier failed somewhere while handling it) and a gateway's 502 or 504
	 * (the carrier's own answer never came through). Neither carrier says more than plain HTTP
	 * does, so the rule is HTTP's, alike for both: a 429 and a 503 (not handled: throttled,
	 * unavailable) and any other 4xx (refused) are known not to have been applied.
	 */
	public boolean outcomeUnknown() {
		return httpStatus == 0 || MALFORMED_RESPONSE.equals(providerCode) || (httpStatus >= 500 && httpStatus != 503);
	}

	public ProviderKind provider() {
		return provider;
	}

	public int httpStatus() {
		return httpStatus;
	}

	public String providerCode() {
		return providerCode;
	}

	public @Nullable Duration retryAfter() {
		return retryAfter;
	}

	/** One line for the screen: "Sinch active numbers 400 INVALID_ARGUMENT: …". */
	public String describe() {
		return provider.label() + (httpStatus == 0 ? "" : " " + httpStatus) + " " + providerCode + ": " + getMessage();
	}
}

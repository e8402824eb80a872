package com.numberops.portal.sandbox;

/**
 * What goes wrong on one sandbox endpoint. Rates are probabilities from 0 (never) to 1 (every
 * request); rules are checked in the order hang, 429, 5xx, malformed, lost answer.
 *
 * @param latencyMillis added to every request
 * @param serverErrorRate share of requests answered 500 in the API's error format
 * @param rateLimitRate share answered 429 with {@code Retry-After: retryAfterSeconds}
 * @param hangRate share held until the client gives up (or the sandbox's hang time passes)
 * @param malformedRate share answered 200 with a truncated, unparseable body
 * @param provisioningFailureRate share of scheduled provisioning jobs that end FAILED
 * @param lostAnswerRate share carried out, whose answer is then held like a hanging request's: the
 *     carrier has the change, the client never learns it (a timeout, or the 504 of a gateway)
 */
public record Fault(int latencyMillis, double serverErrorRate, double rateLimitRate, int retryAfterSeconds,
		double hangRate, double malformedRate, double provisioningFailureRate, double lostAnswerRate) {

	public static final Fault NONE = new Fault(0, 0, 0, 1, 0, 0, 0, 0);

	public Fault {
		if (latencyMillis < 0 || latencyMillis > 60_000) {
			throw new IllegalArgumentException("latency must be between 0 and 60000 ms");
		}
		if (retryAfterSeconds < 0 || retryAfterSeconds > 3600) {
			throw new IllegalArgumentException("Retry-After must be between 0 and 3600 seconds");
		}
		for (double rate : new double[] { serverErrorRate, rateLimitRate, hangRate, malformedRate, provisioningFailureRate,
				lostAnswerRate }) {
			if (rate < 0 || rate > 1 || Double.isNaN(rate)) {
				throw new IllegalArgumentException("rates must be between 0 and 1");
			}
		}
	}

	/** A fault that loses no answers. */
	public Fault(int latencyMillis, double serverErrorRate, double rateLimitRate, int retryAfterSeconds,
			double hangRate, double malformedRate, double provisioningFailureRate) {
		this(latencyMillis, serverErrorRate, rateLimitRate, retryAfterSeconds, hangRate, malformedRate,
				provisioningFailureRate, 0);
	}

	public static Fault serverErrors(double rate) {
		return new Fault(0, rate, 0, 1, 0, 0, 0);
	}

	public static Fault rateLimited(double rate, int retryAfterSeconds) {
		return new Fault(0, 0, rate, retryAfterSeconds, 0, 0, 0);
	}

	public static Fault latency(int millis) {
		return new Fault(millis, 0, 0, 1, 0, 0, 0);
	}

	public static Fault hanging() {
		return new Fault(0, 0, 0, 1, 1, 0, 0);
	}

	public static Fault malformed() {
		return new Fault(0, 0, 0, 1, 0, 1, 0);
	}

	public static Fault provisioningFailures(double rate) {
		return new Fault(0, 0, 0, 1, 0, 0, rate);
	}

	public static Fault lostAnswers(double rate) {
		return new Fault(0, 0, 0, 1, 0, 0, 0, rate);
	}

	public boolean none() {
		return equals(NONE);
	}
}

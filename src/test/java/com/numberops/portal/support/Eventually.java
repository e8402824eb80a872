package com.numberops.portal.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits on a condition with a deadline, never blindly: asks again every few milliseconds and
 * answers as soon as it holds; fails with what it last saw when the deadline passes first.
 */
public final class Eventually {

	private static final Duration PAUSE = Duration.ofMillis(40);

	private Eventually() {
	}

	public static <T> T until(Duration timeout, String what, Supplier<T> read, Predicate<? super T> holds) {
		Instant deadline = Instant.now().plus(timeout);
		while (true) {
			T seen = read.get();
			if (holds.test(seen)) {
				return seen;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Gave up after " + timeout + " waiting until " + what + "; last seen: " + seen);
			}
			try {
				Thread.sleep(PAUSE.toMillis());
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted while waiting until " + what, interrupted);
			}
		}
	}
}

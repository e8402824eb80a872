package com.numberops.portal.warmup;

import java.time.LocalDate;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * Where one warmup of one number takes its health from, at one UTC day: the same answer for the
 * job (which rate it feeds the rules) and for the number's page (what it says). Sandbox numbers
 * read the sandbox's made-up signals; live numbers their freshest delivery report, if it is at
 * most {@code freshDays} old; otherwise there is no signal and the ramp goes on schedule.
 *
 * @param kind which of the four
 * @param latest the newest report of the channel not after today (any age), if any
 */
public record HealthSource(Kind kind, @Nullable DailyCounts latest) {

	public enum Kind {
		/** A sandbox number: {@link SandboxDeliverySignals}. */
		SANDBOX,
		/** A fresh report: its rate is the signal (none when it counts no traffic). */
		REPORTED,
		/** Reports exist, but the newest is too old to speak for today: on schedule. */
		STALE,
		/** Never reported: on schedule. */
		NONE
	}

	/**
	 * @param latest the newest report not after {@code today}
	 * @param freshDays a report of day D speaks for the days D to D + freshDays (a daily batch
	 *     reports yesterday, a late one the day before)
	 */
	public static HealthSource of(boolean sandbox, @Nullable DailyCounts latest, LocalDate today, int freshDays) {
		if (sandbox) {
			return new HealthSource(Kind.SANDBOX, null);
		}
		if (latest == null) {
			return new HealthSource(Kind.NONE, null);
		}
		if (latest.day().isAfter(today) || latest.day().isBefore(today.minusDays(freshDays))) {
			return new HealthSource(Kind.STALE, latest);
		}
		return new HealthSource(Kind.REPORTED, latest);
	}

	/** The live signal: a fresh report's rate, else none (the sandbox's comes from its own signals). */
	public OptionalInt reportedRate() {
		return kind == Kind.REPORTED && latest != null ? latest.rate() : OptionalInt.empty();
	}
}

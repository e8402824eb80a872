package com.numberops.portal.sync;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One sync run of one provider account, as recorded in sync_runs. */
public record SyncRun(long id, long accountId, SyncTrigger trigger, String status, @Nullable String startedBy,
		Instant startedAt, @Nullable Instant finishedAt, int scopesTotal, int scopesDone, int pages,
		@Nullable Integer expected, int fetched, int created, int updated, int unchanged, int vanished, int errors,
		@Nullable String errorMessage) {

	public static final String RUNNING = "RUNNING";

	public static final String SUCCEEDED = "SUCCEEDED";

	public static final String FAILED = "FAILED";

	/** Its portal instance died under it (kill, crash): it neither succeeded nor failed. */
	public static final String INTERRUPTED = "INTERRUPTED";

	public boolean running() {
		return RUNNING.equals(status);
	}

	public boolean failed() {
		return FAILED.equals(status);
	}

	public boolean interrupted() {
		return INTERRUPTED.equals(status);
	}

	public @Nullable Duration duration() {
		return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
	}

	/**
	 * How far the run is, 0–100. With several listings (Sinch: region × type), by listings walked:
	 * a listing's total is known only once its first page came. With one listing, by numbers
	 * fetched against what the carrier said it holds, when it says (Flowroute does not: 0 until done).
	 */
	public int progressPercent() {
		if (!running()) {
			return 100;
		}
		if (scopesTotal > 1) {
			return Math.min(99, 100 * scopesDone / scopesTotal);
		}
		if (expected != null && expected > 0) {
			return Math.min(99, (int) (100L * fetched / expected));
		}
		return 0;
	}
}

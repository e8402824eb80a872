package com.numberops.portal.sync.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.sync.SyncRun;
import com.numberops.portal.system.PageTimes;
import com.numberops.portal.system.Times;
import com.numberops.portal.sync.SyncTrigger;

/** One sync run as a row of the Sync page shows it (times in the person's zone, like the rest of the portal). */
record RunRow(SyncRun run) {

	/** In the zone of the person the page is for (UTC outside a request). */
	private static Times times() {
		return Times.in(PageTimes.zone(), Instant.now());
	}

	public String started() {
		return times().precise(run.startedAt());
	}

	/** The time only when the run ended on the day it started. */
	public String finished() {
		Instant finished = run.finishedAt();
		if (finished == null) {
			return "—";
		}
		ZoneId zone = PageTimes.zone();
		boolean sameDay = finished.atZone(zone).toLocalDate().equals(run.startedAt().atZone(zone).toLocalDate());
		return sameDay ? times().clock(finished) : times().precise(finished);
	}

	public String duration() {
		Duration duration = run.duration();
		return duration == null ? "—" : Durations.readable(duration);
	}

	public String trigger() {
		return run.trigger() == SyncTrigger.MANUAL ? "Sync now" : "Scheduled";
	}

	public String status() {
		return switch (run.status()) {
			case SyncRun.RUNNING -> "Running";
			case SyncRun.SUCCEEDED -> "Succeeded";
			case SyncRun.FAILED -> "Failed";
			case SyncRun.INTERRUPTED -> "Interrupted";
			default -> run.status();
		};
	}

	public String statusCss() {
		return switch (run.status()) {
			case SyncRun.RUNNING -> "text-bg-primary";
			case SyncRun.SUCCEEDED -> "text-bg-success";
			case SyncRun.FAILED -> "text-bg-danger";
			case SyncRun.INTERRUPTED -> "text-bg-warning";
			default -> "text-bg-secondary";
		};
	}

	/** Why a failed run failed, as recorded; never empty for a failed run. */
	public String failure() {
		String message = run.errorMessage();
		return message == null || message.isBlank() ? "No reason was recorded." : message;
	}

	/**
	 * The line under the row, when there is something to say: why a run failed or was
	 * interrupted, or what a complete run could not do (numbers it could not check at the carrier).
	 * Null for a running run and a run that went without a word.
	 */
	public @Nullable String problemLabel() {
		if (run.failed()) {
			return "Failed:";
		}
		if (run.interrupted()) {
			return "Interrupted:";
		}
		String message = run.errorMessage();
		return run.running() || message == null || message.isBlank() ? null : "Note:";
	}

	/**
	 * "120 of 300 numbers fetched" for a single listing; "120 numbers fetched · listing 3 of 9"
	 * when there are several, because a listing's total is only known once its first page came
	 * back, so the expected count of a run still walking its listings is not the run's total.
	 */
	public String progress() {
		Integer expected = run.expected();
		boolean singleListing = run.scopesTotal() <= 1;
		String numbers = singleListing && expected != null && expected > 0
				? run.fetched() + " of " + expected + " numbers fetched"
				: run.fetched() + (run.fetched() == 1 ? " number" : " numbers") + " fetched";
		return singleListing ? numbers
				: numbers + " · listing " + Math.min(run.scopesDone() + 1, run.scopesTotal()) + " of " + run.scopesTotal();
	}
}

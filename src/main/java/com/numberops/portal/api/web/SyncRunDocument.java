package com.numberops.portal.api.web;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.sync.SyncRun;

/**
 * One sync run of a carrier account: why it started, how far it is, what it found.
 *
 * @param trigger SCHEDULED or MANUAL ("sync now")
 * @param status RUNNING, SUCCEEDED, FAILED, INTERRUPTED
 */
record SyncRunDocument(String id, String accountId, String trigger, String status, @Nullable String startedBy,
		Instant startedAt, @Nullable Instant finishedAt, int progressPercent, int pages, @Nullable Integer expected,
		int fetched, int created, int updated, int unchanged, int vanished, int errors, @Nullable String errorMessage,
		Map<String, Link> links) {

	static SyncRunDocument of(SyncRun run) {
		return new SyncRunDocument(String.valueOf(run.id()), String.valueOf(run.accountId()), run.trigger().name(),
				run.status(), run.startedBy(), run.startedAt(), run.finishedAt(), run.progressPercent(), run.pages(),
				run.expected(), run.fetched(), run.created(), run.updated(), run.unchanged(), run.vanished(), run.errors(),
				run.errorMessage(), Map.of("self", new Link(ApiLinks.syncRun(run.id())), "account",
						new Link(ApiLinks.syncRuns(run.accountId()))));
	}
}

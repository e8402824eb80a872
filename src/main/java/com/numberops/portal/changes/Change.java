package com.numberops.portal.changes;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** One row of the outbox (pending_changes), as the dispatcher and the pages read it. */
public record Change(long id, long numberId, String number, @Nullable Long batchId, ChangeKind kind,
		ChangeState state, @Nullable String step, Map<String, String> payload, Map<String, String> previous,
		String summary, int attempts, @Nullable Instant nextAttemptAt, @Nullable String providerCode,
		@Nullable String providerMessage, @Nullable Long requestedById, @Nullable String requestedBy,
		@Nullable String provider, Instant createdAt, Instant updatedAt, @Nullable Instant settledAt, long version) {

	public String kindName() {
		return kind.name();
	}

	public String payload(String key) {
		String value = payload.get(key);
		return value == null ? "" : value;
	}

	/** Still owns its fields, or still has work at the carrier. */
	public boolean open() {
		return state.open();
	}

	public boolean retryable() {
		return state.retryable();
	}

	/**
	 * Not sent yet (a release: during its whole hold, where it is PENDING until the hold ends), or
	 * failed. A release never waits at the carrier: one call gives the number back.
	 */
	public boolean cancellable() {
		return state.cancellable();
	}

	/** A failed SMS reassignment can be undone by linking what was there before. */
	public boolean restorable() {
		return kind == ChangeKind.SMS_CONFIGURATION && state == ChangeState.FAILED && !previous.isEmpty();
	}
}

package com.numberops.portal.numbers;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A change of the number on its way to (or back from) the carrier: the outbox row as the page shows it. */
public record PendingChange(long id, String kind, List<String> fields, String state, int attempts,
		@Nullable Instant nextAttemptAt, @Nullable String providerCode, @Nullable String providerMessage,
		@Nullable String requestedBy, Instant createdAt, Instant updatedAt, @Nullable String summary,
		@Nullable String step) {

	/** Failed, or applied in part: people may send it again. */
	public boolean retryable() {
		return "FAILED".equals(state) || "PARTIAL".equals(state);
	}

	/** Not sent yet, failed, or a release still on hold: people may call it off. */
	public boolean cancellable() {
		return "PENDING".equals(state) || "FAILED".equals(state) || "PARTIAL".equals(state);
	}

	/** A failed SMS reassignment: the previous configuration can be linked again. */
	public boolean restorable() {
		return "SMS_CONFIGURATION".equals(kind) && "FAILED".equals(state);
	}

	public String kindName() {
		return kind;
	}

	/** Failed, or applied only in part: the number needs someone to act (retry, restore, cancel). */
	public boolean needsAttention() {
		return "FAILED".equals(state) || "PARTIAL".equals(state);
	}

	/**
	 * The changes that leave this number needing attention: those of its changes that failed or
	 * half failed and are the latest of their kind (a later change of the same kind settles it).
	 */
	public static List<PendingChange> needingAttention(List<PendingChange> changes) {
		java.util.Map<String, PendingChange> latest = new java.util.LinkedHashMap<>();
		changes.stream()
			.sorted(java.util.Comparator.comparing(PendingChange::createdAt).reversed())
			.forEach(change -> latest.putIfAbsent(change.kind(), change));
		return latest.values().stream().filter(PendingChange::needsAttention).toList();
	}

	/** Still owns its fields: not yet succeeded, failed for good or cancelled. */
	public boolean open() {
		return switch (state) {
			case "PENDING", "IN_PROGRESS", "WAITING_FOR_PROVIDER", "PARTIAL" -> true;
			default -> false;
		};
	}
}

package com.numberops.portal.overrides;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One request for an admin enablement override of a number, and what became of it.
 *
 * @param requestedEnabled true: force enabled; false: force disabled
 * @param decidedAt when it was approved, rejected or superseded
 * @param supersededBy the newer request that replaced this one
 * @param clearedAt when an admin cleared the override this request had set
 */
public record OverrideRequest(long id, long numberId, boolean requestedEnabled, String reason, OverrideState state,
		@Nullable Long requestedById, String requestedBy, Instant requestedAt, @Nullable Long decidedById,
		@Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String decisionComment,
		@Nullable Long supersededBy, @Nullable String clearedBy, @Nullable Instant clearedAt, long version) {

	/** "Force enabled" / "Force disabled". */
	public String requestedLabel() {
		return requestedEnabled ? "Force enabled" : "Force disabled";
	}

	public boolean pending() {
		return state == OverrideState.PENDING;
	}

	/** What became of it, in a sentence for the number's page. */
	public String outcome() {
		String comment = decisionComment == null ? "" : ": “" + decisionComment + "”";
		switch (state) {
			case PENDING:
				return "Waiting for an admin's decision.";
			case APPROVED:
				return "Approved by " + decidedBy + comment;
			case REJECTED:
				return "Rejected by " + decidedBy + comment;
			case SUPERSEDED:
				return "Superseded by a newer request" + (supersededBy == null ? "" : " (#" + supersededBy + ")") + ".";
			case CLEARED:
				return "Approved by " + decidedBy + comment + "; cleared by " + clearedBy + " since.";
			default:
				return state.label();
		}
	}

	OverrideRules.Request facts() {
		return new OverrideRules.Request(state, requestedById, version, decidedBy);
	}
}

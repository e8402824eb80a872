package com.numberops.portal.overrides;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A request as the Approvals page lists it: with its number and the number's state now. */
public record ApprovalItem(OverrideRequest request, String number, @Nullable String numberName, boolean enabled,
		@Nullable Boolean overrideEnabled, String inventoryState, String status) {

	/** The override when set, else the number's own flag. */
	public boolean effectivelyEnabled() {
		return overrideEnabled != null ? overrideEnabled : enabled;
	}

	public boolean overridden() {
		return overrideEnabled != null;
	}

	/** How long ago it was asked for: "just now", "12 min", "3 h", "2 d". */
	public String age(Instant now) {
		long minutes = Math.max(0, Duration.between(request.requestedAt(), now).toMinutes());
		if (minutes < 1) {
			return "just now";
		}
		if (minutes < 60) {
			return minutes + " min";
		}
		if (minutes < 48 * 60) {
			return minutes / 60 + " h";
		}
		return minutes / (24 * 60) + " d";
	}
}

package com.numberops.portal.overrides;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.system.Times;

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

	/** How long it has waited, in the portal's one wording ({@link Times#span}): "12 minutes", "3 hours". */
	public String age(Instant now) {
		return Times.span(Duration.between(request.requestedAt(), now));
	}
}

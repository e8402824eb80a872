package com.numberops.portal.overrides.web;

import java.io.Serializable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The override request form of a number's page. Bean Validation checks the choice; the reason's
 * rules (length, required) are OverrideRules', which the service applies. A field not sent reads
 * as blank.
 * Serializable: a refused form is flashed to the next page through the shared session store.
 */
record OverrideForm(
		@NotBlank(message = "{override.enabled.choose}") @Pattern(regexp = "(true|false)?",
				message = "{override.enabled.choose}") String enabled,
		String reason) implements Serializable {

	OverrideForm(@Nullable String enabled, @Nullable String reason) {
		this.enabled = enabled == null ? "" : enabled;
		this.reason = reason == null ? "" : reason;
	}

	static OverrideForm blank() {
		return new OverrideForm(null, null);
	}

	/** Force enabled (true) or force disabled (false); only once the form is valid. */
	boolean forceEnabled() {
		return Boolean.parseBoolean(enabled);
	}
}

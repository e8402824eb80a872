package com.numberops.portal.users.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.users.ApiTokenLifetime;

/**
 * The "new API token" form: a name, and how long it lives (7, 30 or 90 days, or until a chosen
 * day). Bound as text, so that anything sent (an unknown choice, a malformed day) is a message
 * next to its field rather than a form that cannot be built; Bean Validation gives the field
 * messages early, the lifetime's rules are {@link ApiTokenLifetime}'s, and the service checks name
 * and expiry again.
 */
record TokenForm(
		@NotBlank(message = "{tokens.name.required}") @Size(max = 100, message = "{tokens.name.too-long}") String name,
		@Pattern(regexp = "DAYS_7|DAYS_30|DAYS_90|UNTIL_DATE", message = "{tokens.lifetime.required}") String lifetime,
		@Pattern(regexp = "|\\d{4}-\\d{2}-\\d{2}", message = "{tokens.expires-on.malformed}") String expiresOn) {

	TokenForm(@Nullable String name, @Nullable String lifetime, @Nullable String expiresOn) {
		this.name = name == null ? "" : name.strip();
		this.lifetime = lifetime == null ? "" : lifetime;
		this.expiresOn = expiresOn == null ? "" : expiresOn.strip();
	}

	static TokenForm blank() {
		return new TokenForm("", ApiTokenLifetime.DAYS_30.name(), "");
	}

	/** The chosen lifetime; only once the form is valid. */
	ApiTokenLifetime chosenLifetime() {
		return ApiTokenLifetime.valueOf(lifetime);
	}

	/** The chosen day, none when blank; a date that does not exist (2027-02-30) reads as none. */
	@Nullable
	LocalDate day() {
		try {
			return expiresOn.isEmpty() ? null : LocalDate.parse(expiresOn);
		}
		catch (DateTimeParseException noSuchDay) {
			return null;
		}
	}
}

package com.numberops.portal.api;

import java.time.Instant;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Seed 003's request payload of {@code PUT /phone-numbers/{id}}, as sent. What may change:
 * {@code name} (a rename, sent to the carrier), {@code enabled} (the number's own flag) and
 * {@code adminEnablementOverride} (an override request). {@code number}, {@code businessId} and
 * {@code id} say which number it is: sent, they must be the number's own.
 *
 * @param adminEnablementOverride left out: the override stays as it is; {@code null}: clear the
 *     override (admins); an object: ask for that override (unless it is already in force or asked for)
 */
@Schema(name = "PhoneNumberRequest", description = "Request payload for phone number (seed 003).")
public record PhoneNumberRequest(
		@Schema(description = "The display name for the entity.", requiredMode = Schema.RequiredMode.REQUIRED,
				maxLength = 255) @NotNull(message = "A name is required.") String name,
		@Schema(description = "The number value for this phone number: the number's own, or left out.") @Nullable String number,
		@Schema(description = "The business ID associated with this phone number: the number's own, or left out.") @Nullable String businessId,
		@Schema(description = "Whether this phone number is enabled.") @Nullable Boolean enabled,
		@Schema(implementation = WantedOverride.class, description = "Left out: unchanged. null: clear the override (admins). An object: request that override.")
		@Valid @Nullable Optional<WantedOverride> adminEnablementOverride,
		@Schema(description = "The unique identifier for the entity: the id in the address, or left out.") @Nullable String id) {

	/**
	 * The override asked for. {@code updatedByUserId} and {@code updatedAt} are the portal's to set:
	 * accepted (a client may send back what it read) and not used.
	 */
	@Schema(name = "AdminEnablementOverride")
	public record WantedOverride(@NotNull(message = "Say whether the override forces the number enabled (true) or disabled (false).") Boolean enabled,
			@Nullable String reason, @Nullable String updatedByUserId, @Nullable Instant updatedAt) {
	}
}

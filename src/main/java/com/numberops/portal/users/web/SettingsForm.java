package com.numberops.portal.users.web;

import jakarta.validation.constraints.NotBlank;

/** "My settings": the zone the person reads times in. */
record SettingsForm(@NotBlank(message = "{settings.time-zone.required}") String timeZone) {
}

package com.numberops.portal.dashboard;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One thing of a concern: a number (its page), a change (its number's page, at the change), an
 * override request (on the Approvals page) or an account's sync (on the Sync page), with the time
 * the concern orders it by.
 */
public record Item(String label, @Nullable String detail, String link, @Nullable Instant at) {
}

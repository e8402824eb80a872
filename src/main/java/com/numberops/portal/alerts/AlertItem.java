package com.numberops.portal.alerts;

import org.jspecify.annotations.Nullable;

/** One of the first few an alert found: a number (its page), a change, an account, a request. */
public record AlertItem(String label, @Nullable String detail, String link) {
}

package com.numberops.portal.alerts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where alerts go. The webhook's secret is not part of it: it is read only by the delivery, never
 * shown after the channel is made.
 */
public record AlertChannel(long id, ChannelKind kind, String name, @Nullable String target, boolean enabled,
		Instant createdAt, String createdBy) {
}

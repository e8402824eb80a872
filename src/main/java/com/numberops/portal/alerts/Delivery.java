package com.numberops.portal.alerts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One alert's way to one channel, as the history shows it. */
public record Delivery(long id, long alertId, String alertTitle, Instant firedAt, long channelId, String channelName,
		ChannelKind channelKind, State state, int attempts, @Nullable Instant nextAttemptAt, @Nullable String lastError,
		@Nullable Instant deliveredAt) {

	public enum State {
		PENDING, DELIVERED, FAILED
	}
}

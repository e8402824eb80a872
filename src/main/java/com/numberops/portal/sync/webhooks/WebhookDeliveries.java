package com.numberops.portal.sync.webhooks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Replay protection over {@code webhook_events}: a delivery is claimed by inserting its key; a
 * key that is already there was handled before (or is being handled right now by another request
 * or another portal instance) and is ignored. A delivery whose handling failed is released again
 * so that the carrier's retry is handled, not ignored.
 */
@Component
class WebhookDeliveries {

	private final JdbcClient jdbc;

	WebhookDeliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** True for the first delivery of this key; false for a replay. */
	boolean claim(String provider, String eventId) {
		return jdbc.sql("insert into webhook_events (provider, event_id) values (?, ?) on conflict do nothing")
			.params(provider, eventId)
			.update() == 1;
	}

	void release(String provider, String eventId) {
		jdbc.sql("delete from webhook_events where provider = ? and event_id = ?").params(provider, eventId).update();
	}
}

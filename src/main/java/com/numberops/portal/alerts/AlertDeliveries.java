package com.numberops.portal.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends the due deliveries of the outbox: claims a batch (committed before anything is sent, so
 * the network is never inside a transaction and no other run takes the same rows), sends each,
 * records the outcome and its line of the delivery log. A failure is tried again after the
 * backoff, until {@link AlertsProperties#maxAttempts}; each delivery row is unique per alert and
 * channel, so an alert reaches a channel once. Run by the deliver-alerts task, one instance of a
 * cluster at a time. Counts {@code portal.alerts.sent} by channel and outcome.
 */
@Service
public class AlertDeliveries {

	static final String DELIVERED = "delivered", RETRY = "retry", FAILED = "failed";

	private static final Logger log = LoggerFactory.getLogger(AlertDeliveries.class);

	private static final int BATCH = 50;

	private final AlertStore store;

	private final WebhookSender webhooks;

	private final EmailSender emails;

	private final AlertsProperties properties;

	private final TransactionTemplate transaction;

	private final MeterRegistry meters;

	AlertDeliveries(AlertStore store, WebhookSender webhooks, EmailSender emails, AlertsProperties properties,
			TransactionTemplate transaction, MeterRegistry meters) {
		this.store = store;
		this.webhooks = webhooks;
		this.emails = emails;
		this.properties = properties;
		this.transaction = transaction;
		this.meters = meters;
	}

	/** Sends every delivery due at {@code now}; answers how many were tried. */
	public int deliverDue(Instant now) {
		int tried = 0;
		while (true) {
			List<AlertStore.Claimed> claimed = transaction
				.execute(status -> store.claimDue(now, now.plus(properties.claimFor()), BATCH));
			if (claimed == null || claimed.isEmpty()) {
				return tried;
			}
			for (AlertStore.Claimed delivery : claimed) {
				send(delivery, now);
				tried++;
			}
			if (claimed.size() < BATCH) {
				return tried;
			}
		}
	}

	private void send(AlertStore.Claimed delivery, Instant now) {
		Optional<Alert> alert = store.alert(delivery.alertId());
		if (alert.isEmpty()) {
			return;
		}
		Integer status = null;
		String error;
		switch (delivery.kind()) {
			case WEBHOOK -> {
				WebhookSender.Outcome outcome = webhooks.send(delivery.target() == null ? "" : delivery.target(),
						delivery.secret() == null ? "" : delivery.secret(), delivery.id(), alert.get());
				status = outcome.status();
				error = outcome.delivered() ? null : outcome.error();
			}
			case EMAIL -> error = emails.send(delivery.target() == null ? "" : delivery.target(), alert.get());
			default -> error = null;
		}
		record(delivery, now, status, error);
	}

	private void record(AlertStore.Claimed delivery, Instant now, @Nullable Integer status, @Nullable String error) {
		if (error == null) {
			store.delivered(delivery.id(), now, status);
			count(delivery.kind(), DELIVERED);
			return;
		}
		String shown = error.length() > 500 ? error.substring(0, 500) : error;
		if (delivery.attempts() >= properties.maxAttempts()) {
			store.failed(delivery.id(), now, status, shown);
			count(delivery.kind(), FAILED);
			log.warn("Alert delivery {} to {} ({}) failed for good after {} attempts: {}", delivery.id(),
					delivery.channelName(), delivery.kind(), delivery.attempts(), shown);
			return;
		}
		store.retry(delivery.id(), now, now.plus(properties.backoff().after(delivery.attempts())), status, shown);
		count(delivery.kind(), RETRY);
		log.info("Alert delivery {} to {} ({}) failed, attempt {}: {}", delivery.id(), delivery.channelName(),
				delivery.kind(), delivery.attempts(), shown);
	}

	void count(ChannelKind channel, String outcome) {
		Counter.builder("portal.alerts.sent")
			.description("Alert deliveries tried, by channel and outcome (delivered, retry, failed)")
			.tag("channel", channel.name().toLowerCase(Locale.ROOT))
			.tag("outcome", outcome)
			.register(meters)
			.increment();
	}
}

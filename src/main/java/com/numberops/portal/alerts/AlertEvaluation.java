package com.numberops.portal.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates every enabled rule: what it finds in its current window, and when that reaches its
 * threshold, the window's one alert with a delivery to each of its channels that is switched on,
 * in one transaction. Run by the evaluate-alerts task (one instance of a cluster at a time); a
 * window that already has its alert is not read again, and should two evaluations meet anyway,
 * the unique (rule, window start) keeps one alert.
 */
@Service
public class AlertEvaluation {

	private static final Logger log = LoggerFactory.getLogger(AlertEvaluation.class);

	private final AlertStore store;

	private final AlertFacts facts;

	private final AlertDeliveries deliveries;

	private final TransactionTemplate transaction;

	AlertEvaluation(AlertStore store, AlertFacts facts, AlertDeliveries deliveries, TransactionTemplate transaction) {
		this.store = store;
		this.facts = facts;
		this.deliveries = deliveries;
		this.transaction = transaction;
	}

	/** Evaluates every enabled rule at {@code now}; answers the ids of the alerts it fired. */
	public List<Long> evaluate(Instant now) {
		List<Long> fired = new ArrayList<>();
		for (AlertRule rule : store.rules(true)) {
			try {
				evaluate(rule, now).ifPresent(fired::add);
			}
			catch (RuntimeException failed) {
				// one rule that cannot be read (a carrier account gone, a bad code) keeps no other from firing
				log.warn("Alert rule {} ({}) could not be evaluated: {}", rule.id(), rule.name(), failed.toString());
			}
		}
		return fired;
	}

	private Optional<Long> evaluate(AlertRule rule, Instant now) {
		AlertWindow window = AlertWindow.at(now, rule.window());
		if (store.fired(rule.id(), window.start())) {
			return Optional.empty();
		}
		AlertFacts.Finding finding = facts.find(rule, window);
		if (!AlertWindow.fires(finding.found(), rule.threshold())) {
			return Optional.empty();
		}
		List<AlertChannel> channels = store.enabledChannels(rule.channelIds());
		Optional<Long> alert = transaction.execute(status -> {
			Optional<Long> id = store.insertAlert(rule, window.start(), now, finding);
			id.ifPresent(alertId -> channels.forEach(channel -> store.insertDelivery(alertId, channel, now)));
			return id;
		});
		if (alert == null || alert.isEmpty()) {
			return Optional.empty();
		}
		log.info("Alert {} fired: rule {} ({}), {} found", alert.get(), rule.id(), rule.name(), finding.found());
		channels.stream()
			.filter(channel -> channel.kind() == ChannelKind.PORTAL)
			.forEach(channel -> deliveries.count(ChannelKind.PORTAL, AlertDeliveries.DELIVERED));
		return alert;
	}
}

package com.numberops.portal.alerts;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The two alert tasks on db-scheduler, each run by one instance of a cluster at a time: rules
 * evaluated every {@code portal.alerts.evaluate-every} (1 min), due deliveries sent every
 * {@code portal.alerts.deliver-every} (10 s).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertsProperties.class)
class AlertJobs {

	static final String EVALUATE_ALERTS = "evaluate-alerts";

	static final String DELIVER_ALERTS = "deliver-alerts";

	@Bean
	RecurringTask<Void> evaluateAlertsTask(AlertsProperties properties, AlertEvaluation evaluation, Clock clock) {
		return Tasks.recurring(EVALUATE_ALERTS, FixedDelay.of(properties.evaluateEvery()))
			.execute((instance, context) -> evaluation.evaluate(clock.instant()));
	}

	@Bean
	RecurringTask<Void> deliverAlertsTask(AlertsProperties properties, AlertDeliveries deliveries, Clock clock) {
		return Tasks.recurring(DELIVER_ALERTS, FixedDelay.of(properties.deliverEvery()))
			.execute((instance, context) -> deliveries.deliverDue(clock.instant()));
	}
}

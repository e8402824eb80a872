package com.numberops.portal.api;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Deletes expired Idempotency-Keys on db-scheduler: one instance of a cluster runs each execution.
 * A claim already ignores an expired key; this keeps the table to a day of keys.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotencyJobs {

	static final String PURGE_IDEMPOTENCY_KEYS = "purge-idempotency-keys";

	@Bean
	RecurringTask<Void> purgeIdempotencyKeysTask(IdempotencyProperties properties, IdempotencyKeys keys) {
		return Tasks.recurring(PURGE_IDEMPOTENCY_KEYS, FixedDelay.of(properties.purgeInterval()))
			.execute((instance, context) -> {
				while (keys.purgeExpired() > 0) {
					// batches of 10,000: no transaction holds many rows at once
				}
			});
	}
}

package com.numberops.portal.warmup;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The warmup job's db-scheduler task (one instance runs it at a time, cluster-wide) and where its
 * signals come from: sandbox numbers read {@link SandboxDeliverySignals}, live ones
 * {@link NoDeliverySignals} (no source exists yet).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WarmupProperties.class)
class WarmupJobs {

	@Bean
	DeliverySignals deliverySignals() {
		DeliverySignals sandbox = new SandboxDeliverySignals();
		DeliverySignals live = new NoDeliverySignals();
		return (channel, number, isSandbox, day) -> (isSandbox ? sandbox : live).rate(channel, number, isSandbox, day);
	}

	/** Every interval, step every due warmup; off with the other background jobs. */
	@Bean
	@ConditionalOnProperty(name = "portal.sync.scheduled", havingValue = "true", matchIfMissing = true)
	RecurringTask<Void> warmupAdvanceTask(WarmupProperties properties, WarmupJob job, Clock clock) {
		return Tasks.recurring("warmup-advance", FixedDelay.of(properties.interval()))
			.execute((instance, context) -> job.advance(clock.instant()));
	}
}

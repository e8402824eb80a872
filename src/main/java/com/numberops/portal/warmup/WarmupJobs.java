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
 * signals come from, number by number (by its account's mode, not a switch for the whole portal):
 * sandbox numbers read {@link SandboxDeliverySignals}, live ones the delivery reports their
 * senders post ({@link WarmupSignals}); a live number without a fresh report has no signal and
 * ramps on schedule, as every live number did before reports existed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WarmupProperties.class)
class WarmupJobs {

	@Bean
	DeliverySignals deliverySignals(WarmupSignals reports) {
		DeliverySignals sandbox = new SandboxDeliverySignals();
		return (channel, id, number, isSandbox, day, today) -> isSandbox
				? sandbox.rate(channel, id, number, true, day, today)
				: reports.source(channel, id, false, today).reportedRate();
	}

	/** Every interval, step every due warmup; off with the other background jobs. */
	@Bean
	@ConditionalOnProperty(name = "portal.sync.scheduled", havingValue = "true", matchIfMissing = true)
	RecurringTask<Void> warmupAdvanceTask(WarmupProperties properties, WarmupJob job, Clock clock) {
		return Tasks.recurring("warmup-advance", FixedDelay.of(properties.interval()))
			.execute((instance, context) -> job.advance(clock.instant()));
	}
}

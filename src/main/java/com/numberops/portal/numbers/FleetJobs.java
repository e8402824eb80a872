package com.numberops.portal.numbers;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Folds the fleet counts' deltas into their base ({@link FleetCounts#fold}) on db-scheduler: one
 * instance of a cluster runs each execution. Reads are exact without it; it keeps them quick.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FleetProperties.class)
class FleetJobs {

	static final String FOLD_FLEET_COUNTS = "fold-fleet-counts";

	@Bean
	RecurringTask<Void> foldFleetCountsTask(FleetProperties properties, FleetCounts counts) {
		return Tasks.recurring(FOLD_FLEET_COUNTS, FixedDelay.of(properties.foldInterval()))
			.execute((instance, context) -> counts.fold());
	}
}

package com.numberops.portal.dashboard;

import java.time.LocalTime;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.numberops.portal.sync.FullSyncFinished;

/**
 * When the trends' snapshot is taken: daily shortly before the UTC day ends, on db-scheduler (one
 * instance of a cluster runs it), and at the end of every full sync, when the mirror may have moved
 * most. Both upsert the day ({@link Trends#snapshot}), so taking it twice is harmless.
 */
@Configuration(proxyBeanMethods = false)
class TrendSnapshots {

	private static final Logger log = LoggerFactory.getLogger(TrendSnapshots.class);

	static final String FLEET_SNAPSHOT = "fleet-snapshot";

	private final Trends trends;

	TrendSnapshots(Trends trends) {
		this.trends = trends;
	}

	@Bean
	RecurringTask<Void> fleetSnapshotTask() {
		return Tasks.recurring(FLEET_SNAPSHOT, Schedules.daily(ZoneOffset.UTC, LocalTime.of(23, 55)))
			.execute((instance, context) -> trends.snapshot());
	}

	/** In the sync's thread, after its pages committed; a failed snapshot never fails the sync. */
	@EventListener
	void fullSyncFinished(FullSyncFinished finished) {
		try {
			trends.snapshot();
		}
		catch (RuntimeException failure) {
			log.warn("The fleet snapshot after sync run {} failed: {}", finished.runId(), failure.getMessage());
		}
	}
}

package com.numberops.portal.changes;

import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.numberops.portal.numbers.FleetProperties;

/**
 * The db-scheduler tasks of changes: pushing one change (it reschedules itself until the change
 * settles), submitting a bulk edit, and folding the changes-per-day counts as often as the fleet's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ChangesProperties.class, BuyProperties.class })
class ChangeJobs {

	static final String PUSH_CHANGE = "push-change";

	static final String SUBMIT_BATCH = "submit-batch";

	static final String FOLD_CHANGE_DAYS = "fold-change-days";

	@Bean
	CustomTask<Void> pushChangeTask(ChangeDispatcher dispatcher) {
		return Tasks.custom(PUSH_CHANGE, Void.class).execute((instance, context) -> {
			Instant next = dispatcher.push(Long.parseLong(instance.getId()));
			if (next == null) {
				return new CompletionHandler.OnCompleteRemove<>();
			}
			return (complete, operations) -> operations.reschedule(complete, next);
		});
	}

	/**
	 * Makes a confirmed bulk edit's changes, a chunk per run, until every number is handled. The
	 * submitter is looked up when the task runs: it makes changes through the service that
	 * schedules this very task.
	 */
	@Bean
	CustomTask<Void> submitBatchTask(ObjectProvider<BatchSubmitter> submitter) {
		return Tasks.custom(SUBMIT_BATCH, Void.class).execute((instance, context) -> {
			if (!submitter.getObject().submitNext(Long.parseLong(instance.getId()))) {
				return new CompletionHandler.OnCompleteRemove<>();
			}
			return (complete, operations) -> operations.reschedule(complete, Instant.now());
		});
	}

	@Bean
	RecurringTask<Void> foldChangeDaysTask(FleetProperties fleet, ChangeDays days) {
		return Tasks.recurring(FOLD_CHANGE_DAYS, FixedDelay.of(fleet.foldInterval()))
			.execute((instance, context) -> days.fold());
	}
}

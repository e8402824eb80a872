package com.numberops.portal.changes;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;

/**
 * Hands changes to db-scheduler: one execution of the push-change task per change, keyed by the
 * change's id, written through the scheduler's transaction-aware DataSource, so it commits or
 * rolls back with the change itself. db-scheduler lets one instance pick each execution, and
 * revives an execution whose instance died.
 */
@Component
class ChangeDispatch {

	private static final Logger log = LoggerFactory.getLogger(ChangeDispatch.class);

	private final ObjectProvider<SchedulerClient> scheduler;

	private final CustomTask<Void> pushChange;

	private final CustomTask<Void> submitBatch;

	ChangeDispatch(ObjectProvider<SchedulerClient> scheduler, @Qualifier("pushChangeTask") CustomTask<Void> pushChange,
			@Qualifier("submitBatchTask") CustomTask<Void> submitBatch) {
		this.scheduler = scheduler;
		this.pushChange = pushChange;
		this.submitBatch = submitBatch;
	}

	/** Makes a confirmed batch's changes in the background, from now on. */
	void submit(long batchId) {
		scheduler.getObject().scheduleIfNotExists(submitBatch.instance(String.valueOf(batchId)), Instant.now());
	}

	/** Runs the change at that moment (now, or when a release hold ends); moves an existing execution there. */
	void schedule(long changeId, Instant at) {
		TaskInstance<Void> instance = pushChange.instance(String.valueOf(changeId));
		SchedulerClient client = scheduler.getObject();
		if (!client.scheduleIfNotExists(instance, at)) {
			try {
				client.reschedule(instance, at);
			}
			catch (RuntimeException picked) {
				// it is running right now: it reads the change's new state when it records its outcome
				log.debug("Change {} is being pushed; not rescheduled: {}", changeId, picked.getMessage());
			}
		}
	}

	/** Drops a cancelled change's execution; if it runs meanwhile, it finds the change cancelled and stops. */
	void unschedule(long changeId) {
		try {
			scheduler.getObject().cancel(pushChange.instance(String.valueOf(changeId)));
		}
		catch (RuntimeException notThereOrRunning) {
			log.debug("Change {} had no idle execution to cancel: {}", changeId, notThereOrRunning.getMessage());
		}
	}
}

package com.numberops.portal.sync;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;

/**
 * The sync's db-scheduler tasks. db-scheduler keeps executions in scheduled_tasks and lets one
 * instance pick each, so two portals on one database never run the same sync twice (and
 * sync_runs allows one running run per account on top of that).
 */
@Configuration(proxyBeanMethods = false)
class SyncJobs {

	private static final Logger log = LoggerFactory.getLogger(SyncJobs.class);

	static final String SYNC_ACCOUNT = "sync-account";

	/** What a one-time sync execution carries (db-scheduler serializes it into task_data). */
	record SyncRequest(long accountId, SyncTrigger trigger, @Nullable String startedBy) implements Serializable {
	}

	/**
	 * One full sync of one account; its instance id is the account id, so one is queued (and one
	 * executed) at a time. An execution whose instance died is revived by db-scheduler (about a
	 * minute, application.yml) and interrupts the run the dead instance left RUNNING.
	 */
	@Bean
	OneTimeTask<SyncRequest> syncAccountTask(MirrorSync sync) {
		return Tasks.oneTime(SYNC_ACCOUNT, SyncRequest.class)
			.execute((instance, context) -> {
				SyncRequest request = instance.getData();
				String executedBy = context.getExecution().pickedBy;
				sync.syncAccount(request.accountId(), request.trigger(), request.startedBy(),
						executedBy == null ? "scheduler" : executedBy);
			});
	}

	/** Every interval, queue a full sync of every account. */
	@Bean
	@ConditionalOnProperty(name = "portal.sync.scheduled", havingValue = "true", matchIfMissing = true)
	RecurringTask<Void> syncAllTask(SyncProperties properties, ProviderAccounts accounts, OneTimeTask<SyncRequest> syncAccount) {
		return Tasks.recurring("sync-all", FixedDelay.of(properties.interval()))
			.execute((instance, context) -> {
				for (ProviderAccount account : accounts.all()) {
					context.getSchedulerClient()
						.scheduleIfNotExists(syncAccount.instance(String.valueOf(account.id()),
								new SyncRequest(account.id(), SyncTrigger.SCHEDULED, null)), Instant.now());
				}
			});
	}

	/** Often, re-read the numbers whose scheduled provisioning still runs, until they settle. */
	@Bean
	@ConditionalOnProperty(name = "portal.sync.scheduled", havingValue = "true", matchIfMissing = true)
	RecurringTask<Void> provisioningPollTask(SyncProperties properties, ProvisioningPoll poll) {
		return Tasks.recurring("provisioning-poll", FixedDelay.of(properties.provisioningPoll()))
			.execute((instance, context) -> poll.run());
	}

	@Bean
	ProvisioningPoll provisioningPoll(JdbcTemplate jdbc, MirrorSync sync) {
		return new ProvisioningPoll(jdbc, sync);
	}

	/** Re-reads unsettled numbers one by one; a carrier failure waits for the next round. */
	static final class ProvisioningPoll {

		/**
		 * Per round: a burst of reassignments settles over a few rounds, not in one. Picked at
		 * random: re-reading an unchanged number writes nothing, so any stable order would re-read
		 * the same stuck numbers every round and never reach the rest.
		 */
		static final int LIMIT = 500;

		private final JdbcTemplate jdbc;

		private final MirrorSync sync;

		ProvisioningPoll(JdbcTemplate jdbc, MirrorSync sync) {
			this.jdbc = jdbc;
			this.sync = sync;
		}

		/** Answers how many numbers were re-read. */
		int run() {
			record Unsettled(long accountId, String providerNumberId) {
			}
			List<Unsettled> unsettled = jdbc.query("""
					select provider_account_id, provider_phone_number_id from phone_numbers
					where (sms_provisioning_status in ('WAITING', 'IN_PROGRESS')
					       or voice_provisioning_status in ('WAITING', 'IN_PROGRESS'))
					  and (sms_provisioning_status is not null or voice_provisioning_status is not null)
					order by random() limit ?""",
					(rs, i) -> new Unsettled(rs.getLong(1), rs.getString(2)), LIMIT);
			int reread = 0;
			for (Unsettled number : unsettled) {
				try {
					sync.refresh(number.accountId(), number.providerNumberId(), MirrorSync.SOURCE_SYNC);
					reread++;
				}
				catch (RuntimeException failure) {
					log.warn("Provisioning poll could not re-read {}: {}", number.providerNumberId(), failure.getMessage());
				}
			}
			return reread;
		}
	}
}

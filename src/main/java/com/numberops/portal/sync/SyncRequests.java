package com.numberops.portal.sync;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.numberops.portal.providers.ProviderAccounts;

/** "Sync now": queues a full sync of one account for the scheduler to run at once. */
@Service
public class SyncRequests {

	private final ObjectProvider<SchedulerClient> scheduler;

	private final OneTimeTask<SyncJobs.SyncRequest> syncAccount;

	private final ProviderAccounts accounts;

	private final Clock clock;

	SyncRequests(ObjectProvider<SchedulerClient> scheduler, OneTimeTask<SyncJobs.SyncRequest> syncAccount,
			ProviderAccounts accounts, Clock clock) {
		this.scheduler = scheduler;
		this.syncAccount = syncAccount;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * Answers false when a sync of the account is already queued (it will run anyway). Operators
	 * and admins only.
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	public boolean syncNow(long accountId, String username) {
		accounts.find(accountId).orElseThrow(() -> new IllegalArgumentException("No provider account " + accountId));
		return scheduler.getObject()
			.scheduleIfNotExists(syncAccount.instance(String.valueOf(accountId),
					new SyncJobs.SyncRequest(accountId, SyncTrigger.MANUAL, username)), clock.instant());
	}

	/**
	 * Whether a sync of the account waits in the scheduler's queue or is being executed by it (a
	 * picked execution stays queued until the run returns). Anyone who may see the Sync page may ask.
	 */
	public boolean queued(long accountId) {
		return scheduler.getObject()
			.getScheduledExecution(TaskInstanceId.of(SyncJobs.SYNC_ACCOUNT, String.valueOf(accountId)))
			.isPresent();
	}
}

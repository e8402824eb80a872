package com.numberops.portal.sync.web;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.sync.SyncRequests;
import com.numberops.portal.sync.SyncRuns;

/** Reads what the Sync page shows of each account. */
@Component
class SyncCards {

	/** Runs shown per account. */
	static final int RECENT_RUNS = 10;

	private final ProviderAccounts accounts;

	private final SyncRuns runs;

	private final SyncRequests requests;

	SyncCards(ProviderAccounts accounts, SyncRuns runs, SyncRequests requests) {
		this.accounts = accounts;
		this.runs = runs;
		this.requests = requests;
	}

	List<AccountCard> all() {
		return accounts.all().stream().map(this::card).toList();
	}

	Optional<AccountCard> of(long accountId) {
		return accounts.find(accountId).map(this::card);
	}

	/**
	 * Read in this order so that a run ending between the reads still shows: first what runs,
	 * then the queue (a run's execution leaves it only after the run finished), then the list.
	 */
	private AccountCard card(ProviderAccount account) {
		RunRow running = runs.running(account.id()).map(RunRow::new).orElse(null);
		boolean queued = requests.queued(account.id());
		List<RunRow> recent = runs.recent(account.id(), RECENT_RUNS).stream().map(RunRow::new).toList();
		return new AccountCard(account, recent, running, queued);
	}
}

package com.numberops.portal.sync;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.numberops.portal.numbers.PageOutcome;
import com.numberops.portal.numbers.PhoneNumbers;
import com.numberops.portal.providers.CarrierNumbers;
import com.numberops.portal.providers.ListScope;
import com.numberops.portal.providers.NumberPage;
import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderNumber;
import com.numberops.portal.users.Team;
import com.numberops.portal.users.Teams;

/**
 * Full syncs of one provider account: walks every listing page by page (never the whole fleet in
 * memory), reconciles each page in its own transaction, and only after every listing completed
 * marks what the carrier no longer has, each confirmed by the carrier itself. A failed run keeps
 * what it reconciled and marks nothing.
 */
@Service
public class MirrorSync {

	private static final Logger log = LoggerFactory.getLogger(MirrorSync.class);

	public static final String SOURCE_SYNC = "PROVIDER_SYNC";

	public static final String SOURCE_WEBHOOK = "WEBHOOK";

	private final ProviderAccounts accounts;

	private final SyncRuns runs;

	private final PhoneNumbers numbers;

	private final Teams teams;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final SyncProperties properties;

	private final ApplicationEventPublisher events;

	MirrorSync(ProviderAccounts accounts, SyncRuns runs, PhoneNumbers numbers, Teams teams,
			JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, SyncProperties properties,
			ApplicationEventPublisher events) {
		this.events = events;
		this.accounts = accounts;
		this.runs = runs;
		this.numbers = numbers;
		this.teams = teams;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.properties = properties;
	}

	/** Syncs one account with its configured adapter. Empty when a run of it is already going on. */
	public Optional<SyncRun> syncAccount(long accountId, SyncTrigger trigger, @Nullable String startedBy) {
		return syncAccount(accountId, trigger, startedBy, null);
	}

	/**
	 * The same, as the scheduler's execution of the account's sync on instance {@code executedBy}
	 * (null: outside the scheduler); see {@link SyncRuns#start} for what that tells about orphans.
	 */
	Optional<SyncRun> syncAccount(long accountId, SyncTrigger trigger, @Nullable String startedBy,
			@Nullable String executedBy) {
		ProviderAccount account = accounts.find(accountId)
			.orElseThrow(() -> new IllegalArgumentException("No provider account " + accountId));
		return syncAccount(account, accounts.adapterFor(account).orElseThrow(), trigger, startedBy, executedBy);
	}

	/** The same, with the adapter given (tests hand in one that fails part-way). */
	public Optional<SyncRun> syncAccount(ProviderAccount account, CarrierNumbers adapter, SyncTrigger trigger,
			@Nullable String startedBy) {
		return syncAccount(account, adapter, trigger, startedBy, null);
	}

	private Optional<SyncRun> syncAccount(ProviderAccount account, CarrierNumbers adapter, SyncTrigger trigger,
			@Nullable String startedBy, @Nullable String executedBy) {
		List<ListScope> scopes = adapter.scopes();
		Optional<Long> started = runs.start(account.id(), trigger, startedBy, scopes.size(), executedBy);
		if (started.isEmpty()) {
			log.info("Sync of {} not started: a run is already going on", account.name());
			return Optional.empty();
		}
		long runId = started.get();
		if (scopes.isEmpty()) {
			// a complete sync of nothing would declare every number of the account gone
			runs.fail(runId, "Nothing to list: no listing is configured for " + account.name()
					+ " (for imported numbers: SINCH_IMPORTED_SCOPES).");
			return runs.find(runId);
		}
		Map<String, Long> teamsByName = teamsByName();
		ExecutorService fetching = Executors.newSingleThreadExecutor(task -> {
			Thread thread = new Thread(task, "sync-fetch-" + runId);
			thread.setDaemon(true);
			return thread;
		});
		try {
			for (ListScope scope : scopes) {
				@Nullable Future<NumberPage> next = fetching.submit(() -> adapter.page(scope, null, properties.pageSize()));
				boolean first = true;
				while (next != null) {
					NumberPage page = awaitPage(next);
					String token = page.last() ? null : page.nextPageToken();
					// the carrier answers the next page while this one is written: a sync takes about the
					// longer of fetching and writing, not their sum (docs/benchmarks.md)
					next = token == null ? null : fetching.submit(() -> adapter.page(scope, token, properties.pageSize()));
					PageOutcome outcome = write(account, page.numbers(), SOURCE_SYNC, runId, teamsByName);
					runs.progress(runId, outcome.fetched(), outcome.created(), outcome.updated(), outcome.unchanged(),
							first ? page.totalSize() : null);
					first = false;
				}
				runs.scopeDone(runId);
			}
			Confirmation gone = confirmVanished(account, adapter, runId, runs.find(runId).orElseThrow().startedAt(), scopes,
					teamsByName);
			runs.succeed(runId, gone.released(), gone.unconfirmed(), gone.note());
		}
		catch (ProviderError error) {
			runs.fail(runId, error.describe());
		}
		catch (RuntimeException unexpected) {
			log.error("Sync run {} of {} failed", runId, account.name(), unexpected);
			runs.fail(runId, "Unexpected error: " + unexpected.getMessage());
		}
		finally {
			// a page fetched ahead of a failed write is not wanted any more
			fetching.shutdownNow();
			jdbc.update("delete from sync_seen where sync_run_id = ?", runId);
		}
		Optional<SyncRun> run = runs.find(runId);
		// after every page committed, outside any transaction: listeners see the mirror as the run left it
		events.publishEvent(new FullSyncFinished(account.id(), runId,
				run.map(finished -> SyncRun.SUCCEEDED.equals(finished.status())).orElse(false)));
		return run;
	}

	/** The fetched page, or what the adapter threw fetching it, as if it had been called here. */
	private static NumberPage awaitPage(Future<NumberPage> page) {
		try {
			return page.get();
		}
		catch (ExecutionException failed) {
			if (failed.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (failed.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(failed.getCause());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while fetching a page", interrupted);
		}
	}

	/**
	 * Re-reads one number from its carrier and reconciles it (provisioning poll, webhooks).
	 * A number the carrier does not know is left alone: only a complete sync decides it vanished.
	 */
	public boolean refresh(long accountId, String providerNumberId, String source) {
		ProviderAccount account = accounts.find(accountId)
			.orElseThrow(() -> new IllegalArgumentException("No provider account " + accountId));
		CarrierNumbers adapter = accounts.adapterFor(account).orElseThrow();
		ProviderNumber number;
		try {
			number = adapter.get(providerNumberId);
		}
		catch (ProviderError error) {
			if (error.httpStatus() == 404) {
				return false;
			}
			throw error;
		}
		PageOutcome outcome = write(account, List.of(number), source, null, teamsByName());
		return outcome.created() + outcome.updated() > 0;
	}

	/**
	 * Writes what the carrier just answered for one number (a change's result), exactly as a sync
	 * would: columns of open changes keep the portal's value, every changed field is an event.
	 */
	public void reconcile(long accountId, ProviderNumber number, String source) {
		ProviderAccount account = accounts.find(accountId)
			.orElseThrow(() -> new IllegalArgumentException("No provider account " + accountId));
		write(account, List.of(number), source, null, teamsByName());
	}

	/**
	 * One page into the mirror through its owner and, in the same transaction, the page's numbers
	 * noted as seen by the run (what the vanished check later leaves out).
	 */
	private PageOutcome write(ProviderAccount account, List<ProviderNumber> page, String source, @Nullable Long runId,
			Map<String, Long> teamsByName) {
		PageOutcome outcome = transactions.execute(status -> {
			PageOutcome written = numbers.reconcile(account, page, source, teamsByName);
			if (runId != null && !page.isEmpty()) {
				jdbc.update("insert into sync_seen (sync_run_id, provider_phone_number_id) select ?, unnest(?::text[])"
						+ " on conflict do nothing", runId,
						page.stream().map(ProviderNumber::providerNumberId).distinct().toArray(String[]::new));
			}
			return written;
		});
		return outcome == null ? PageOutcome.NONE : outcome;
	}

	/** Candidates read at the carrier per round: the query that finds them is walked by id, never held whole. */
	static final int CONFIRM_BATCH = 500;

	/**
	 * What checking the numbers no listing had came to: released (the carrier said 404), and the
	 * ones it could not be asked about, left as they are for the next run, with why.
	 */
	record Confirmation(int released, int unconfirmed, @Nullable String note) {
	}

	/**
	 * A listing is not a snapshot: while a run walks the pages, a number can move to a listing
	 * already walked (an imported number reassigned to another service plan) or be shifted out of
	 * view (an offset page after a release at the carrier). So a number no listing had is first
	 * read directly at the carrier: if it still answers, it is refreshed from that answer; only a
	 * 404 releases it; any other failure leaves it for the next run. Few numbers vanish per run, so
	 * these reads are few; the candidates come from the mirror in batches, by id.
	 */
	private Confirmation confirmVanished(ProviderAccount account, CarrierNumbers adapter, long runId, Instant runStarted,
			List<ListScope> scopes, Map<String, Long> teamsByName) {
		List<Object> coveredValues = new java.util.ArrayList<>();
		String covered = covered(scopes, coveredValues);
		record Candidate(long id, String providerNumberId) {
		}
		int released = 0;
		int unconfirmed = 0;
		@Nullable ProviderError lastError = null;
		long after = 0;
		while (true) {
			List<Object> parameters = new java.util.ArrayList<>(List.of(account.id(), Timestamp.from(runStarted)));
			parameters.addAll(coveredValues);
			parameters.addAll(List.of(runId, after, CONFIRM_BATCH));
			List<Candidate> candidates = jdbc.query("""
					select id, provider_phone_number_id from phone_numbers p
					where provider_account_id = ? and provider_missing_since is null and provider_released_at is null
					  -- a number a webhook brought in while the run walked past its page is not "gone"
					  and created_at < ?
					  -- nor is one being bought: until its rent settles, the carrier may not list it yet
					  and not exists (select 1 from open_changes o where o.phone_number_id = p.id and o.kind = 'RENT')
					  and (%s)
					  and not exists (select 1 from sync_seen s
					                  where s.sync_run_id = ? and s.provider_phone_number_id = p.provider_phone_number_id)
					  and id > ?
					order by id limit ?""".formatted(covered),
					(rs, row) -> new Candidate(rs.getLong(1), rs.getString(2)), parameters.toArray());
			if (candidates.isEmpty()) {
				break;
			}
			List<Long> gone = new java.util.ArrayList<>();
			for (Candidate candidate : candidates) {
				try {
					ProviderNumber still = adapter.get(candidate.providerNumberId());
					PageOutcome outcome = write(account, List.of(still), SOURCE_SYNC, runId, teamsByName);
					runs.counted(runId, outcome);
				}
				catch (ProviderError error) {
					if (error.httpStatus() == 404) {
						gone.add(candidate.id());
						continue;
					}
					unconfirmed++;
					lastError = error;
					log.warn("Sync run {} of {} could not check {} at the carrier: {}", runId, account.name(),
							candidate.providerNumberId(), error.describe());
					if (error.retryable()) {
						// the carrier is unwell (after the adapter's own retries): ask again next run, not now
						released += markReleased(account, gone);
						return new Confirmation(released, unconfirmed, unconfirmedNote(unconfirmed, true, error));
					}
				}
			}
			released += markReleased(account, gone);
			after = candidates.get(candidates.size() - 1).id();
		}
		return new Confirmation(released, unconfirmed,
				lastError == null ? null : unconfirmedNote(unconfirmed, false, lastError));
	}

	private static String unconfirmedNote(int unconfirmed, boolean stopped, ProviderError error) {
		return (unconfirmed == 1 ? "1 number" : unconfirmed + " numbers") + " missing from the listings could not be read at the carrier"
				+ (stopped ? " (checking stopped there)" : "") + ": " + error.describe()
				+ ". Nothing was released that the carrier did not confirm gone; the next sync checks again.";
	}

	/** Marks numbers the carrier answered 404 for as released: one event each, derived states recomputed. */
	private int markReleased(ProviderAccount account, List<Long> gone) {
		if (gone.isEmpty()) {
			return 0;
		}
		Integer vanished = transactions.execute(
				status -> numbers.markVanished(gone, account.provider().label(), SOURCE_SYNC).size());
		return vanished == null ? 0 : vanished;
	}

	/**
	 * The mirrored numbers the listings could have seen: a number outside every listed scope (a
	 * region not configured, brought in by a webhook) is not gone just because no listing had it.
	 */
	static String covered(List<ListScope> scopes, List<Object> values) {
		if (scopes.stream().anyMatch(scope -> scope.mirrorColumns().isEmpty())) {
			return "true";
		}
		List<String> alternatives = new java.util.ArrayList<>();
		for (ListScope scope : scopes) {
			List<String> pins = new java.util.ArrayList<>();
			scope.mirrorColumns().forEach((column, value) -> {
				pins.add("coalesce(p." + column + ", '') = ?");
				values.add(value);
			});
			alternatives.add("(" + String.join(" and ", pins) + ")");
		}
		return String.join(" or ", alternatives);
	}

	private Map<String, Long> teamsByName() {
		return teams.findAll().stream()
			.collect(Collectors.toMap(team -> team.getName().toLowerCase(Locale.ROOT), Team::getId, (a, b) -> a));
	}
}

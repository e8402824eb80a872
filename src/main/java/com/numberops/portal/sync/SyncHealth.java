package com.numberops.portal.sync;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.system.Times;

/**
 * Which carrier accounts' mirrors cannot be trusted right now: the last sync that ended failed (or
 * was cut off), or none has succeeded for more than two intervals of the schedule, so the mirror
 * may be that old. Accounts are the fleet's, not a team's: every role sees the same, as on the
 * Sync page. Two probes of sync_runs_account_idx per account (a handful of accounts).
 */
@Service
public class SyncHealth {

	/** How many intervals without a successful sync make an account stale. */
	public static final int STALE_INTERVALS = 2;

	/** What is wrong with an account's sync. */
	public enum Problem {
		/** Its last sync that ended failed or was interrupted. */
		FAILED,
		/** No sync has succeeded for more than {@link #STALE_INTERVALS} intervals. */
		STALE
	}

	/**
	 * One account in trouble.
	 *
	 * @param runId the run that failed, or the last that succeeded (null: none ever did)
	 * @param at when that run ended (null: never)
	 */
	public record Trouble(ProviderAccount account, Problem problem, @Nullable Long runId, @Nullable Instant at,
			String detail) {

		/** Where the Sync page shows it: the failed run, or the account's card. */
		public String link() {
			return problem == Problem.FAILED && runId != null ? "/sync#sync-run-" + runId
					: "/sync#sync-account-" + account.id();
		}
	}

	private final ProviderAccounts accounts;

	private final JdbcClient jdbc;

	private final SyncProperties properties;

	private final Clock clock;

	SyncHealth(ProviderAccounts accounts, JdbcClient jdbc, SyncProperties properties, Clock clock) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** The Sync page's address. */
	public static String page() {
		return "/sync";
	}

	/** Accounts whose last ended sync failed, the latest failure first. */
	@Transactional(readOnly = true)
	public List<Trouble> failed() {
		List<Trouble> troubles = new ArrayList<>();
		for (ProviderAccount account : accounts.all()) {
			List<SyncRun> last = jdbc.sql("select " + SyncRuns.COLUMNS + """
					 from sync_runs where provider_account_id = ? and status <> 'RUNNING'
					order by started_at desc, id desc limit 1""")
				.param(account.id())
				.query(SyncRuns::map)
				.list();
			if (!last.isEmpty() && (last.get(0).failed() || last.get(0).interrupted())) {
				SyncRun run = last.get(0);
				troubles.add(new Trouble(account, Problem.FAILED, run.id(), run.finishedAt(),
						(run.interrupted() ? "Interrupted" : "Failed")
								+ (run.errorMessage() == null ? "" : ": " + run.errorMessage())));
			}
		}
		troubles.sort(Comparator.comparing(Trouble::at, Comparator.nullsLast(
				Comparator.<Instant>reverseOrder())));
		return troubles;
	}

	/**
	 * Accounts not synced successfully for more than two intervals, the longest unsynced first.
	 * Without a schedule nothing is expected of the clock, and no account is stale.
	 */
	@Transactional(readOnly = true)
	public List<Trouble> stale() {
		return properties.scheduled() ? stale(properties.interval()) : List.of();
	}

	/** Accounts not synced successfully for more than two of these intervals (tests pass their own). */
	@Transactional(readOnly = true)
	public List<Trouble> stale(Duration interval) {
		return notSyncedFor(interval.multipliedBy(STALE_INTERVALS), interval);
	}

	/**
	 * Accounts with no successful sync for longer than {@code age} (never synced: always), the longest
	 * unsynced first: an alert rule's own limit, whatever the schedule.
	 */
	@Transactional(readOnly = true)
	public List<Trouble> notSyncedFor(Duration age) {
		return notSyncedFor(age, properties.interval());
	}

	private List<Trouble> notSyncedFor(Duration age, Duration interval) {
		Instant before = clock.instant().minus(age);
		List<Trouble> troubles = new ArrayList<>();
		for (ProviderAccount account : accounts.all()) {
			List<Object[]> last = jdbc.sql("""
					select id, finished_at from sync_runs
					where provider_account_id = ? and status = 'SUCCEEDED' order by started_at desc, id desc limit 1""")
				.param(account.id())
				.query((rs, i) -> new Object[] { rs.getLong("id"), rs.getTimestamp("finished_at") })
				.list();
			if (last.isEmpty()) {
				troubles.add(new Trouble(account, Problem.STALE, null, null, "Never synced successfully"));
			}
			else if (((Timestamp) last.get(0)[1]).toInstant().isBefore(before)) {
				Instant at = ((Timestamp) last.get(0)[1]).toInstant();
				troubles.add(new Trouble(account, Problem.STALE, (Long) last.get(0)[0], at,
						"Last synced successfully " + Times.in(ZoneOffset.UTC, clock.instant()).relative(at)
								+ "; it syncs every " + minutes(interval)));
			}
		}
		troubles.sort(Comparator.comparing(Trouble::at, Comparator.nullsFirst(
				Comparator.<Instant>naturalOrder())));
		return troubles;
	}

	private static String minutes(Duration interval) {
		long minutes = interval.toMinutes();
		return minutes % 60 == 0 && minutes > 0 ? minutes / 60 + " h" : Math.max(1, minutes) + " min";
	}
}

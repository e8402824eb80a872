package com.numberops.portal.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.numbers.PageOutcome;

/**
 * sync_runs: start, progress, finish. Progress is written in its own short transactions so the
 * Sync page sees it while the run goes on.
 */
@Repository
public class SyncRuns {

	/**
	 * A run started outside the scheduler whose heartbeat (written with every page) is older than
	 * this was cut off (crash, restart) and is marked interrupted. Runs of scheduler executions are
	 * recognised as soon as the scheduler revives their execution, see {@link #start}.
	 */
	static final Duration STALE_AFTER = Duration.ofMinutes(5);

	static final String COLUMNS = """
			id, provider_account_id, trigger, status, started_by, started_at, finished_at, scopes_total, scopes_done,
			pages, expected, fetched, created, updated, unchanged, vanished, errors, error_message""";

	private static final Logger log = LoggerFactory.getLogger(SyncRuns.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	SyncRuns(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Starts a run outside the scheduler, or answers empty when one is already running for the account. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Optional<Long> start(long accountId, SyncTrigger trigger, @Nullable String startedBy, int scopesTotal) {
		return start(accountId, trigger, startedBy, scopesTotal, null);
	}

	/**
	 * Starts a run, or answers empty when one is already running for the account.
	 *
	 * @param executedBy the scheduler instance executing the account's sync execution, or null
	 * outside the scheduler. db-scheduler lets one instance at a time execute an account's sync
	 * and revives an execution whose instance stopped heartbeating (a kill, a crash), so when an
	 * execution starts, a run still RUNNING from an execution was orphaned by a dead instance: it
	 * is marked interrupted at once, not after minutes of silence.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Optional<Long> start(long accountId, SyncTrigger trigger, @Nullable String startedBy, int scopesTotal,
			@Nullable String executedBy) {
		failStale(accountId);
		if (executedBy != null) {
			interruptOrphans(accountId, executedBy);
		}
		Timestamp now = Timestamp.from(clock.instant());
		try {
			return Optional.of(jdbc.sql("""
					insert into sync_runs (provider_account_id, trigger, status, started_by, started_at, heartbeat_at, scopes_total,
					                       executed_by)
					values (?, ?, 'RUNNING', ?, ?, ?, ?, ?) returning id""")
				.params(accountId, trigger.name(), startedBy, now, now, scopesTotal, executedBy)
				.query(Long.class)
				.single());
		}
		catch (DuplicateKeyException alreadyRunning) {
			return Optional.empty();
		}
	}

	/** Adds one page's counts. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void progress(long runId, int fetched, int created, int updated, int unchanged, @Nullable Integer expectedMore) {
		jdbc.sql("""
				update sync_runs set pages = pages + 1, fetched = fetched + ?, created = created + ?, updated = updated + ?,
				       unchanged = unchanged + ?, expected = case when ?::integer is null then expected
				                                             else coalesce(expected, 0) + ?::integer end,
				       heartbeat_at = ?
				where id = ? and status = 'RUNNING'""")
			.params(fetched, created, updated, unchanged, expectedMore, expectedMore, Timestamp.from(clock.instant()), runId)
			.update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void scopeDone(long runId) {
		jdbc.sql("update sync_runs set scopes_done = scopes_done + 1, heartbeat_at = ? where id = ? and status = 'RUNNING'")
			.params(Timestamp.from(clock.instant()), runId)
			.update();
	}

	/** Adds the counts of numbers read one by one (not a listing page: the page count stays). */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void counted(long runId, PageOutcome outcome) {
		jdbc.sql("""
				update sync_runs set fetched = fetched + ?, created = created + ?, updated = updated + ?,
				       unchanged = unchanged + ?, heartbeat_at = ?
				where id = ? and status = 'RUNNING'""")
			.params(outcome.fetched(), outcome.created(), outcome.updated(), outcome.unchanged(),
					Timestamp.from(clock.instant()), runId)
			.update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeed(long runId, int vanished) {
		succeed(runId, vanished, 0, null);
	}

	/**
	 * A complete run. {@code errors} and {@code note}: what it could not do without failing (numbers
	 * it could not check at the carrier), shown with the run.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeed(long runId, int vanished, int errors, @Nullable String note) {
		jdbc.sql("""
				update sync_runs set status = 'SUCCEEDED', finished_at = ?, vanished = ?, errors = errors + ?, error_message = ?
				where id = ? and status = 'RUNNING'""")
			.params(Timestamp.from(clock.instant()), vanished, errors, note, runId)
			.update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void fail(long runId, String message) {
		jdbc.sql("""
				update sync_runs set status = 'FAILED', finished_at = ?, errors = errors + 1, error_message = ?
				where id = ? and status = 'RUNNING'""")
			.params(Timestamp.from(clock.instant()), message, runId)
			.update();
	}

	@Transactional(readOnly = true)
	public Optional<SyncRun> find(long runId) {
		return jdbc.sql("select " + COLUMNS + " from sync_runs where id = ?").param(runId).query(SyncRuns::map).optional();
	}

	/** The newest runs of an account, newest first. */
	@Transactional(readOnly = true)
	public List<SyncRun> recent(long accountId, int limit) {
		return jdbc.sql("select " + COLUMNS + " from sync_runs where provider_account_id = ? order by started_at desc, id desc limit ?")
			.params(accountId, limit)
			.query(SyncRuns::map)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<SyncRun> running(long accountId) {
		return jdbc.sql("select " + COLUMNS + " from sync_runs where provider_account_id = ? and status = 'RUNNING'")
			.param(accountId)
			.query(SyncRuns::map)
			.optional();
	}

	/**
	 * A run outside the scheduler (no execution to revive) that stopped reporting progress was cut
	 * off; a page can take minutes of retries, so only a long silence says so.
	 */
	private void failStale(long accountId) {
		Instant limit = clock.instant().minus(STALE_AFTER);
		jdbc.sql("""
				update sync_runs set status = 'INTERRUPTED', finished_at = ?, errors = errors + 1,
				       error_message = ?
				where provider_account_id = ? and status = 'RUNNING' and heartbeat_at < ?""")
			.params(Timestamp.from(clock.instant()),
					"The run stopped reporting progress for " + STALE_AFTER.toMinutes() + " minutes (its portal restarted or crashed).",
					accountId, Timestamp.from(limit))
			.update();
	}

	private void interruptOrphans(long accountId, String executedBy) {
		int interrupted = jdbc.sql("""
				update sync_runs set status = 'INTERRUPTED', finished_at = ?, errors = errors + 1,
				       error_message = 'The portal instance running it (' || executed_by || ') stopped without finishing it'
				           || ' (killed or crashed); the scheduler found it dead and gave the sync to ' || ? || '.'
				where provider_account_id = ? and status = 'RUNNING' and executed_by is not null""")
			.params(Timestamp.from(clock.instant()), executedBy, accountId)
			.update();
		if (interrupted > 0) {
			log.warn("Sync of account {}: {} run(s) orphaned by a dead portal instance marked interrupted", accountId,
					interrupted);
		}
	}

	static SyncRun map(ResultSet rs, int row) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new SyncRun(rs.getLong("id"), rs.getLong("provider_account_id"), SyncTrigger.valueOf(rs.getString("trigger")),
				rs.getString("status"), rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
				finished == null ? null : finished.toInstant(), rs.getInt("scopes_total"), rs.getInt("scopes_done"),
				rs.getInt("pages"), (Integer) rs.getObject("expected"), rs.getInt("fetched"), rs.getInt("created"),
				rs.getInt("updated"), rs.getInt("unchanged"), rs.getInt("vanished"), rs.getInt("errors"),
				rs.getString("error_message"));
	}
}

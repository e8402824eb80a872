package com.numberops.portal.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies {@link LoginLockout} to the stored counters ({@code login_attempts}), kept per typed
 * username whether or not such a user exists: a made-up name is answered, counted and locked
 * exactly like a real one. The row is locked while the rule runs so that parallel wrong guesses
 * cannot slip past the limit. Rows are deleted once they say nothing any more (a few with every
 * failure), so the table holds at most the names that failed within the last lock duration.
 */
@Service
public class LoginAttemptService {

	private static final Logger log = LoggerFactory.getLogger(LoginAttemptService.class);

	/** Stale rows deleted with each failure: more than one, so the table shrinks after a burst. */
	private static final int PURGE_BATCH = 100;

	private final JdbcClient jdbc;

	private final LoginLockout lockout;

	private final Clock clock;

	LoginAttemptService(JdbcClient jdbc, UsersProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.lockout = properties.lockout();
		this.clock = clock;
	}

	/** Whether sign-in is refused for this username now, whoever types which password. */
	@Transactional(readOnly = true)
	public boolean isLocked(String username) {
		Instant now = clock.instant();
		return jdbc.sql("select failures, last_failure_at, locked_until from login_attempts where name_digest = ?")
			.param(digest(username))
			.query(LoginAttemptService::attempts)
			.optional()
			.map(attempts -> attempts.lockedAt(now))
			.orElse(false);
	}

	/** Counts a wrong password (or an unknown username); answers whether the username is now locked. */
	@Transactional
	public boolean recordFailure(String username) {
		byte[] key = digest(username);
		Instant now = clock.instant();
		jdbc.sql("insert into login_attempts (name_digest, failures, forget_at) values (?, 0, ?) on conflict do nothing")
			.param(key)
			.param(Timestamp.from(now))
			.update();
		LoginAttempts current = jdbc
			.sql("select failures, last_failure_at, locked_until from login_attempts where name_digest = ? for update")
			.param(key)
			.query(LoginAttemptService::attempts)
			.single();
		LoginAttempts next = lockout.afterFailure(current, now);
		jdbc.sql("""
				update login_attempts set failures = ?, last_failure_at = ?, locked_until = ?, forget_at = ?
				where name_digest = ?""")
			.param(next.failures())
			.param(timestamp(next.lastFailureAt()))
			.param(timestamp(next.lockedUntil()))
			.param(Timestamp.from(lockout.forgetAt(next, now)))
			.param(key)
			.update();
		purgeForgotten(now);
		if (next.lockedAt(now) && !current.lockedAt(now)) {
			// typed text goes to the log only when it could be a username (no line breaks, no markup)
			String name = UserRegistry.normalizeUsername(username);
			log.warn("Sign-in for username {} locked until {} after {} failures in a row",
					name.matches(PortalUser.USERNAME_PATTERN) ? name : "(not a possible username)", next.lockedUntil(),
					next.failures());
		}
		return next.lockedAt(now);
	}

	/** A good sign-in: its failures are forgotten and the time is kept as the user's last sign-in. */
	@Transactional
	public void recordSuccess(String username) {
		forget(username);
		// only this column: an admin's save of the user never writes it (PortalUser#getLastLoginAt)
		jdbc.sql("update users set last_login_at = ? where username = ?")
			.param(Timestamp.from(clock.instant()))
			.param(UserRegistry.normalizeUsername(username))
			.update();
	}

	/** Lifts a lock and forgets the failures: an admin vouches for the person, or the name is new. */
	@Transactional
	public void forget(String username) {
		jdbc.sql("delete from login_attempts where name_digest = ?").param(digest(username)).update();
	}

	/** Which of these usernames are locked now. */
	@Transactional(readOnly = true)
	public Set<String> lockedAmong(Collection<String> usernames) {
		if (usernames.isEmpty()) {
			return Set.of();
		}
		Map<String, String> byDigest = new HashMap<>();
		usernames.forEach(name -> byDigest.put(Arrays.toString(digest(name)), name));
		byte[][] digests = usernames.stream().map(LoginAttemptService::digest).toArray(byte[][]::new);
		return jdbc.sql("select name_digest from login_attempts where name_digest = any(?) and locked_until > ?")
			.param(digests)
			.param(Timestamp.from(clock.instant()))
			.query((rs, i) -> byDigest.get(Arrays.toString(rs.getBytes(1))))
			.list()
			.stream()
			.collect(Collectors.toUnmodifiableSet());
	}

	/** Deletes a few rows that count for nothing any more; rows other sign-ins hold are left to later. */
	private void purgeForgotten(Instant now) {
		jdbc.sql("""
				delete from login_attempts where name_digest in (
				    select name_digest from login_attempts where forget_at <= ? limit ? for update skip locked)""")
			.param(Timestamp.from(now))
			.param(PURGE_BATCH)
			.update();
	}

	/** The table's key: fixed size whatever was typed, and the same for every spelling of one username. */
	static byte[] digest(String username) {
		try {
			return MessageDigest.getInstance("SHA-256")
				.digest(UserRegistry.normalizeUsername(username).getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("Every Java platform has SHA-256", impossible);
		}
	}

	private static LoginAttempts attempts(ResultSet rs, int row) throws SQLException {
		return new LoginAttempts(rs.getInt(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)));
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}

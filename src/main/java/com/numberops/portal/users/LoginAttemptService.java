package com.numberops.portal.users;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies {@link LoginLockout} to the stored counters. The row is locked while the rule runs so
 * that parallel wrong guesses cannot slip past the limit.
 */
@Service
public class LoginAttemptService {

	private static final Logger log = LoggerFactory.getLogger(LoginAttemptService.class);

	private final JdbcClient jdbc;

	private final LoginLockout lockout;

	private final Clock clock;

	LoginAttemptService(JdbcClient jdbc, UsersProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.lockout = properties.lockout();
		this.clock = clock;
	}

	/** Counts a wrong password; answers whether the account is now locked. */
	@Transactional
	public boolean recordFailure(String username) {
		String name = normalize(username);
		Instant now = clock.instant();
		return jdbc.sql("select failed_login_attempts, locked_until from users where username = ? for update")
			.param(name)
			.query((rs, i) -> new LoginAttempts(rs.getInt(1), toInstant(rs.getTimestamp(2))))
			.optional()
			.map(current -> {
				LoginAttempts next = lockout.afterFailure(current, now);
				jdbc.sql("update users set failed_login_attempts = ?, locked_until = ? where username = ?")
					.param(next.failures())
					.param(next.lockedUntil() == null ? null : Timestamp.from(next.lockedUntil()))
					.param(name)
					.update();
				if (next.lockedAt(now) && !current.lockedAt(now)) {
					log.warn("Account {} locked until {} after {} failed sign-ins", name, next.lockedUntil(),
							next.failures());
				}
				return next.lockedAt(now);
			})
			.orElse(false);
	}

	@Transactional
	public void recordSuccess(String username) {
		LoginAttempts reset = lockout.afterSuccess();
		jdbc.sql("update users set failed_login_attempts = ?, locked_until = null, last_login_at = ? where username = ?")
			.param(reset.failures())
			.param(Timestamp.from(clock.instant()))
			.param(normalize(username))
			.update();
	}

	private static String normalize(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}

	private static @Nullable Instant toInstant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}

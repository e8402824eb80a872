package com.numberops.portal.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first answer of each Idempotency-Key (table idempotency_keys, V19), per user. A request
 * {@link #claim claims} its key in the transaction that makes its change and {@link #answer
 * records} its answer in that same transaction, so a key is answered exactly when its change
 * happened. A second request with the key waits on the first one's row until that transaction
 * ends, then replays its answer (or, if it rolled back, claims the key itself): concurrent
 * duplicates make one change, and no change is made without its key remembered.
 */
@Service
public class IdempotencyKeys {

	/** What a claim found. */
	public sealed interface Claim {
	}

	/** The key is this request's now: make the change, then {@link #answer} before committing. */
	public record Claimed() implements Claim {
	}

	/** The same request was answered before: send this again, change nothing. */
	public record Answered(StoredAnswer answer) implements Claim {
	}

	/** The key was used for another request (another body, method or address). */
	public record OtherRequest(String method, String path) implements Claim {
	}

	/**
	 * The key was claimed and committed without an answer. The claim and the answer commit
	 * together, so no path of the API leaves one; should one appear, the request is not made twice.
	 */
	public record Unanswered() implements Claim {
	}

	/** An answer as it is replayed: status, the headers that matter, the body's bytes. */
	public record StoredAnswer(int status, Map<String, String> headers, byte[] body) {
	}

	private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final IdempotencyProperties properties;

	IdempotencyKeys(JdbcClient jdbc, JsonMapper json, Clock clock, IdempotencyProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Claims the key for this request, or says what became of it. Must run in the transaction that
	 * makes the request's change: the claim waits for a concurrent claim of the same key to end.
	 *
	 * @param digest SHA-256 of the method, the path and the body
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Claim claim(long userId, String key, byte[] digest, String method, String path) {
		Instant now = clock.instant();
		// an expired key is free again; a concurrent claimer deleting it too waits, then finds ours
		jdbc.sql("delete from idempotency_keys where user_id = ? and idempotency_key = ? and expires_at <= ?")
			.params(userId, key, Timestamp.from(now))
			.update();
		int claimed = jdbc.sql("""
				insert into idempotency_keys (user_id, idempotency_key, request_digest, method, path, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (user_id, idempotency_key) do nothing""")
			.params(userId, key, digest, method, path, Timestamp.from(now), Timestamp.from(now.plus(properties.keptFor())))
			.update();
		if (claimed == 1) {
			return new Claimed();
		}
		List<Claim> found = jdbc.sql("""
				select request_digest, method, path, answer_status, answer_headers::text as headers, answer_body
				from idempotency_keys where user_id = ? and idempotency_key = ?""")
			.params(userId, key)
			.query((rs, row) -> found(rs, digest))
			.list();
		if (found.isEmpty()) {
			// the other claim's row expired and was purged between our insert and this read: claim afresh
			return claim(userId, key, digest, method, path);
		}
		return found.get(0);
	}

	/** Records the answer of a request that {@link Claimed} its key, in the same transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void answer(long userId, String key, StoredAnswer answer) {
		jdbc.sql("""
				update idempotency_keys set answer_status = ?, answer_headers = ?::jsonb, answer_body = ?
				where user_id = ? and idempotency_key = ?""")
			.params(answer.status(), json.writeValueAsString(answer.headers()), answer.body(), userId, key)
			.update();
	}

	/** Deletes the keys that expired, a bounded batch at a time; answers how many went. */
	@Transactional
	public int purgeExpired() {
		return jdbc.sql("""
				delete from idempotency_keys where (user_id, idempotency_key) in (
				    select user_id, idempotency_key from idempotency_keys where expires_at <= ? limit 10000)""")
			.param(Timestamp.from(clock.instant()))
			.update();
	}

	private Claim found(ResultSet rs, byte[] digest) throws SQLException {
		if (!Arrays.equals(rs.getBytes("request_digest"), digest)) {
			return new OtherRequest(rs.getString("method"), rs.getString("path"));
		}
		if (rs.getObject("answer_status") == null) {
			return new Unanswered();
		}
		return new Answered(new StoredAnswer(rs.getInt("answer_status"), headers(rs.getString("headers")),
				rs.getBytes("answer_body")));
	}

	private Map<String, String> headers(@Nullable String text) {
		return text == null ? Map.of() : json.readValue(text, HEADERS);
	}
}

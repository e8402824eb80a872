package com.numberops.portal.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The api_tokens table; {@link ApiTokens} holds the rules. */
@Repository
class ApiTokenTable {

	private static final String ROW = """
			select t.id, t.name, t.hint, t.user_id, u.username, u.display_name, t.created_at, t.expires_at,
			       t.last_used_at, t.revoked_at
			from api_tokens t join users u on u.id = t.user_id
			""";

	private final JdbcClient jdbc;

	ApiTokenTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What authenticating a request needs of its token. */
	record Presented(long id, long userId, String name, Instant expiresAt, @Nullable Instant revokedAt,
			@Nullable Instant lastUsedAt) {
	}

	/** A stored row with its owner's names; the state is the service's to tell. */
	record Stored(long id, String name, String hint, long ownerId, String ownerUsername, String ownerName,
			Instant createdAt, Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {
	}

	long insert(long userId, String name, byte[] digest, String hint, Instant createdAt, Instant expiresAt) {
		return jdbc.sql("""
				insert into api_tokens (user_id, name, token_digest, hint, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?) returning id
				""")
			.params(userId, name, digest, hint, Timestamp.from(createdAt), Timestamp.from(expiresAt))
			.query(Long.class)
			.single();
	}

	Optional<Presented> findByDigest(byte[] digest) {
		return jdbc.sql("""
				select id, user_id, name, expires_at, revoked_at, last_used_at from api_tokens where token_digest = ?
				""")
			.param(digest)
			.query((rs, n) -> new Presented(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"),
					instant(rs, "expires_at"), nullableInstant(rs, "revoked_at"), nullableInstant(rs, "last_used_at")))
			.optional();
	}

	/** Notes a use no more than once per {@code since}: not a write per request for a busy client. */
	void touch(long id, Instant now, Instant since) {
		jdbc.sql("update api_tokens set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
			.params(Timestamp.from(now), id, Timestamp.from(since))
			.update();
	}

	/** Revokes once: the first revocation's time and admin stay. */
	void revoke(long id, long actorId, Instant now) {
		jdbc.sql("update api_tokens set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
			.params(Timestamp.from(now), actorId, id)
			.update();
	}

	Optional<Stored> find(long id) {
		return jdbc.sql(ROW + " where t.id = ?").param(id).query(ApiTokenTable::stored).optional();
	}

	List<Stored> ofUser(long userId) {
		return jdbc.sql(ROW + " where t.user_id = ? order by t.created_at desc, t.id desc")
			.param(userId)
			.query(ApiTokenTable::stored)
			.list();
	}

	/** Every user's, newest first, with each owner's teams to check the admin's scope against. */
	List<StoredWithTeams> all() {
		return jdbc.sql(ROW.replace("from api_tokens", """
				, coalesce((select array_agg(ut.team_id) from user_teams ut where ut.user_id = t.user_id), '{}') as team_ids
				from api_tokens""") + " order by t.created_at desc, t.id desc")
			.query((rs, n) -> new StoredWithTeams(stored(rs, n), teamIds(rs)))
			.list();
	}

	record StoredWithTeams(Stored token, Set<Long> ownerTeamIds) {
	}

	private static Set<Long> teamIds(ResultSet rs) throws SQLException {
		Long[] ids = (Long[]) rs.getArray("team_ids").getArray();
		return Set.of(ids);
	}

	private static Stored stored(ResultSet rs, int n) throws SQLException {
		return new Stored(rs.getLong("id"), rs.getString("name"), rs.getString("hint"), rs.getLong("user_id"),
				rs.getString("username"), rs.getString("display_name"), instant(rs, "created_at"),
				instant(rs, "expires_at"), nullableInstant(rs, "last_used_at"), nullableInstant(rs, "revoked_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}

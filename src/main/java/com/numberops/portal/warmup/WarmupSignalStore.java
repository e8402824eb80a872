package com.numberops.portal.warmup;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.numberops.portal.numbers.Viewer;

/** The delivery reports (warmup_signal_reports): one row per number, channel and UTC day. */
@Component
class WarmupSignalStore {

	/** What storing one day's counts did. */
	enum Stored {
		CREATED, REPLACED, UNCHANGED
	}

	/** A reported number as the service finds it: by id or by E.164, in the reporter's teams. */
	record Target(long id, String number, boolean sandbox) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	WarmupSignalStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The numbers with these ids or these E.164 numbers that this viewer may see. */
	List<Target> find(Viewer viewer, Collection<Long> ids, Collection<String> numbers) {
		MapSqlParameterSource params = new MapSqlParameterSource("ids", ids.toArray(Long[]::new))
			.addValue("numbers", numbers.toArray(String[]::new));
		String scope = viewer.condition(params);
		return jdbc.query("""
				select p.id, p.number, a.mode
				from phone_numbers p join provider_accounts a on a.id = p.provider_account_id
				where (p.id = any(:ids) or p.number = any(:numbers)) and %s""".formatted(scope), params,
				(rs, i) -> new Target(rs.getLong("id"), rs.getString("number"), "SANDBOX".equals(rs.getString("mode"))));
	}

	/** Whether the number is on a sandbox account (empty: no such number). */
	Optional<Boolean> sandbox(long id) {
		return jdbc.query("""
				select a.mode from phone_numbers p join provider_accounts a on a.id = p.provider_account_id
				where p.id = :id""", new MapSqlParameterSource("id", id), (rs, i) -> "SANDBOX".equals(rs.getString("mode")))
			.stream()
			.findFirst();
	}

	/**
	 * Stores one day's counts, replacing what was reported for that number, channel and day before.
	 * Identical counts write nothing at all: the first report's who and when stay, nothing moves.
	 */
	Stored put(long numberId, DailyCounts counts, @Nullable Long userId, String by, Instant at) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", numberId).addValue("channel", counts.channel().name())
			.addValue("day", Date.valueOf(counts.day()))
			.addValue("attempted", counts.attempted())
			.addValue("succeeded", counts.succeeded())
			.addValue("rejected", counts.carrierRejected())
			.addValue("optOuts", counts.optOuts())
			.addValue("spam", counts.flaggedSpam())
			.addValue("userId", userId)
			.addValue("by", by)
			.addValue("at", Timestamp.from(at));
		List<Boolean> written = jdbc.queryForList("""
				insert into warmup_signal_reports as r (phone_number_id, channel, day, attempted, succeeded, carrier_rejected,
				    opt_outs, flagged_spam, reported_by_user_id, reported_by, reported_at)
				values (:id, :channel, :day, :attempted, :succeeded, :rejected, :optOuts, :spam, :userId, :by, :at)
				on conflict (phone_number_id, channel, day) do update
				set attempted = excluded.attempted, succeeded = excluded.succeeded, carrier_rejected = excluded.carrier_rejected,
				    opt_outs = excluded.opt_outs, flagged_spam = excluded.flagged_spam,
				    reported_by_user_id = excluded.reported_by_user_id, reported_by = excluded.reported_by,
				    reported_at = excluded.reported_at
				where (r.attempted, r.succeeded, r.carrier_rejected, r.opt_outs, r.flagged_spam)
				      is distinct from (excluded.attempted, excluded.succeeded, excluded.carrier_rejected, excluded.opt_outs,
				                        excluded.flagged_spam)
				returning (xmax = 0)""", params, Boolean.class);
		if (written.isEmpty()) {
			return Stored.UNCHANGED;
		}
		return Boolean.TRUE.equals(written.get(0)) ? Stored.CREATED : Stored.REPLACED;
	}

	/** The newest report of the number's channel not after {@code today}, whatever its age. */
	Optional<DailyCounts> latest(long numberId, Channel channel, LocalDate today) {
		return jdbc.query("""
				select channel, day, attempted, succeeded, carrier_rejected, opt_outs, flagged_spam
				from warmup_signal_reports
				where phone_number_id = :id and channel = :channel and day <= :today
				order by day desc limit 1""", new MapSqlParameterSource("id", numberId).addValue("channel", channel.name())
			.addValue("today", Date.valueOf(today)), WarmupSignalStore::counts).stream().findFirst();
	}

	private static DailyCounts counts(ResultSet rs, int i) throws SQLException {
		return new DailyCounts(Channel.valueOf(rs.getString("channel")), rs.getDate("day").toLocalDate(),
				rs.getInt("attempted"), rs.getInt("succeeded"), (Integer) rs.getObject("carrier_rejected"),
				(Integer) rs.getObject("opt_outs"), (Integer) rs.getObject("flagged_spam"));
	}
}

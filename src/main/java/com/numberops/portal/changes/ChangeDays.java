package com.numberops.portal.changes;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.numbers.Viewer;

/**
 * Changes per UTC day, team and outcome, maintained by triggers on {@code pending_changes}
 * (db/migration/V23__change_days.sql): a base table and the deltas appended since its last fold.
 * A read sums both in one statement, so it is exact whatever commits meanwhile; {@link #fold}
 * keeps the deltas few.
 */
@Service
public class ChangeDays {

	/** The outcome of changes still on their way (pending, in progress, waiting for the provider). */
	public static final String OPEN = "OPEN";

	private final NamedParameterJdbcTemplate jdbc;

	ChangeDays(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Changes asked for on each day from {@code from}, by outcome (a settled {@link ChangeState}'s
	 * name, or {@link #OPEN} while on their way), for the teams the viewer sees: the team each change was
	 * made for, so a number that moves on leaves its changes with the team that made them.
	 */
	@Transactional(readOnly = true)
	public Map<LocalDate, Map<String, Long>> outcomesByDay(Viewer viewer, LocalDate from) {
		MapSqlParameterSource params = new MapSqlParameterSource("from", Date.valueOf(from));
		String scope = viewer.condition(params);
		Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
		jdbc.query("""
				select day, outcome, sum(changes)
				from (select day, team_id, outcome, changes from change_days where day >= :from
				      union all
				      select day, team_id, outcome, changes from change_day_deltas where day >= :from) p
				where %s
				group by 1, 2 having sum(changes) <> 0""".formatted(scope), params,
				(RowCallbackHandler) rs -> days.computeIfAbsent(rs.getDate(1).toLocalDate(), day -> new TreeMap<>())
					.put(rs.getString(2), rs.getLong(3)));
		return days;
	}

	/**
	 * Moves the deltas into the base in one transaction (a read sums the same before and after);
	 * deltas of transactions still open stay for the next fold. Answers how many were folded.
	 */
	@Transactional
	public int fold() {
		MapSqlParameterSource none = new MapSqlParameterSource();
		int folded = jdbc.update("""
				with moved as (delete from change_day_deltas returning day, team_id, outcome, changes)
				insert into change_days (day, team_id, outcome, changes)
				select day, team_id, outcome, sum(changes) from moved group by 1, 2, 3
				on conflict on constraint change_days_group do update set changes = change_days.changes + excluded.changes""",
				none);
		jdbc.update("delete from change_days where changes = 0", none);
		return folded;
	}
}

package com.numberops.portal.dashboard;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.changes.ChangeDays;
import com.numberops.portal.numbers.FleetCounts;
import com.numberops.portal.numbers.Viewer;

/**
 * The dashboard's trends: a daily snapshot of the fleet's counts per team ({@code fleet_days}),
 * taken by a daily job and at the end of every full sync ({@link TrendSnapshots}); an upsert, so
 * the day's last snapshot is the day's figure. Per team, so a team-limited viewer's trend sums its
 * own teams. Days are UTC days. Today is the live count, not a snapshot.
 */
@Service
public class Trends {

	private final NamedParameterJdbcTemplate jdbc;

	private final FleetCounts counts;

	private final ChangeDays changes;

	private final Clock clock;

	Trends(NamedParameterJdbcTemplate jdbc, FleetCounts counts, ChangeDays changes, Clock clock) {
		this.jdbc = jdbc;
		this.counts = counts;
		this.changes = changes;
		this.clock = clock;
	}

	/** The last {@code days} UTC days up to today, oldest first, as this viewer may see them. */
	@Transactional(readOnly = true)
	public List<DailyFigures> lastDays(Viewer viewer, int days) {
		if (days < 1 || days > 366) {
			throw new IllegalArgumentException("Between 1 and 366 days, not " + days);
		}
		LocalDate today = today();
		LocalDate from = today.minusDays(days - 1L);
		MapSqlParameterSource params = new MapSqlParameterSource("from", Date.valueOf(from));
		String scope = viewer.condition(params);
		Map<LocalDate, DayCounts> snapshots = new HashMap<>();
		jdbc.query("""
				select day, sum(total), sum(ready), sum(failing), sum(warming), sum(warmed)
				from fleet_days p where day >= :from and %s group by day""".formatted(scope), params,
				(RowCallbackHandler) rs -> snapshots.put(rs.getDate(1).toLocalDate(),
						new DayCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6))));
		snapshots.put(today, DayCounts.of(counts.fleet(viewer)));
		Map<LocalDate, FleetCounts.Flow> flows = counts.flows(viewer, from);
		Map<LocalDate, Map<String, Long>> outcomes = changes.outcomesByDay(viewer, from);
		List<DailyFigures> figures = new ArrayList<>(days);
		for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
			DayCounts measured = snapshots.get(day);
			DayCounts shown = measured == null ? DayCounts.NONE : measured;
			FleetCounts.Flow flow = flows.getOrDefault(day, new FleetCounts.Flow(0, 0));
			figures.add(new DailyFigures(day, shown.total(), shown.ready(), shown.failing(), shown.warming(), shown.warmed(),
					flow.added(), flow.released(), Map.copyOf(outcomes.getOrDefault(day, Map.of())), measured != null));
		}
		return figures;
	}

	/** Today's counts per team into {@code fleet_days} (again: the day's last snapshot wins). */
	@Transactional
	public LocalDate snapshot() {
		LocalDate today = today();
		Timestamp now = Timestamp.from(clock.instant());
		Map<@Nullable Long, DayCounts> perTeam = new HashMap<>();
		counts.fleetPerTeam().forEach((team, fleet) -> perTeam.put(team, DayCounts.of(fleet)));
		// a team whose numbers all left today counts 0 today, not its last figure
		jdbc.update("delete from fleet_days where day = :day", new MapSqlParameterSource("day", Date.valueOf(today)));
		List<MapSqlParameterSource> rows = new ArrayList<>();
		perTeam.forEach((team, day) -> rows.add(new MapSqlParameterSource("day", Date.valueOf(today)).addValue("team", team)
			.addValue("total", day.total())
			.addValue("ready", day.ready())
			.addValue("failing", day.failing())
			.addValue("warming", day.warming())
			.addValue("warmed", day.warmed())
			.addValue("at", now)));
		jdbc.batchUpdate("""
				insert into fleet_days (day, team_id, total, ready, failing, warming, warmed, taken_at)
				values (:day, :team, :total, :ready, :failing, :warming, :warmed, :at)
				on conflict on constraint fleet_days_group do update set total = excluded.total, ready = excluded.ready,
				    failing = excluded.failing, warming = excluded.warming, warmed = excluded.warmed, taken_at = excluded.taken_at""",
				rows.toArray(MapSqlParameterSource[]::new));
		return today;
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}
}

package com.numberops.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.sync.SyncTrigger;

/**
 * The trends on Postgres: the daily snapshot per team (by the job's method and at the end of a
 * full sync, an upsert of the day), and the last days as a team-limited viewer sees them: its own
 * teams' snapshots, numbers added and released, changes by outcome; today live.
 */
class TrendsTests extends PortalIntegrationTest {

	@Autowired
	Trends trends;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MirrorSync sync;

	@Autowired
	ProviderAccounts accounts;

	long account;

	long team;

	long otherTeam;

	Viewer teamViewer;

	LocalDate today;

	@BeforeEach
	void ownTeams() {
		String ref = "trends-" + UUID.randomUUID();
		account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode) values ('SINCH', ?, 'Trends', 'SANDBOX')
				returning id""", Long.class, ref);
		team = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "T-" + ref);
		otherTeam = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "U-" + ref);
		teamViewer = new Viewer(98, Set.of(team));
		today = trends.today();
	}

	/** Ten numbers: 3 Ready for SMS, 1 Ready for voice, 2 Failed, 1 Restricted; 2 warming, 1 needing attention, 2 healthy, 1 ready. */
	private List<Long> tenNumbers(long teamId, String prefix) {
		String[] states = { "Ready for SMS", "Ready for SMS", "Ready for SMS", "Ready for voice", "Failed", "Failed",
				"Restricted", "Available", "Available", "Available" };
		String[] warmup = { "Warming", "Warming", "Needs Attention", "Healthy", "Healthy", "Ready", null, null, null, null };
		List<Long> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 10; i++) {
			ids.add(jdbc.queryForObject("""
					insert into phone_numbers (number, provider_account_id, provider, provider_phone_number_id, team_id,
					    inventory_state, warmup_state)
					values (?, ?, 'SINCH', ?, ?, ?, ?) returning id""", Long.class, prefix + String.format("%04d", i),
					account, prefix + account + "-" + i, teamId, states[i], warmup[i]));
		}
		return ids;
	}

	@Test
	void aSnapshotKeepsEachTeamsCountsOfTheDayAndTakingItAgainReplacesThem() {
		tenNumbers(team, "+1503555");
		assertThat(trends.snapshot()).isEqualTo(today);
		Map<String, Object> row = jdbc.queryForMap("select * from fleet_days where day = ? and team_id = ?",
				Date.valueOf(today), team);
		assertThat(row).containsEntry("total", 10L)
			.containsEntry("ready", 4L)
			.containsEntry("failing", 3L)
			.containsEntry("warming", 3L)
			.containsEntry("warmed", 3L);
		jdbc.update("update phone_numbers set inventory_state = 'Suspended' where team_id = ? and inventory_state = 'Available'", team);
		trends.snapshot();
		assertThat(jdbc.queryForObject("select count(*) from fleet_days where day = ? and team_id = ?", Integer.class,
				Date.valueOf(today), team)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select failing from fleet_days where day = ? and team_id = ?", Long.class,
				Date.valueOf(today), team)).isEqualTo(6L);
		// a team whose numbers all left counts nothing today, rather than keeping its last figure
		jdbc.update("update phone_numbers set team_id = ? where team_id = ?", otherTeam, team);
		trends.snapshot();
		assertThat(jdbc.queryForList("select total from fleet_days where day = ? and team_id = ?", Long.class,
				Date.valueOf(today), team)).isEmpty();
		assertThat(jdbc.queryForObject("select total from fleet_days where day = ? and team_id = ?", Long.class,
				Date.valueOf(today), otherTeam)).isEqualTo(10L);
	}

	@Test
	void theLastDaysAreATeamsOwnOldestFirstWithTodayLive() {
		List<Long> mine = tenNumbers(team, "+1971555");
		tenNumbers(otherTeam, "+1971556");
		LocalDate twoDaysAgo = today.minusDays(2);
		// earlier days as the daily job left them: one for each team
		for (long teamId : List.of(team, otherTeam)) {
			jdbc.update("""
					insert into fleet_days (day, team_id, total, ready, failing, warming, warmed, taken_at)
					values (?, ?, 7, 2, 1, 3, 0, now())""", Date.valueOf(twoDaysAgo), teamId);
		}
		// a release today, and changes asked for today and two days ago
		jdbc.update("update phone_numbers set inventory_state = 'Released' where id = ?", mine.get(9));
		jdbc.update("insert into pending_changes (phone_number_id, kind, fields, payload, state) values (?, 'RENAME', array['name'], '{}', 'SUCCEEDED')",
				mine.get(0));
		jdbc.update("insert into pending_changes (phone_number_id, kind, fields, payload, state) values (?, 'RENAME', array['name'], '{}', 'FAILED')",
				mine.get(1));
		jdbc.update("insert into pending_changes (phone_number_id, kind, fields, payload, state) values (?, 'RENAME', array['name'], '{}', 'PENDING')",
				mine.get(2));
		jdbc.update("""
				insert into pending_changes (phone_number_id, kind, fields, payload, state, created_at)
				values (?, 'RENAME', array['name'], '{}', 'SUCCEEDED', ?)""", mine.get(3),
				Timestamp.from(today.minusDays(2).atStartOfDay(ZoneOffset.UTC).plus(3, ChronoUnit.HOURS).toInstant()));

		List<DailyFigures> days = trends.lastDays(teamViewer, 30);

		assertThat(days).hasSize(30);
		assertThat(days).extracting(DailyFigures::day).isSorted().endsWith(today).startsWith(today.minusDays(29));
		DailyFigures now = days.get(29);
		assertThat(now.measured()).isTrue();
		assertThat(now.total()).isEqualTo(10);
		assertThat(now.ready()).isEqualTo(4);
		assertThat(now.failing()).isEqualTo(3);
		assertThat(now.warming()).isEqualTo(3);
		assertThat(now.warmed()).isEqualTo(3);
		assertThat(now.added()).isEqualTo(10);
		assertThat(now.released()).isEqualTo(1);
		assertThat(now.changesByOutcome()).containsEntry("SUCCEEDED", 1L).containsEntry("FAILED", 1L).containsEntry("OPEN", 1L);
		DailyFigures before = days.get(27);
		assertThat(before.day()).isEqualTo(twoDaysAgo);
		assertThat(before.measured()).isTrue();
		assertThat(before.total()).as("its own team's snapshot only").isEqualTo(7);
		assertThat(before.warming()).isEqualTo(3);
		assertThat(before.changesByOutcome()).containsExactly(Map.entry("SUCCEEDED", 1L));
		assertThat(days.get(28).measured()).as("no snapshot that day").isFalse();
		assertThat(days.get(28).total()).isZero();

		List<DailyFigures> both = trends.lastDays(new Viewer(98, Set.of(team, otherTeam)), 3);
		assertThat(both).hasSize(3);
		assertThat(both.get(0).total()).isEqualTo(14);
		assertThat(both.get(2).total()).isEqualTo(20);
		assertThat(both.get(2).added()).isEqualTo(20);
	}

	@Test
	void aChangeStaysWithTheTeamItWasMadeForWhenItsNumberMovesOn() {
		List<Long> mine = tenNumbers(team, "+1971557");
		jdbc.update("insert into pending_changes (phone_number_id, kind, fields, payload, state) values (?, 'RENAME', array['name'], '{}', 'FAILED')",
				mine.get(0));
		jdbc.update("update phone_numbers set team_id = ? where id = ?", otherTeam, mine.get(0));
		jdbc.update("insert into pending_changes (phone_number_id, kind, fields, payload, state) values (?, 'RENAME', array['name'], '{}', 'SUCCEEDED')",
				mine.get(0));

		assertThat(trends.lastDays(teamViewer, 1).get(0).changesByOutcome()).containsExactly(Map.entry("FAILED", 1L));
		assertThat(trends.lastDays(new Viewer(98, Set.of(otherTeam)), 1).get(0).changesByOutcome())
			.containsExactly(Map.entry("SUCCEEDED", 1L));
	}

	@Test
	void aFullSyncEndsWithTheDaysSnapshot() {
		jdbc.update("delete from fleet_days where day = ?", Date.valueOf(today));
		long flowroute = accounts.all().stream().filter(a -> a.provider() == ProviderKind.FLOWROUTE).findFirst().orElseThrow().id();
		sync.syncAccount(flowroute, SyncTrigger.MANUAL, "trends-test").orElseThrow();
		Long total = jdbc.queryForObject("select sum(total) from fleet_days where day = ?", Long.class, Date.valueOf(today));
		assertThat(total).isEqualTo(jdbc.queryForObject("select count(*) from phone_numbers", Long.class));
	}
}

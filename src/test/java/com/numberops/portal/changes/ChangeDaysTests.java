package com.numberops.portal.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.SignedIn;
import com.numberops.portal.users.PortalPrincipal;

/**
 * Changes per day, team and outcome, maintained by V23's triggers, on Postgres. Exactness: after
 * every kind of write to the outbox (an edit through the service, multi-row inserts and updates,
 * updates that move no group, a team-less change, deletes by the number's cascade, folds) the base
 * and the deltas sum, in one statement, to what a fresh GROUP BY of the whole table counts. The
 * figures themselves are checked on this test's own teams.
 */
class ChangeDaysTests extends PortalIntegrationTest {

	@Autowired
	ChangeDays days;

	@Autowired
	NumberEdits edits;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	long account;

	long team;

	long otherTeam;

	LocalDate today;

	@BeforeEach
	void ownTeams() {
		String ref = "change-days-" + UUID.randomUUID();
		account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode) values ('SINCH', ?, 'Change days', 'SANDBOX')
				returning id""", Long.class, ref);
		team = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "T-" + ref);
		otherTeam = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "U-" + ref);
		today = LocalDate.now(ZoneOffset.UTC);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private List<Long> numbers(long teamId, int count) {
		return jdbc.queryForList("""
				insert into phone_numbers (number, provider_account_id, provider, provider_phone_number_id, team_id, inventory_state)
				select '+1557' || lpad((floor(random() * 10000000))::text, 7, '0'), ?, 'SINCH', 'cd-' || gen_random_uuid(), ?, 'Available'
				from generate_series(1, ?) returning id""", Long.class, account, teamId, count);
	}

	/** Four changes a number, asked for today and two days ago, in one multi-row statement. */
	private void changes(List<Long> numbers) {
		jdbc.update("""
				insert into pending_changes (phone_number_id, kind, fields, payload, state, created_at)
				select n, 'RENAME', array['name'], '{}', s.state, now() - s.ago * interval '1 day'
				from unnest(?::bigint[]) n
				cross join (values ('SUCCEEDED', 0), ('FAILED', 0), ('PENDING', 0), ('SUCCEEDED', 2)) s(state, ago)""",
				(Object) numbers.toArray(Long[]::new));
	}

	@Test
	void everyWriteToTheOutboxKeepsTheCountsExact() {
		assertExact();
		List<Long> mine = numbers(team, 3);
		List<Long> theirs = numbers(otherTeam, 2);
		changes(mine);
		changes(theirs);
		assertExact();
		Viewer viewer = new Viewer(97, Set.of(team));
		assertThat(days.outcomesByDay(viewer, today.minusDays(29)))
			.isEqualTo(Map.of(today, Map.of("SUCCEEDED", 3L, "FAILED", 3L, ChangeDays.OPEN, 3L), today.minusDays(2),
					Map.of("SUCCEEDED", 3L)));

		// settling the open ones, in one statement, and an update that moves no group
		jdbc.update("update pending_changes set state = 'IN_PROGRESS' where phone_number_id = any(?) and state = 'PENDING'",
				(Object) mine.toArray(Long[]::new));
		long deltasBefore = jdbc.queryForObject("select count(*) from change_day_deltas", Long.class);
		jdbc.update("update pending_changes set attempts = attempts + 1 where phone_number_id = any(?)",
				(Object) mine.toArray(Long[]::new));
		assertThat(jdbc.queryForObject("select count(*) from change_day_deltas", Long.class))
			.as("an update that moves no change to another outcome appends nothing").isEqualTo(deltasBefore);
		jdbc.update("""
				update pending_changes set state = case when phone_number_id = ? then 'PARTIAL' else 'SUCCEEDED' end
				where phone_number_id = any(?) and state = 'IN_PROGRESS'""", mine.get(0), mine.toArray(Long[]::new));
		assertExact();
		assertThat(days.outcomesByDay(viewer, today.minusDays(29)).get(today))
			.isEqualTo(Map.of("SUCCEEDED", 5L, "FAILED", 3L, "PARTIAL", 1L));

		days.fold();
		assertExact();
		assertThat(days.outcomesByDay(viewer, today.minusDays(29)).get(today)).as("the same after a fold")
			.isEqualTo(Map.of("SUCCEEDED", 5L, "FAILED", 3L, "PARTIAL", 1L));
		assertThat(days.outcomesByDay(viewer, today.minusDays(1))).as("from yesterday on").containsOnlyKeys(today);

		// a number deleted takes its changes with it (the foreign key's cascade)
		jdbc.update("delete from phone_numbers where id = ?", mine.get(1));
		assertExact();
		assertThat(days.outcomesByDay(viewer, today.minusDays(29)).get(today))
			.isEqualTo(Map.of("SUCCEEDED", 3L, "FAILED", 2L, "PARTIAL", 1L));

		// a number of no team: its changes count for those who see every team only
		List<Long> teamless = jdbc.queryForList("""
				insert into phone_numbers (number, provider_account_id, provider, provider_phone_number_id, inventory_state)
				values ('+15570000001', ?, 'SINCH', ?, 'Available') returning id""", Long.class, account, "cd-" + UUID.randomUUID());
		changes(teamless);
		assertExact();
		assertThat(days.outcomesByDay(viewer, today.minusDays(29)).get(today)).containsEntry("SUCCEEDED", 3L);
		days.fold();
		jdbc.update("delete from phone_numbers where id = any(?)", (Object) theirs.toArray(Long[]::new));
		jdbc.update("delete from phone_numbers where id = any(?)", (Object) teamless.toArray(Long[]::new));
		assertExact();
	}

	@Test
	void anEditThroughTheServiceIsCountedForItsTeamTheDayItIsAskedFor() {
		long number = numbers(team, 1).get(0);
		PortalPrincipal operator = SignedIn.as(users, "operator");
		Change change = SignedIn.during(operator,
				() -> edits.submit(operator, number, new Edit.Rename("Change days " + number), null, null));
		assertExact();
		Map<String, Long> todays = days.outcomesByDay(new Viewer(97, Set.of(team)), today).get(today);
		// the outbox may already be working on it: counted once, whatever its state
		assertThat(todays.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
		assertThat(change.id()).isPositive();
	}

	/**
	 * Base and deltas minus a fresh GROUP BY of the whole outbox, in one statement (one snapshot):
	 * nothing is left when the counts are exact.
	 */
	private void assertExact() {
		List<Map<String, Object>> drift = jdbc.queryForList("""
				select day, team_id, outcome, sum(changes) as drift
				from (select day, team_id, outcome, changes from change_days
				      union all select day, team_id, outcome, changes from change_day_deltas
				      union all select (created_at at time zone 'UTC')::date, team_id,
				                       case when state in ('PENDING', 'IN_PROGRESS', 'WAITING_FOR_PROVIDER') then 'OPEN' else state end,
				                       -count(*)
				                from pending_changes group by 1, 2, 3) c
				group by 1, 2, 3 having sum(changes) <> 0""");
		assertThat(drift).as("changes per day against a fresh GROUP BY").isEmpty();
	}
}

package com.numberops.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProvisioningErrors;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.SignedIn;
import com.numberops.portal.users.NewUser;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Role;
import com.numberops.portal.users.UserAdministration;

/**
 * "Needs attention today" on Postgres, as each role of a team sees it: one concern per thing that
 * needs doing, in the order of urgency, each counting exactly the team's items with a link to the
 * page that lists them and the newest five; approvals for admins only; nothing of another team.
 * The test's people are limited to its own teams, so numbers of other tests never count. Sync
 * problems are the fleet's (every test's), so the team assertions leave them out.
 */
class NeedsAttentionTests extends PortalIntegrationTest {

	@Autowired
	NeedsAttention attention;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UserAdministration administration;

	@Autowired
	ProviderAccounts accounts;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	long account;

	long team;

	long otherTeam;

	int numbers;

	final List<Long> syncRuns = new ArrayList<>();

	@BeforeEach
	void twoTeams() {
		account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode)
				values ('SINCH', ?, 'Attention test', 'SANDBOX') returning id""", Long.class, "attention-" + tag);
		team = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "Attention " + tag);
		otherTeam = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "Other " + tag);
	}

	@AfterEach
	void cleanUp() {
		syncRuns.forEach(id -> jdbc.update("delete from sync_runs where id = ?", id));
		SecurityContextHolder.clearContext();
	}

	/** A number of a team, with these columns set (SQL assignments), changed this long ago. */
	long number(long teamId, String assignments, String changedAgo) {
		numbers++;
		String e164 = "+1415" + String.format("%07d", Math.floorMod((tag + numbers).hashCode(), 9_000_000) + 1_000_000);
		long id = jdbc.queryForObject("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, team_id, cap_sms, cap_voice)
				values (?, ?, 'US', 'LOCAL', ?, 'SINCH', ?, ?, true, true) returning id""", Long.class, e164,
				"Line " + numbers, account, tag + "-" + numbers, teamId);
		jdbc.update("update phone_numbers set " + assignments + ", modified_at = now() - cast(? as interval) where id = ?",
				changedAgo, id);
		return id;
	}

	long failing(long teamId, String codes, String changedAgo) {
		return number(teamId, "sms_provisioning_status = 'FAILED', sms_provisioning_error_codes = '" + codes + "'", changedAgo);
	}

	long change(long numberId, String kind, String state, String createdAgo) {
		return jdbc.queryForObject("""
				insert into pending_changes (phone_number_id, kind, fields, payload, state, summary, provider, provider_code,
				    requested_by, created_at, updated_at)
				values (?, ?, '{}', '{}', ?, ?, 'SINCH', ?, 'Attention test', now() - cast(? as interval), now())
				returning id""", Long.class, numberId, kind, state, kind + " " + state,
				state.equals("FAILED") ? "INVALID_ARGUMENT" : null, createdAgo);
	}

	PortalPrincipal person(Role role, long teamId) {
		String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
		SignedIn.during((PortalPrincipal) users.loadUserByUsername("admin"), () -> administration
			.create(new NewUser(username, role.label() + " " + tag, role, "long-enough-1", Set.of(teamId))));
		return (PortalPrincipal) users.loadUserByUsername(username);
	}

	/** The person's worklist as a request of theirs reads it (signed in on the thread). */
	Worklist today(PortalPrincipal person) {
		return SignedIn.during(person, () -> attention.today(person));
	}

	static List<Concern> teamConcerns(Worklist worklist) {
		return worklist.concerns().stream().filter(concern -> !concern.key().startsWith("sync-")).toList();
	}

	static Concern concern(Worklist worklist, String key) {
		return worklist.concerns().stream().filter(concern -> concern.key().equals(key)).findFirst().orElseThrow(
				() -> new AssertionError("no concern " + key + " in " + worklist.concerns().stream().map(Concern::key).toList()));
	}

	/** One of everything, for the team; and one failure for the other team. */
	void aTeamWithOneOfEverything() {
		failing(team, "{CAMPAIGN_NOT_AVAILABLE}", "3 hours");
		failing(team, "{CAMPAIGN_NOT_AVAILABLE}", "1 hour");
		failing(team, "{EXCEEDED_10DLC_LIMIT}", "2 hours");
		failing(otherTeam, "{CAMPAIGN_NOT_AVAILABLE}", "1 minute");
		long plain = number(team, "name = 'Plain line'", "1 day");
		change(plain, "RENAME", "FAILED", "10 minutes");
		change(plain, "MESSAGING", "PARTIAL", "20 minutes");
		change(plain, "CNAM_LOOKUPS", "PENDING", "2 hours");
		number(team, "provider_release_scheduled_at = now() + interval '10 hours', provider_release_reason = 'Customer left'", "1 hour");
		number(team, "provider_missing_since = now() - interval '2 days'", "2 days");
		number(team, "warmup_state = 'Blocked', warmup_pause_reason = 'Number disabled'", "30 minutes");
		long drifted = number(team, "sms_service_plan_id = 'sp-z'", "1 hour");
		jdbc.update("""
				insert into number_events (phone_number_id, type, title, field, before_value, after_value, source, created_at)
				values (?, 'PROVIDER_CHANGED', 'SMS service plan changed at Sinch', 'sms_service_plan_id', 'sp-a', 'sp-z',
				        'PROVIDER_SYNC', now() - interval '1 hour')""", drifted);
		long overridden = number(team, "name = 'Override me'", "1 hour");
		jdbc.update("""
				insert into override_requests (phone_number_id, requested_enabled, reason, requested_by, requested_at)
				values (?, false, 'Spam complaints', 'Operator', now() - interval '2 hours')""", overridden);
	}

	@Test
	void aTeamViewerSeesEachConcernOfTheirTeamInTheOrderOfUrgency() {
		aTeamWithOneOfEverything();
		Worklist worklist = today(person(Role.VIEWER, team));
		assertThat(worklist.at()).isNotNull();
		assertThat(teamConcerns(worklist)).extracting(Concern::key).containsExactly("provisioning-CAMPAIGN_NOT_AVAILABLE",
				"provisioning-EXCEEDED_10DLC_LIMIT", "changes-failed", "changes-partial", "releases-ending", "vanished",
				"changes-overdue", "warmup-sms-blocked", "drift");
		assertThat(teamConcerns(worklist)).extracting(Concern::count).containsExactly(2L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L);
		assertThat(teamConcerns(worklist)).extracting(Concern::link).containsExactly(
				"/numbers?provisioningError=CAMPAIGN_NOT_AVAILABLE", "/numbers?provisioningError=EXCEEDED_10DLC_LIMIT",
				"/changes?state=FAILED", "/changes?state=PARTIAL", "/numbers?releaseWithin=48h", "/numbers?vanished=7d",
				"/changes?overdue=true", "/numbers?warmup=Blocked", "/numbers?drift=24h");
		assertThat(worklist.concerns()).allSatisfy(concern -> {
			assertThat(concern.count()).isPositive();
			assertThat(concern.first()).isNotEmpty().hasSizeLessThanOrEqualTo(NeedsAttention.FIRST);
			assertThat(concern.title()).isNotBlank();
			assertThat(concern.explanation()).isNotBlank();
			assertThat(concern.whatToDo()).isNotBlank();
		});

		Concern campaign = concern(worklist, "provisioning-CAMPAIGN_NOT_AVAILABLE");
		ProvisioningErrors.Explained explained = ProvisioningErrors.explain("CAMPAIGN_NOT_AVAILABLE");
		assertThat(campaign.title()).contains(explained.title(), "CAMPAIGN_NOT_AVAILABLE");
		assertThat(campaign.explanation()).isEqualTo(explained.explanation());
		assertThat(campaign.whatToDo()).isEqualTo(explained.whatToDo());
		// newest first: the one that failed an hour ago, then three hours ago
		assertThat(campaign.first()).extracting(Item::label).containsExactly(
				jdbc.queryForObject("select number || ' · ' || name from phone_numbers where provider_account_id = ? and team_id = ? and modified_at > now() - interval '90 minutes' and sms_provisioning_status = 'FAILED'", String.class, account, team),
				jdbc.queryForObject("select number || ' · ' || name from phone_numbers where provider_account_id = ? and team_id = ? and modified_at < now() - interval '150 minutes' and sms_provisioning_status = 'FAILED'", String.class, account, team));
		assertThat(campaign.first()).allSatisfy(item -> assertThat(item.link()).matches("/numbers/\\d+"));

		Item failedChange = concern(worklist, "changes-failed").first().get(0);
		assertThat(failedChange.label()).endsWith("RENAME FAILED");
		assertThat(failedChange.detail()).isEqualTo("INVALID_ARGUMENT");
		assertThat(failedChange.link()).matches("/numbers/\\d+#change-\\d+");
		assertThat(concern(worklist, "releases-ending").first().get(0).detail()).isEqualTo("Customer left");
		assertThat(concern(worklist, "warmup-sms-blocked").first().get(0).detail()).isEqualTo("Number disabled");
		assertThat(concern(worklist, "drift").first().get(0).detail()).isEqualTo("SMS service plan changed at Sinch: sp-a → sp-z");
	}

	@Test
	void onlyAdminsGetTheOverrideRequestsWaitingWithTheirAge() {
		aTeamWithOneOfEverything();
		assertThat(today(person(Role.VIEWER, team)).concerns()).extracting(Concern::key).doesNotContain("approvals-waiting");
		assertThat(today(person(Role.OPERATOR, team)).concerns()).extracting(Concern::key).doesNotContain("approvals-waiting");
		Worklist admin = today(person(Role.ADMIN, team));
		Concern approvals = concern(admin, "approvals-waiting");
		assertThat(approvals.count()).isEqualTo(1);
		assertThat(approvals.link()).isEqualTo("/approvals");
		assertThat(approvals.first()).singleElement().satisfies(item -> {
			assertThat(item.label()).endsWith("Override me");
			assertThat(item.detail()).isEqualTo("Force disabled, asked by Operator, waiting 2 hours: Spam complaints");
			assertThat(item.link()).matches("/approvals#request-\\d+");
		});
		// an admin of another team has nothing of this one to decide
		assertThat(today(person(Role.ADMIN, otherTeam)).concerns()).extracting(Concern::key).doesNotContain("approvals-waiting");
	}

	@Test
	void aViewerOfAnotherTeamSeesOnlyThatTeamsConcerns() {
		aTeamWithOneOfEverything();
		Worklist other = today(person(Role.VIEWER, otherTeam));
		assertThat(teamConcerns(other)).singleElement().satisfies(concern -> {
			assertThat(concern.key()).isEqualTo("provisioning-CAMPAIGN_NOT_AVAILABLE");
			assertThat(concern.count()).isEqualTo(1);
		});
		long emptyTeam = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "Empty " + tag);
		assertThat(teamConcerns(today(person(Role.VIEWER, emptyTeam)))).isEmpty();
	}

	@Test
	void aConcernListsItsNewestFiveAndCountsThemAll() {
		for (int i = 1; i <= 7; i++) {
			failing(team, "{INSUFFICIENT_BALANCE}", i + " hours");
		}
		Concern balance = concern(today(person(Role.VIEWER, team)), "provisioning-INSUFFICIENT_BALANCE");
		assertThat(balance.count()).isEqualTo(7);
		assertThat(balance.first()).hasSize(5);
		assertThat(balance.first()).extracting(Item::at).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(balance.first()).extracting(Item::label).allMatch(label -> label.matches("\\+1415\\d{7} · Line \\d+"));
	}

	@Test
	void aFailedSyncIsEveryonesConcernWithALinkToItsRun() {
		long accountId = accounts.all().get(0).id();
		long run = jdbc.queryForObject("""
				insert into sync_runs (provider_account_id, trigger, status, started_at, finished_at, heartbeat_at, error_message)
				values (?, 'SCHEDULED', 'FAILED', now() + interval '1 day', now(), now(), 'Carrier answered 503')
				returning id""", Long.class, accountId);
		syncRuns.add(run);
		Concern failed = concern(today(person(Role.VIEWER, otherTeam)), "sync-failed");
		assertThat(failed.link()).isEqualTo("/sync");
		assertThat(failed.first()).anySatisfy(item -> {
			assertThat(item.link()).isEqualTo("/sync#sync-run-" + run);
			assertThat(item.detail()).isEqualTo("Failed: Carrier answered 503");
		});
	}
}

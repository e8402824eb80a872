package com.numberops.portal.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.SandboxMirror;
import com.numberops.portal.support.SignedIn;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.sync.SyncRuns;
import com.numberops.portal.users.PortalPrincipal;

/**
 * Each kind of rule on Postgres, beside the failed provisioning of AlertsReachTheirChannelsTests:
 * it finds its facts through their owning module (changes failed or partly applied, warmup
 * blocked, override requests waiting longer than the rule's time, syncs failed, accounts not
 * synced for the rule's time), counts only its team's, and fires once per window however often
 * it is evaluated. Sync problems are the fleet's: those rules are of every team, and the test
 * makes a registered carrier account's runs look failed or old, then puts them back.
 */
class EveryRuleKindFiresOnItsFactsTests extends PortalIntegrationTest {

	@Autowired
	AlertEvaluation evaluation;

	@Autowired
	AlertAdministration administration;

	@Autowired
	UserDetailsService people;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	MirrorSync sync;

	@Autowired
	SyncRuns runs;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	long account;

	long team;

	long otherTeam;

	PortalPrincipal admin;

	long bell;

	@BeforeEach
	void twoTeams() {
		account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode)
				values ('SINCH', ?, ?, 'SANDBOX') returning id""", Long.class, "kinds-" + tag, "Kinds " + tag);
		team = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "Kinds " + tag);
		otherTeam = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "Other kinds " + tag);
		admin = (PortalPrincipal) people.loadUserByUsername("admin");
		bell = SignedIn.during(admin, () -> administration
			.createChannel(admin, new AlertInputs.Channel("Bell " + tag, ChannelKind.PORTAL, null, null))
			.id());
	}

	@AfterEach
	void stopTheRulesAndForgetTheirAlerts() {
		// the background evaluation leaves this test's facts alone from now on
		jdbc.update("update alert_rules set enabled = false where name like ?", "%" + tag);
		// the sync rules' alerts are every team's: other tests' bells must not find them
		String alerts = "select a.id from alerts a join alert_rules r on r.id = a.rule_id where r.name like ?";
		jdbc.update("delete from alert_delivery_attempts where delivery_id in (select id from alert_deliveries where alert_id in ("
				+ alerts + "))", "%" + tag);
		jdbc.update("delete from alert_deliveries where alert_id in (" + alerts + ")", "%" + tag);
		jdbc.update("delete from alerts where id in (" + alerts + ")", "%" + tag);
	}

	@Test
	void changesFailedOrPartlyAppliedInTheTeam() {
		change(number(team), "FAILED");
		change(number(team), "PARTIAL");
		change(number(otherTeam), "FAILED");
		long rule = rule(RuleKind.CHANGE_FAILED, team, 2, 60);
		long others = rule(RuleKind.CHANGE_FAILED, otherTeam, 2, 60);

		Alert alert = firesOnce(rule);
		assertThat(alert.found()).isEqualTo(2);
		assertThat(alert.link()).isEqualTo("/changes?state=FAILED");
		assertThat(alert.items()).hasSize(2).allSatisfy(item -> assertThat(item.link()).matches("/numbers/\\d+#change-\\d+"));
		assertThat(alerts(others)).as("one failed change is under the other team's threshold").isEmpty();
	}

	@Test
	void warmupBlockedInTheTeam() {
		jdbc.update("update phone_numbers set warmup_state = 'Blocked', warmup_pause_reason = 'Number disabled' where id = ?",
				number(team));
		jdbc.update("update phone_numbers set call_warmup_state = 'Blocked' where id = ?", number(team));
		jdbc.update("update phone_numbers set warmup_state = 'Blocked' where id = ?", number(otherTeam));
		long rule = rule(RuleKind.WARMUP_BLOCKED, team, 2, 60);

		Alert alert = firesOnce(rule);
		assertThat(alert.found()).isEqualTo(2);
		assertThat(alert.link()).isEqualTo("/numbers?warmup=Blocked");
		assertThat(alert.items()).hasSize(2);
	}

	@Test
	void overrideRequestsWaitingLongerThanTheRulesTime() {
		request(number(team), "3 hours");
		request(number(team), "10 minutes");
		request(number(otherTeam), "3 hours");
		long rule = rule(RuleKind.OVERRIDE_WAITING, team, 1, 60);

		Alert alert = firesOnce(rule);
		assertThat(alert.found()).as("the one waiting longer than an hour, of this team").isEqualTo(1);
		assertThat(alert.link()).isEqualTo("/approvals");
		assertThat(alert.items()).singleElement().satisfies(item -> assertThat(item.link()).startsWith("/approvals#request-"));
	}

	@Test
	void aSyncThatFailed() {
		ProviderAccount carrier = accounts.all().get(0);
		long failed = jdbc.queryForObject("""
				insert into sync_runs (provider_account_id, trigger, status, started_at, finished_at, heartbeat_at, error_message)
				values (?, 'SCHEDULED', 'FAILED', now(), now(), now(), 'HTTP 401 from the carrier') returning id""", Long.class,
				carrier.id());
		try {
			long rule = rule(RuleKind.SYNC_FAILED, null, 1, 60);
			Alert alert = firesOnce(rule);
			assertThat(alert.link()).isEqualTo("/sync");
			assertThat(alert.items()).as("the newest failure first").first()
				.satisfies(item -> assertThat(item.label()).isEqualTo(carrier.name()));
		}
		finally {
			// the account's runs as they were, for the shared mirror's other tests
			jdbc.update("delete from sync_runs where id = ?", failed);
		}
	}

	@Test
	void anAccountNotSyncedForTheRulesTime() {
		// real successful runs to age (a made-up one would tell SandboxMirror the mirror is filled)
		SandboxMirror.fill(accounts, sync, runs, jdbc, "alert-kinds-test");
		ProviderAccount carrier = accounts.all().get(0);
		String shift = "update sync_runs set started_at = started_at %1$s interval '3 hours', finished_at = finished_at %1$s interval '3 hours' "
				+ "where provider_account_id = ? and status = 'SUCCEEDED'";
		jdbc.update(shift.formatted("-"), carrier.id());
		try {
			long rule = rule(RuleKind.SYNC_STALE, null, 1, 60);
			Alert alert = firesOnce(rule);
			assertThat(alert.link()).isEqualTo("/sync");
			assertThat(alert.items()).extracting(AlertItem::label).contains(carrier.name());
		}
		finally {
			jdbc.update(shift.formatted("+"), carrier.id());
		}
	}

	/** Evaluated three times in one window: one alert, the one answered. */
	Alert firesOnce(long rule) {
		Instant now = Instant.now();
		evaluation.evaluate(now);
		evaluation.evaluate(now);
		evaluation.evaluate(now.plusSeconds(1));
		List<Alert> alerts = alerts(rule);
		assertThat(alerts).as("one alert per rule and window").hasSize(1);
		return alerts.get(0);
	}

	long number(long teamId) {
		String e164 = "+1629" + String.format("%07d", Math.floorMod(UUID.randomUUID().hashCode(), 9_000_000) + 1_000_000);
		return jdbc.queryForObject("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, team_id, cap_sms, cap_voice)
				values (?, 'Kinds line', 'US', 'LOCAL', ?, 'SINCH', ?, ?, true, true) returning id""", Long.class, e164, account,
				"kinds-" + UUID.randomUUID(), teamId);
	}

	void change(long number, String state) {
		jdbc.update("""
				insert into pending_changes (phone_number_id, kind, fields, payload, state, created_at, updated_at)
				values (?, 'RENAME', array['name'], '{"name": "New name"}', ?, now(), now())""", number, state);
	}

	void request(long number, String ago) {
		jdbc.update("""
				insert into override_requests (phone_number_id, requested_enabled, reason, requested_by, requested_at)
				values (?, true, 'Needed for a launch', 'operator', now() - cast(? as interval))""", number, ago);
	}

	long rule(RuleKind kind, @Nullable Long teamId, int threshold, int windowMinutes) {
		return SignedIn.during(admin, () -> administration.createRule(admin,
				new AlertInputs.Rule(kind + " " + tag, kind, null, threshold, windowMinutes, Set.of(bell)), teamId));
	}

	List<Alert> alerts(long rule) {
		return SignedIn.during(admin, () -> administration.recentAlerts())
			.stream()
			.filter(alert -> alert.ruleId() == rule)
			.toList();
	}
}

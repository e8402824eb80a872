package com.numberops.portal.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.numberops.portal.numbers.FlaggedNumbers.FailedWith;
import com.numberops.portal.numbers.FlaggedNumbers.Flagged;
import com.numberops.portal.numbers.FlaggedNumbers.FlaggedNumber;
import com.numberops.portal.numbers.FlaggedNumbers.Line;
import com.numberops.portal.numbers.NumberFilter.Parameter;
import com.numberops.portal.support.PortalIntegrationTest;

/**
 * The worklist's lines of numbers on Postgres: each count is exactly what the Numbers page of its
 * link lists, the first items come in the line's order, and a viewer limited to a team counts only
 * that team's numbers. The test's numbers are in two teams of its own; its viewers are limited to
 * them, so numbers of other tests never count.
 */
class FlaggedNumbersTests extends PortalIntegrationTest {

	@Autowired
	FlaggedNumbers flagged;

	@Autowired
	NumberQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	long account;

	long teamA;

	long teamB;

	Viewer both;

	Viewer onlyB;

	@BeforeEach
	void fleet() {
		String ref = "flagged-" + UUID.randomUUID();
		account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode) values ('SINCH', ?, 'Flagged test', 'SANDBOX')
				returning id""", Long.class, ref);
		teamA = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "A-" + ref);
		teamB = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "B-" + ref);
		// 30 numbers, every 3rd in team B; names on the even ones
		jdbc.update("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, team_id, cap_sms, cap_voice)
				select '+1206555' || lpad(g::text, 4, '0'), case when g % 2 = 0 then 'Line ' || g end, 'US', 'LOCAL', ?,
				       'SINCH', ? || '-' || g, case when g % 3 = 0 then ? else ? end, true, true
				from generate_series(1, 30) g""", account, ref, teamB, teamA);
		AttentionFleet.mark(jdbc, account);
		// warmup: 17 SMS blocked; 18 and 20 SMS needing attention (20 changed last); 24 call blocked
		warmup(17, "warmup_state = 'Blocked', warmup_pause_reason = 'Number disabled', modified_at = now() - interval '1 hour'");
		warmup(18, "warmup_state = 'Needs Attention', health_reason = 'Delivery rate 71%', modified_at = now() - interval '2 hours'");
		warmup(20, "warmup_state = 'Needs Attention', modified_at = now() - interval '1 hour'");
		warmup(24, "call_warmup_state = 'Blocked', call_warmup_pause_reason = 'Voice disabled'");
		both = new Viewer(99, Set.of(teamA, teamB));
		onlyB = new Viewer(98, Set.of(teamB));
	}

	void warmup(int i, String assignments) {
		jdbc.update("update phone_numbers set " + assignments + " where provider_account_id = ? and number = ?", account,
				AttentionFleet.number(i));
	}

	/** What the Numbers page lists for these parameters, for this viewer: the count to agree with. */
	long pageMatches(Viewer viewer, Map<Parameter, String> parameters) {
		Map<String, String> raw = new HashMap<>();
		parameters.forEach((parameter, value) -> raw.put(parameter.key(), value));
		NumberQueries.Request request = NumberQueries.parse(raw);
		assertThat(request.problems()).isEmpty();
		return queries.page(viewer, request).matches();
	}

	@Test
	void everyLineCountsExactlyWhatItsNumbersPageLists() {
		record Case(Map<Parameter, String> parameters, Line line, long expected, String link) {
		}
		List<Case> cases = List.of(
				new Case(Map.of(Parameter.WARMUP, "Blocked"), Line.SMS_WARMUP, 1, "/numbers?warmup=Blocked"),
				new Case(Map.of(Parameter.WARMUP, "Needs Attention"), Line.SMS_WARMUP, 2, "/numbers?warmup=Needs%20Attention"),
				new Case(Map.of(Parameter.CALL_WARMUP, "Blocked"), Line.CALL_WARMUP, 1, "/numbers?callWarmup=Blocked"),
				new Case(Map.of(Parameter.RELEASE_WITHIN, "48h"), Line.RELEASE, 2, "/numbers?releaseWithin=48h"),
				new Case(Map.of(Parameter.VANISHED, "7d"), Line.VANISHED, 2, "/numbers?vanished=7d"),
				new Case(Map.of(Parameter.DRIFT, "24h"), Line.DRIFT, 2, "/numbers?drift=24h"));
		for (Case c : cases) {
			for (Viewer viewer : List.of(both, onlyB)) {
				Flagged line = flagged.matching(viewer, c.parameters(), c.line(), 5);
				assertThat(line.count()).as(c + " for " + viewer).isEqualTo(pageMatches(viewer, c.parameters()));
				assertThat(line.first()).hasSize((int) Math.min(5, line.count()));
				assertThat(line.link()).isEqualTo(c.link());
			}
			assertThat(flagged.matching(both, c.parameters(), c.line(), 5).count()).as(c.toString()).isEqualTo(c.expected());
		}
	}

	@Test
	void failedProvisioningIsOneLinePerCodeTheLargestFirstEachItsNumbersPage() {
		List<FailedWith> lines = flagged.failedProvisioning(both, 5);
		assertThat(lines).extracting(FailedWith::code).containsExactly("CAMPAIGN_NOT_AVAILABLE", "ERROR_CODE_UNSPECIFIED",
				"EXCEEDED_10DLC_LIMIT", "VOICE_PROVISIONING_FAILED");
		assertThat(lines).extracting(line -> line.flagged().count()).containsExactly(3L, 1L, 1L, 1L);
		FailedWith campaign = lines.get(0);
		// the most recently changed first: 21 (1 h ago), 14 (3 h), 7 (4 h)
		assertThat(campaign.flagged().first()).extracting(FlaggedNumber::number)
			.containsExactly(AttentionFleet.number(21), AttentionFleet.number(14), AttentionFleet.number(7));
		assertThat(campaign.flagged().first().get(0).detail()).isEqualTo("SMS provisioning failed");
		assertThat(campaign.flagged().link()).isEqualTo("/numbers?provisioningError=CAMPAIGN_NOT_AVAILABLE");
		assertThat(lines.get(3).flagged().first().get(0).detail()).isEqualTo("Voice provisioning failed");
		for (FailedWith line : lines) {
			assertThat(line.flagged().count()).as(line.code())
				.isEqualTo(pageMatches(both, Map.of(Parameter.PROVISIONING_ERROR, line.code())));
		}
		assertThat(flagged.failedProvisioning(both, 2).get(0).flagged()).satisfies(line -> {
			assertThat(line.count()).isEqualTo(3);
			assertThat(line.first()).hasSize(2);
		});
	}

	@Test
	void aRareCodeBehindManyNewerFailuresStillShowsItsNewestNumbers() {
		// more newer failures of one code than the first pass reads, in a team of their own
		long crowd = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class,
				"Crowd-" + UUID.randomUUID());
		jdbc.update("""
				insert into phone_numbers (number, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, team_id, sms_provisioning_status, sms_provisioning_error_codes, modified_at)
				select '+1206556' || lpad(g::text, 4, '0'), 'US', 'LOCAL', ?, 'SINCH', 'crowd-' || ? || '-' || g, ?,
				       'FAILED', '{SMS_PROVISIONING_FAILED}', now() + make_interval(secs => g)
				from generate_series(1, ?) g""", account, crowd, crowd, FlaggedNumbers.NEWEST_FAILURES + 10);
		Viewer withCrowd = new Viewer(96, Set.of(teamA, teamB, crowd));
		List<FailedWith> lines = flagged.failedProvisioning(withCrowd, 5);
		assertThat(lines.get(0).code()).isEqualTo("SMS_PROVISIONING_FAILED");
		assertThat(lines.get(0).flagged().first()).extracting(FlaggedNumber::number).first()
			.isEqualTo("+12065560" + (FlaggedNumbers.NEWEST_FAILURES + 10));
		assertThat(lines.stream().filter(line -> line.code().equals("CAMPAIGN_NOT_AVAILABLE")).findFirst().orElseThrow()
			.flagged()
			.first()).extracting(FlaggedNumber::number)
			.containsExactly(AttentionFleet.number(21), AttentionFleet.number(14), AttentionFleet.number(7));
		assertThat(lines).allSatisfy(line -> assertThat(line.flagged().first()).as(line.code())
			.hasSize((int) Math.min(5, line.flagged().count())));
	}

	@Test
	void aViewerLimitedToATeamCountsOnlyItsNumbers() {
		// of the failures only 21 is team B's (with two codes)
		List<FailedWith> lines = flagged.failedProvisioning(onlyB, 5);
		assertThat(lines).extracting(FailedWith::code).containsExactly("CAMPAIGN_NOT_AVAILABLE", "EXCEEDED_10DLC_LIMIT");
		assertThat(lines).allSatisfy(line -> assertThat(line.flagged().first()).extracting(FlaggedNumber::number)
			.containsExactly(AttentionFleet.number(21)));
		// 9 (team B) vanished six days ago; 8 (team A) is not B's
		assertThat(flagged.matching(onlyB, Map.of(Parameter.VANISHED, "7d"), Line.VANISHED, 5).first())
			.extracting(FlaggedNumber::number).containsExactly(AttentionFleet.number(9));
		// 24 is team B's
		assertThat(flagged.matching(onlyB, Map.of(Parameter.CALL_WARMUP, "Blocked"), Line.CALL_WARMUP, 5).count()).isEqualTo(1);
		assertThat(flagged.matching(onlyB, Map.of(Parameter.WARMUP, "Blocked"), Line.SMS_WARMUP, 5).count()).isZero();
		assertThat(flagged.failedProvisioning(new Viewer(97, Set.of(Long.MAX_VALUE)), 5)).isEmpty();
	}

	@Test
	void eachLineListsInItsOwnOrderWithWhatToSay() {
		Flagged releases = flagged.matching(both, Map.of(Parameter.RELEASE_WITHIN, "48h"), Line.RELEASE, 5);
		assertThat(releases.first()).extracting(FlaggedNumber::number)
			.containsExactly(AttentionFleet.number(3), AttentionFleet.number(4));
		assertThat(releases.first().get(0).detail()).isEqualTo("Churned");
		assertThat(releases.first().get(0).at()).isAfter(java.time.Instant.now());

		Flagged drift = flagged.matching(both, Map.of(Parameter.DRIFT, "24h"), Line.DRIFT, 5);
		// 11's latest carrier change (1 h ago) is newer than 12's (90 min ago)
		assertThat(drift.first()).extracting(FlaggedNumber::number)
			.containsExactly(AttentionFleet.number(11), AttentionFleet.number(12));
		assertThat(drift.first().get(0).detail()).isEqualTo("SMS service plan changed at Sinch: sp-a → sp-z");

		Flagged vanished = flagged.matching(both, Map.of(Parameter.VANISHED, "7d"), Line.VANISHED, 5);
		assertThat(vanished.first()).extracting(FlaggedNumber::number)
			.containsExactly(AttentionFleet.number(8), AttentionFleet.number(9));

		Flagged attention = flagged.matching(both, Map.of(Parameter.WARMUP, "Needs Attention"), Line.SMS_WARMUP, 5);
		assertThat(attention.first()).extracting(FlaggedNumber::number)
			.containsExactly(AttentionFleet.number(20), AttentionFleet.number(18));
		assertThat(attention.first().get(1).detail()).isEqualTo("Delivery rate 71%");
		assertThat(attention.first().get(1).name()).isEqualTo("Line 18");
		assertThat(attention.first().get(1).link()).matches("/numbers/\\d+");
	}

	@Test
	void aNumberChangedManyTimesAtTheCarrierHidesNoOtherFromTheDriftLine() {
		// 12 changed at the carrier more often in the last minutes than the line's walk reads, after 11's change an hour ago
		for (int minutes = 1; minutes <= FlaggedNumbers.DRIFT_WALK * 5 + 1; minutes++) {
			AttentionFleet.event(jdbc, account, 12, "PROVIDER_CHANGED", "WEBHOOK", minutes + " minutes");
		}
		Flagged drift = flagged.matching(both, Map.of(Parameter.DRIFT, "24h"), Line.DRIFT, 5);
		assertThat(drift.count()).isEqualTo(2);
		assertThat(drift.first()).extracting(FlaggedNumber::number)
			.containsExactly(AttentionFleet.number(12), AttentionFleet.number(11));
		assertThat(flagged.matching(onlyB, Map.of(Parameter.DRIFT, "24h"), Line.DRIFT, 5).first())
			.extracting(FlaggedNumber::number)
			.containsExactly(AttentionFleet.number(12));
	}

	@Test
	void plansForTheActualValuesHoldForTheWholeTransactionAndNoLonger() {
		transactions.executeWithoutResult(status -> {
			assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("auto");
			flagged.matching(both, Map.of(Parameter.VANISHED, "7d"), Line.VANISHED, 5);
			flagged.failedProvisioning(both, 5);
			assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
		});
		transactions.executeWithoutResult(status -> {
			assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("auto");
			flagged.matching(both, Map.of(Parameter.VANISHED, "7d"), Line.VANISHED, 5);
			assertThat(jdbc.queryForObject("show plan_cache_mode", String.class))
				.as("set again in a later transaction, whichever connection it has").isEqualTo("force_custom_plan");
		});
		assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
	}
}

package com.numberops.portal.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.SandboxMirror;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.sync.SyncRuns;
import com.numberops.portal.sync.SyncTrigger;

/**
 * The fleet's maintained counts on Postgres. Exactness: after every kind of write (syncs,
 * every verb, plain SQL, team moves, deletes, folds, concurrent writers) the base and the deltas
 * sum, in one statement and so in one snapshot, to exactly what a fresh GROUP BY of the whole
 * table counts (other tests' numbers included: the comparison is of the whole table). The
 * figures themselves are checked on this test's own team, through a viewer limited to it.
 */
class FleetCountsTests extends PortalIntegrationTest {

	@Autowired
	FleetCounts counts;

	@Autowired
	PhoneNumbers numbers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	MirrorSync sync;

	@Autowired
	SyncRuns runs;

	@Autowired
	SandboxDatabase sandbox;

	long account;

	long team;

	long otherTeam;

	Viewer teamViewer;

	String campaign;

	@BeforeEach
	void ownFleet() {
		String ref = "fleet-" + UUID.randomUUID();
		account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode) values ('SINCH', ?, ?, 'SANDBOX')
				returning id""", Long.class, ref, "Fleet " + ref);
		team = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "T-" + ref);
		otherTeam = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "U-" + ref);
		teamViewer = new Viewer(99, Set.of(team));
		campaign = "C" + ref.substring(6, 14).toUpperCase();
	}

	@AfterEach
	void stillExact() {
		assertExact();
	}

	/** 20 numbers of the team: 4 of them Ready for SMS, 2 warming, 3 in call stage 2, 5 on a campaign. */
	private List<Long> twentyNumbers() {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			ids.add(jdbc.queryForObject("""
					insert into phone_numbers (number, provider_account_id, provider, provider_phone_number_id, team_id,
					    inventory_state, status, warmup_state, call_warmup_state, call_warmup_stage, ten_dlc_campaign_id)
					values (?, ?, 'SINCH', ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
					"+1312555" + String.format("%04d", i), account, "fleet-" + account + "-" + i, team,
					i < 4 ? "Ready for SMS" : "Available", i == 19 ? "FailedProvisioning" : "Active",
					i < 2 ? "Warming" : null, i < 3 ? "Warming" : null, i < 3 ? (short) 2 : null,
					i < 5 ? campaign : null));
		}
		return ids;
	}

	@Test
	void everyFigureOfATeamIsCounted() {
		twentyNumbers();
		Fleet fleet = counts.fleet(teamViewer);
		assertThat(fleet.total()).isEqualTo(20);
		assertThat(fleet.byInventoryState()).hasSize(InventoryState.values().length)
			.containsEntry(InventoryState.READY_FOR_SMS, 4L)
			.containsEntry(InventoryState.AVAILABLE, 16L)
			.containsEntry(InventoryState.RELEASED, 0L);
		assertThat(fleet.byInventoryState().keySet()).containsExactly(InventoryState.values());
		assertThat(fleet.byStatus()).hasSize(NumberStatus.values().length)
			.containsEntry(NumberStatus.ACTIVE, 19L)
			.containsEntry(NumberStatus.FAILED_PROVISIONING, 1L)
			.containsEntry(NumberStatus.EXPIRED, 0L);
		assertThat(fleet.byAccount()).containsExactly(new Slice(account, "Fleet " + jdbc.queryForObject(
				"select account_ref from provider_accounts where id = ?", String.class, account), 20));
		assertThat(fleet.byTeam()).extracting(Slice::id, Slice::count).containsExactly(org.assertj.core.groups.Tuple.tuple(team, 20L));
		assertThat(fleet.smsWarmup()).hasSize(WarmupState.values().length)
			.containsEntry(WarmupState.WARMING, 2L)
			.containsEntry(WarmupState.NOT_STARTED, 18L)
			.containsEntry(WarmupState.READY, 0L);
		assertThat(fleet.callWarmup()).hasSize(CallWarmupState.values().length)
			.containsEntry(CallWarmupState.WARMING, 3L)
			.containsEntry(CallWarmupState.NOT_STARTED, 17L);
		assertThat(fleet.callStages()).containsExactly(Map.entry(0, 0L), Map.entry(1, 0L), Map.entry(2, 3L),
				Map.entry(3, 0L), Map.entry(4, 0L));
		assertThat(counts.campaignLoads(teamViewer)).containsExactly(new CampaignLoad(campaign, 5, 50));
		assertThat(counts.linked(List.of(campaign, "C-NONE"))).containsExactly(Map.entry(campaign, 5L));
		assertThat(counts.flows(teamViewer, LocalDate.now(ZoneOffset.UTC)))
			.containsEntry(LocalDate.now(ZoneOffset.UTC), new FleetCounts.Flow(20, 0));
	}

	@Test
	void aTeamLimitedViewerSeesItsTeamsOnly() {
		List<Long> ids = twentyNumbers();
		jdbc.update("update phone_numbers set team_id = ? where id = any(?)", otherTeam, ids.subList(0, 6).toArray(Long[]::new));
		jdbc.update("update phone_numbers set team_id = null where id = ?", ids.get(19));
		Fleet mine = counts.fleet(teamViewer);
		assertThat(mine.total()).isEqualTo(13);
		assertThat(mine.byTeam()).extracting(Slice::id).containsExactly(team);
		assertThat(mine.byInventoryState()).containsEntry(InventoryState.READY_FOR_SMS, 0L);
		assertThat(counts.campaignLoads(teamViewer)).isEmpty();
		Fleet both = counts.fleet(new Viewer(99, Set.of(team, otherTeam)));
		assertThat(both.total()).isEqualTo(19);
		assertThat(counts.campaignLoads(new Viewer(99, Set.of(otherTeam)))).containsExactly(new CampaignLoad(campaign, 5, 50));
		// everyone's view has the number of no team, last
		Fleet all = counts.fleet(Viewer.jobs());
		assertThat(all.byTeam()).last().isEqualTo(new Slice(null, Slice.NO_TEAM, all.byTeam().get(all.byTeam().size() - 1).count()));
		assertThat(all.byTeam()).filteredOn(slice -> Long.valueOf(team).equals(slice.id())).extracting(Slice::count).containsExactly(13L);
		assertThat(counts.fleetPerTeam().get(team).total()).isEqualTo(13);
		assertThat(counts.fleetPerTeam().get(otherTeam).total()).isEqualTo(6);
	}

	@Test
	void campaignsNearOrOverTheLimitAreMarkedFullestFirst() {
		for (int i = 0; i < 52; i++) {
			jdbc.update("""
					insert into phone_numbers (number, provider_account_id, provider, provider_phone_number_id, team_id,
					    ten_dlc_campaign_id)
					values (?, ?, 'SINCH', ?, ?, ?)""", "+1415555" + String.format("%04d", i), account, "cap-" + account + "-" + i,
					team, i < 40 ? campaign + "X" : i < 51 ? campaign : campaign + "Y");
		}
		List<CampaignLoad> loads = counts.campaignLoads(teamViewer);
		assertThat(loads).containsExactly(new CampaignLoad(campaign + "X", 40, 50), new CampaignLoad(campaign, 11, 50),
				new CampaignLoad(campaign + "Y", 1, 50));
		assertThat(loads.get(0).near()).isTrue();
		assertThat(loads.get(0).over()).isFalse();
		assertThat(new CampaignLoad("C", 39, 50).near()).isFalse();
		assertThat(new CampaignLoad("C", 51, 50).over()).isTrue();
		assertThat(counts.campaignLoads(teamViewer, 1)).hasSize(1);
		assertThat(counts.campaignLimit()).isEqualTo(50);
	}

	@Test
	void theFullestCampaignsOfAllTeamsAreExactWithDeltasUnfolded() {
		for (int i = 0; i < 30; i++) {
			jdbc.update("""
					insert into phone_numbers (number, provider_account_id, provider, provider_phone_number_id, team_id,
					    ten_dlc_campaign_id)
					values (?, ?, 'SINCH', ?, ?, ?)""", "+1617555" + String.format("%04d", i), account, "full-" + account + "-" + i,
					i % 2 == 0 ? team : otherTeam, campaign + (i % 3));
		}
		counts.fold();
		assertFullestAsAGroupBySays();
		// deltas move campaigns up and down past ones that stay folded
		jdbc.update("update phone_numbers set ten_dlc_campaign_id = ? where provider_account_id = ? and ten_dlc_campaign_id = ?",
				campaign + "1", account, campaign + "2");
		jdbc.update("update phone_numbers set ten_dlc_campaign_id = null where provider_account_id = ? and ten_dlc_campaign_id = ?",
				account, campaign + "0");
		assertFullestAsAGroupBySays();
		assertThat(counts.linked(List.of(campaign + "1", campaign + "0"))).containsExactly(Map.entry(campaign + "1", 20L));
		counts.fold();
		assertFullestAsAGroupBySays();
	}

	private void assertFullestAsAGroupBySays() {
		for (int first : List.of(1, 2, 5, 50)) {
			List<CampaignLoad> scanned = jdbc.query("""
					select ten_dlc_campaign_id, count(*) from phone_numbers where ten_dlc_campaign_id is not null
					group by 1 order by 2 desc, 1 limit ?""", (rs, i) -> new CampaignLoad(rs.getString(1), rs.getLong(2), 50),
					first);
			assertThat(counts.campaignLoads(Viewer.jobs(), first)).as("the %d fullest", first).isEqualTo(scanned);
			List<CampaignLoad> ofTheTeam = jdbc.query("""
					select ten_dlc_campaign_id, count(*) from phone_numbers where ten_dlc_campaign_id is not null and team_id = ?
					group by 1 order by 2 desc, 1 limit ?""", (rs, i) -> new CampaignLoad(rs.getString(1), rs.getLong(2), 50),
					team, first);
			assertThat(counts.campaignLoads(teamViewer, first)).as("the team's %d fullest", first).isEqualTo(ofTheTeam);
			assertThat(counts.campaignLoads(new Viewer(99, Set.of(team, otherTeam)), first)).as("two teams' %d fullest", first)
				.isEqualTo(jdbc.query("""
						select ten_dlc_campaign_id, count(*) from phone_numbers where ten_dlc_campaign_id is not null
						  and team_id in (?, ?) group by 1 order by 2 desc, 1 limit ?""",
						(rs, i) -> new CampaignLoad(rs.getString(1), rs.getLong(2), 50), team, otherTeam, first));
		}
	}

	@Test
	void everyVerbOfTheOwnerKeepsTheCountsExact() {
		List<Long> ids = twentyNumbers();
		Actor admin = Actor.person(jdbc.queryForObject("select min(id) from users", Long.class), "Ada");
		Instant next = Instant.now().plus(1, ChronoUnit.DAYS);
		in(tx -> numbers.recordIntent(NumberRef.of(ids.get(0)), IntentField.ENABLED, false, admin,
				TimelineEntry.of("EDITED", "Disabled", null)));
		assertExact();
		in(tx -> numbers.recordIntent(NumberRef.of(ids.get(1)), IntentField.NAME, "Renamed", admin,
				TimelineEntry.of("EDITED", "Renamed", null)));
		in(tx -> numbers.recordRequest(NumberRef.of(ids.get(1)), admin, TimelineEntry.of("EDIT_REQUESTED", "Voice app", null)));
		in(tx -> numbers.holdRelease(NumberRef.of(ids.get(2)), "done", next, admin, TimelineEntry.of("EDIT_REQUESTED", "Release", null)));
		in(tx -> numbers.holdRelease(NumberRef.of(ids.get(3)), "done", next, admin, TimelineEntry.of("EDIT_REQUESTED", "Release", null)));
		in(tx -> numbers.cancelRelease(NumberRef.of(ids.get(3)), admin, TimelineEntry.of("CHANGE_CANCELLED", "Kept", null)));
		in(tx -> numbers.markReleased(NumberRef.of(ids.get(2)), Actor.scheduler("Releases"), TimelineEntry.of("RELEASED", "Released", null)));
		assertExact();
		in(tx -> numbers.applyOverride(NumberRef.of(ids.get(4)), false, "hold it", admin, TimelineEntry.of("OVERRIDE_APPROVED", "Off", null)));
		in(tx -> numbers.applyOverride(NumberRef.of(ids.get(5)), true, "on", admin, TimelineEntry.of("OVERRIDE_APPROVED", "On", null)));
		in(tx -> numbers.clearOverride(NumberRef.of(ids.get(5)), admin, TimelineEntry.of("OVERRIDE_CLEARED", "Cleared", null)));
		assertExact();
		in(tx -> numbers.moveSmsWarmup(NumberRef.of(ids.get(6)),
				new PhoneNumbers.SmsWarmup(true, "Healthy", 3, 40, 95, next, null, null), Actor.scheduler("Warmup job"), null));
		in(tx -> numbers.moveSmsWarmup(NumberRef.of(ids.get(0)),
				new PhoneNumbers.SmsWarmup(false, "Paused", 3, 40, 95, null, "paused", null), admin, null));
		in(tx -> numbers.moveCallWarmup(NumberRef.of(ids.get(7)),
				new PhoneNumbers.CallWarmup(true, "Warming", 1, 1, next, null, null), Actor.scheduler("Warmup job"), null));
		in(tx -> numbers.moveCallWarmup(NumberRef.of(ids.get(0)),
				new PhoneNumbers.CallWarmup(true, "Warmed", 9, 4, null, null, null), Actor.scheduler("Warmup job"), null));
		assertExact();
		in(tx -> numbers.markVanished(List.of(ids.get(8), ids.get(9)), "Sinch", MirrorSync.SOURCE_SYNC));
		jdbc.update("update phone_numbers set provider_expire_at = now() - interval '1 minute' where id = ?", ids.get(10));
		in(tx -> numbers.rederive(List.of(ids.get(10))));
		assertExact();

		Fleet fleet = counts.fleet(teamViewer);
		assertThat(fleet.total()).isEqualTo(20);
		assertThat(fleet.smsWarmup()).containsEntry(WarmupState.HEALTHY, 1L).containsEntry(WarmupState.PAUSED, 1L);
		assertThat(fleet.callStages()).containsEntry(1, 1L).containsEntry(4, 1L).containsEntry(2, 2L);
		assertThat(fleet.byInventoryState().get(InventoryState.RELEASED) + fleet.byInventoryState().get(InventoryState.PENDING_RELEASE))
			.as("the released and held numbers").isPositive();
		counts.fold();
		assertExact();
		assertThat(counts.fleet(teamViewer)).isEqualTo(fleet);
	}

	@Test
	void failedProvisioningIsCountedOncePerCodeAsTheNumbersPageFiltersIt() {
		List<Long> ids = twentyNumbers();
		Long[] first = ids.subList(0, 3).toArray(Long[]::new);
		jdbc.update("""
				update phone_numbers set sms_provisioning_status = 'FAILED', sms_provisioning_error_codes = '{CAMPAIGN_NOT_AVAILABLE}'
				where id = any(?)""", (Object) first);
		// one code on both channels counts once; a failure without a code is the unspecified one
		jdbc.update("""
				update phone_numbers set sms_provisioning_status = 'FAILED', sms_provisioning_error_codes = '{EXCEEDED_10DLC_LIMIT}',
				    voice_provisioning_status = 'FAILED', voice_provisioning_error_codes = '{EXCEEDED_10DLC_LIMIT, CAMPAIGN_NOT_AVAILABLE}'
				where id = ?""", ids.get(3));
		jdbc.update("update phone_numbers set voice_provisioning_status = 'FAILED', voice_provisioning_error_codes = '{}' where id = ?",
				ids.get(4));
		assertExact();
		assertThat(counts.provisioningFailures(teamViewer)).containsExactly(Map.entry("CAMPAIGN_NOT_AVAILABLE", 4L),
				Map.entry("ERROR_CODE_UNSPECIFIED", 1L), Map.entry("EXCEEDED_10DLC_LIMIT", 1L));
		counts.fold();
		// retried: SMS succeeds on two, one moves team, one is deleted
		jdbc.update("update phone_numbers set sms_provisioning_status = null, sms_provisioning_error_codes = '{}' where id = any(?)",
				(Object) new Long[] { ids.get(0), ids.get(3) });
		jdbc.update("update phone_numbers set team_id = ? where id = ?", otherTeam, ids.get(1));
		jdbc.update("delete from phone_numbers where id = ?", ids.get(4));
		assertExact();
		assertThat(counts.provisioningFailures(teamViewer)).containsExactly(Map.entry("CAMPAIGN_NOT_AVAILABLE", 2L),
				Map.entry("EXCEEDED_10DLC_LIMIT", 1L));
		// what the Numbers page lists for each code, counted with its own condition
		for (String code : List.of("CAMPAIGN_NOT_AVAILABLE", "EXCEEDED_10DLC_LIMIT", "ERROR_CODE_UNSPECIFIED")) {
			MapSqlParameterSource params = new MapSqlParameterSource();
			String where = NumberQueries.where(teamViewer, NumberQueries.parse(Map.of("provisioningError", code)).filter(), params);
			Long listed = named.queryForObject("select count(*) from phone_numbers p where " + where, params, Long.class);
			assertThat(counts.counted(teamViewer, Map.of(NumberFilter.Parameter.PROVISIONING_ERROR, code))).as(code)
				.hasValue(listed);
		}
		// of the two warming, one moved team
		assertThat(counts.counted(teamViewer, Map.of(NumberFilter.Parameter.WARMUP, "Warming"))).hasValue(1);
		// never warmed counts as Not Started, as the page's filter reads it: 18 numbers left, 1 warming
		assertThat(counts.counted(teamViewer, Map.of(NumberFilter.Parameter.WARMUP, "Not Started"))).hasValue(17);
		assertThat(counts.counted(teamViewer, Map.of(NumberFilter.Parameter.STATE, "Available"))).isEmpty();
	}

	@Test
	void plainSqlTeamMovesAndDeletesKeepTheCountsExact() {
		List<Long> ids = twentyNumbers();
		Long[] some = ids.subList(0, 8).toArray(Long[]::new);
		jdbc.update("update phone_numbers set team_id = ? where id = any(?)", otherTeam, some);
		jdbc.update("update phone_numbers set ten_dlc_campaign_id = ? where id = any(?)", campaign + "Z", some);
		assertExact();
		counts.fold();
		jdbc.update("update phone_numbers set team_id = ?, inventory_state = 'Assigned' where id = any(?)", team, some);
		jdbc.update("delete from phone_numbers where id = ?", ids.get(19));
		assertExact();
		assertThat(counts.fleet(teamViewer).total()).isEqualTo(19);
		assertThat(counts.fleet(teamViewer).byInventoryState()).containsEntry(InventoryState.ASSIGNED, 8L);
		assertThat(counts.campaignLoads(teamViewer)).containsExactly(new CampaignLoad(campaign + "Z", 8, 50));
		counts.fold();
		assertExact();
		assertThat(jdbc.queryForObject("select count(*) from fleet_counts where numbers = 0", Integer.class)).isZero();
	}

	@Test
	void syncsOfTheSandboxKeepTheCountsExact() {
		SandboxMirror.fill(accounts, sync, runs, jdbc, "fleet-test");
		assertExact();
		ProviderAccount flowroute = accounts.all().stream().filter(a -> a.provider() == ProviderKind.FLOWROUTE).findFirst().orElseThrow();
		// the mirror drifted (as a test or a person might make it), the carrier changed and lost numbers
		jdbc.update("""
				update phone_numbers set inventory_state = 'Suspended', status = 'Suspended', provider_state_hash = null
				where provider_account_id = ? and id % 4 = 0""", flowroute.id());
		String gone = sandbox.jdbc().sql("select id from flowroute_numbers order by id desc limit 1").query(String.class).single();
		sandbox.jdbc().sql("delete from flowroute_numbers where id = ?").param(gone).update();
		sandbox.jdbc().sql("update flowroute_numbers set alias = 'Changed at the carrier' where id in (select id from flowroute_numbers order by id limit 5)").update();
		assertExact();
		sync.syncAccount(flowroute.id(), SyncTrigger.MANUAL, "fleet-test").orElseThrow();
		assertExact();
		assertThat(jdbc.queryForObject("select provider_missing_since is not null from phone_numbers where provider_account_id = ? and provider_phone_number_id = ?",
				Boolean.class, flowroute.id(), gone)).isTrue();
		counts.fold();
		assertExact();
		assertThat(counts.fleet(Viewer.jobs()).total()).isEqualTo(jdbc.queryForObject("select count(*) from phone_numbers", Long.class));
	}

	@Test
	void concurrentWritersNeitherWaitOnEachOtherNorLoseACount() throws Exception {
		List<Long> ids = twentyNumbers();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Void>> writers = new ArrayList<>();
			for (int w = 0; w < 4; w++) {
				int writer = w;
				writers.add(() -> {
					for (int r = 0; r < 25; r++) {
						int round = r;
						long id = ids.get((writer * 5 + round) % ids.size());
						transactions.executeWithoutResult(tx -> {
							jdbc.update("update phone_numbers set team_id = ?, inventory_state = ? where id = ?",
									round % 2 == 0 ? otherTeam : team, round % 3 == 0 ? "Assigned" : "Available", id);
							jdbc.update("update phone_numbers set warmup_state = ? where id = ?",
									round % 2 == 0 ? "Warming" : null, ids.get((writer * 7 + round) % ids.size()));
						});
						if (round % 10 == 0) {
							counts.fold();
						}
					}
					return null;
				});
			}
			for (Future<Void> done : pool.invokeAll(writers)) {
				done.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertExact();
		assertThat(counts.fleet(new Viewer(99, Set.of(team, otherTeam))).total()).isEqualTo(20);
	}

	/**
	 * Base and deltas minus a fresh GROUP BY of the whole table, in one statement (one snapshot):
	 * nothing is left when the counts are exact.
	 */
	private void assertExact() {
		String groups = "team_id, provider_account_id, inventory_state, status, warmup_state, call_warmup_state, call_warmup_stage";
		List<Map<String, Object>> drift = jdbc.queryForList("""
				select %1$s, sum(numbers) as drift
				from (select %1$s, numbers from fleet_counts
				      union all select %1$s, numbers from fleet_count_deltas
				      union all select %1$s, -count(*) from phone_numbers group by %1$s) c
				group by %1$s having sum(numbers) <> 0""".formatted(groups));
		assertThat(drift).as("fleet counts against a fresh GROUP BY").isEmpty();
		List<Map<String, Object>> campaignDrift = jdbc.queryForList("""
				select team_id, campaign_id, sum(numbers) as drift
				from (select team_id, campaign_id, numbers from ten_dlc_counts
				      union all select team_id, campaign_id, numbers from ten_dlc_count_deltas
				      union all select team_id, ten_dlc_campaign_id, -count(*) from phone_numbers
				                where ten_dlc_campaign_id is not null group by 1, 2) c
				group by 1, 2 having sum(numbers) <> 0""");
		assertThat(campaignDrift).as("10DLC counts against a fresh GROUP BY").isEmpty();
		List<Map<String, Object>> totalDrift = jdbc.queryForList("""
				select campaign_id, sum(numbers) as drift
				from (select campaign_id, numbers from ten_dlc_totals
				      union all select campaign_id, numbers from ten_dlc_total_deltas
				      union all select ten_dlc_campaign_id, -count(*) from phone_numbers
				                where ten_dlc_campaign_id is not null group by 1) c
				group by 1 having sum(numbers) <> 0""");
		assertThat(totalDrift).as("10DLC totals against a fresh GROUP BY").isEmpty();
		List<Map<String, Object>> failureDrift = jdbc.queryForList("""
				select team_id, code, sum(numbers) as drift
				from (select team_id, code, numbers from provisioning_failures
				      union all select team_id, code, numbers from provisioning_failure_deltas
				      union all select p.team_id, c.code, -count(*) from phone_numbers p
				                cross join lateral (select unnest(coalesce(nullif(p.sms_provisioning_error_codes, '{}'), '{ERROR_CODE_UNSPECIFIED}'))
				                                    where p.sms_provisioning_status = 'FAILED'
				                                    union
				                                    select unnest(coalesce(nullif(p.voice_provisioning_error_codes, '{}'), '{ERROR_CODE_UNSPECIFIED}'))
				                                    where p.voice_provisioning_status = 'FAILED') c(code)
				                group by 1, 2) c
				group by 1, 2 having sum(numbers) <> 0""");
		assertThat(failureDrift).as("failed provisioning per code against a fresh GROUP BY").isEmpty();
		// and through the service, in one repeatable-read snapshot with the table's own count
		TransactionTemplate snapshot = new TransactionTemplate(transactions.getTransactionManager());
		snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		snapshot.setReadOnly(true);
		snapshot.executeWithoutResult(tx -> assertThat(counts.fleet(Viewer.jobs()).total())
			.isEqualTo(jdbc.queryForObject("select count(*) from phone_numbers", Long.class)));
	}

	private <T> T in(java.util.function.Function<org.springframework.transaction.TransactionStatus, T> work) {
		return transactions.execute(work::apply);
	}
}

package com.numberops.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.numberops.portal.providers.ChangeResult;
import com.numberops.portal.providers.CarrierNumbers;
import com.numberops.portal.providers.ListScope;
import com.numberops.portal.providers.NumberChange;
import com.numberops.portal.providers.NumberPage;
import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProviderNumber;
import com.numberops.portal.sandbox.Fault;
import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.sandbox.flowroute.FlowrouteSandboxRows;
import com.numberops.portal.support.PortalIntegrationTest;

import javax.sql.DataSource;

/** Full syncs against the sandbox, on Postgres: what they create, change, leave alone and release. */
class MirrorSyncTests extends PortalIntegrationTest {

	@Autowired
	MirrorSync sync;

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	SyncRuns runs;

	@Autowired
	JdbcTemplate mirror;

	@Autowired
	SandboxDatabase sandbox;

	@Autowired
	SandboxFaults faults;

	@AfterEach
	void healthySandbox() {
		faults.clearAll();
	}

	ProviderAccount account(ProviderKind kind) {
		return accounts.all().stream().filter(account -> account.provider() == kind).findFirst().orElseThrow();
	}

	SyncRun syncOf(ProviderKind kind) {
		return sync.syncAccount(account(kind).id(), SyncTrigger.MANUAL, "test").orElseThrow();
	}

	Map<String, Object> mirrored(ProviderKind kind, String providerId) {
		return mirror.queryForMap("select * from phone_numbers where provider_account_id = ? and provider_phone_number_id = ?",
				account(kind).id(), providerId);
	}

	List<Map<String, Object>> events(ProviderKind kind, String providerId) {
		return mirror.queryForList("""
				select e.* from number_events e join phone_numbers p on p.id = e.phone_number_id
				where p.provider_account_id = ? and p.provider_phone_number_id = ? order by e.id""",
				account(kind).id(), providerId);
	}

	/** sum(version) moves with every update, count(*) with every insert: together they see any write. */
	/**
	 * What a sync may have written: the versions of numbers no change was ever made to, and the
	 * timeline lines a sync writes. Not the whole table: the shared context's jobs still finish
	 * earlier tests' changes meanwhile (a rent's provisioning, a retry), writing lines of their own.
	 */
	String writesFingerprint() {
		return mirror.queryForObject("""
				select (select count(*) || '/' || coalesce(sum(version), 0) from phone_numbers p
				        where not exists (select 1 from pending_changes c where c.phone_number_id = p.id)) || '/'
				       || (select count(*) from number_events where source = ?)""", String.class, MirrorSync.SOURCE_SYNC);
	}

	@Test
	void aFullSyncMirrorsEveryNumberOfTheAccount() {
		SyncRun run = syncOf(ProviderKind.FLOWROUTE);
		assertThat(run.status()).isEqualTo(SyncRun.SUCCEEDED);
		assertThat(run.fetched()).isEqualTo(run.created() + run.updated() + run.unchanged());
		Set<String> atCarrier = Set.copyOf(sandbox.jdbc().sql("select id from flowroute_numbers").query(String.class).list());
		Set<String> inMirror = Set.copyOf(mirror.queryForList("""
				select provider_phone_number_id from phone_numbers
				where provider_account_id = ? and provider_missing_since is null""", String.class,
				account(ProviderKind.FLOWROUTE).id()));
		assertThat(inMirror).isEqualTo(atCarrier);

		SyncRun sinch = syncOf(ProviderKind.SINCH);
		assertThat(sinch.status()).isEqualTo(SyncRun.SUCCEEDED);
		assertThat(sinch.scopesDone()).isEqualTo(9);
		Set<String> sinchAtCarrier = Set.copyOf(sandbox.jdbc().sql("""
				select phone_number from sinch_numbers where kind = 'ACTIVE' and project_id = 'sandbox-project'
				and region_code in ('US', 'CA', 'GB')""").query(String.class).list());
		Set<String> sinchInMirror = Set.copyOf(mirror.queryForList("""
				select provider_phone_number_id from phone_numbers
				where provider_account_id = ? and provider_missing_since is null""", String.class,
				account(ProviderKind.SINCH).id()));
		assertThat(sinchInMirror).isEqualTo(sinchAtCarrier);
		// no carrier reports warmup capability: the mirror decides it once, when it first sees a number
		assertThat(mirror.queryForObject("""
				select count(*) from phone_numbers where provider_account_id = ?
				  and cap_warmup <> ((cap_sms or cap_voice) and coalesce(number_type, '') <> 'TOLL_FREE')""",
				Integer.class, account(ProviderKind.SINCH).id())).isZero();
		assertThat(mirror.queryForObject("select count(*) from phone_numbers where provider_account_id = ? and cap_warmup",
				Integer.class, account(ProviderKind.SINCH).id())).isPositive();
	}

	@Test
	void theCarriersFieldsLandInTheRecordOfSeed003() {
		String id = FlowrouteSandboxRows.insert(sandbox.jdbc(), "Support desk");
		syncOf(ProviderKind.FLOWROUTE);
		Map<String, Object> row = mirrored(ProviderKind.FLOWROUTE, id);
		assertThat(row).containsEntry("number", "+" + id)
			.containsEntry("name", "Support desk")
			.containsEntry("provider", "FLOWROUTE")
			.containsEntry("country_code", "US")
			.containsEntry("number_type", "LOCAL")
			.containsEntry("cnam_lookups_enabled", false)
			.containsEntry("messaging_enabled", false)
			.containsEntry("location_name", "sttlwa0101")
			.containsEntry("location_state", "WA")
			.containsEntry("billing_currency", "USD")
			.containsEntry("status", "Active");
		assertThat(row.get("team_id")).as("display name starts with a team's name").isNotNull();
		assertThat(row.get("provider_raw")).isNotNull();
		assertThat(events(ProviderKind.FLOWROUTE, id)).extracting(event -> event.get("type")).containsExactly("DISCOVERED");
	}

	@Test
	void aResyncWritesNothing() {
		syncOf(ProviderKind.FLOWROUTE);
		syncOf(ProviderKind.SINCH);
		syncOf(ProviderKind.SINCH_IMPORTED);
		String before = writesFingerprint();
		for (ProviderKind kind : ProviderKind.values()) {
			SyncRun again = syncOf(kind);
			assertThat(again.status()).as(kind.name()).isEqualTo(SyncRun.SUCCEEDED);
			assertThat(again.created() + again.updated()).as(kind.name()).isZero();
			assertThat(again.unchanged()).as(kind.name()).isEqualTo(again.fetched());
		}
		assertThat(writesFingerprint()).isEqualTo(before);
	}

	@Test
	void aChangeMadeAtTheCarrierAppearsWithItsEvent() {
		String id = FlowrouteSandboxRows.insert(sandbox.jdbc(), "Front desk");
		syncOf(ProviderKind.FLOWROUTE);
		// changed in the carrier's own dashboard, not through the portal
		sandbox.jdbc().sql("update flowroute_numbers set alias = 'Night desk', cnam_lookups_enabled = true where id = ?")
			.param(id)
			.update();
		SyncRun run = syncOf(ProviderKind.FLOWROUTE);
		assertThat(run.updated()).isEqualTo(1);
		assertThat(mirrored(ProviderKind.FLOWROUTE, id)).containsEntry("name", "Night desk")
			.containsEntry("cnam_lookups_enabled", true);
		List<Map<String, Object>> changes = events(ProviderKind.FLOWROUTE, id).stream()
			.filter(event -> "PROVIDER_CHANGED".equals(event.get("type")))
			.toList();
		assertThat(changes).extracting(event -> event.get("field"), event -> event.get("before_value"),
				event -> event.get("after_value"), event -> event.get("source"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("name", "Front desk", "Night desk", "PROVIDER_SYNC"),
					org.assertj.core.groups.Tuple.tuple("cnam_lookups_enabled", "false", "true", "PROVIDER_SYNC"));
	}

	@Test
	void aNumberGoneAtTheCarrierIsReleasedAfterACompleteSyncAndComesBackIfItReturns() {
		String id = FlowrouteSandboxRows.insert(sandbox.jdbc(), "Short lived");
		syncOf(ProviderKind.FLOWROUTE);
		sandbox.jdbc().sql("delete from flowroute_numbers where id = ?").param(id).update();

		SyncRun run = syncOf(ProviderKind.FLOWROUTE);
		assertThat(run.vanished()).isEqualTo(1);
		assertThat(mirrored(ProviderKind.FLOWROUTE, id)).containsEntry("inventory_state", "Released")
			.containsEntry("status", "Expired");
		assertThat(mirrored(ProviderKind.FLOWROUTE, id).get("provider_missing_since")).isNotNull();
		assertThat(events(ProviderKind.FLOWROUTE, id)).extracting(event -> event.get("type")).contains("VANISHED");
		assertThat(syncOf(ProviderKind.FLOWROUTE).vanished()).as("marked once").isZero();

		FlowrouteSandboxRows.insert(sandbox.jdbc(), id, "Short lived");
		syncOf(ProviderKind.FLOWROUTE);
		assertThat(mirrored(ProviderKind.FLOWROUTE, id).get("provider_missing_since")).isNull();
		assertThat(mirrored(ProviderKind.FLOWROUTE, id)).containsEntry("inventory_state", "Available");
	}

	@Test
	void aSyncThatFailsPartWayKeepsWhatItDidAndMarksNothingMissing() {
		syncOf(ProviderKind.SINCH);
		String gone = insertSinchNumber("+1555" + String.format("%07d", NEXT.incrementAndGet()), "Doomed line");
		syncOf(ProviderKind.SINCH);
		sandbox.jdbc().sql("delete from sinch_numbers where phone_number = ?").param(gone).update();

		ProviderAccount account = account(ProviderKind.SINCH);
		CarrierNumbers failing = new FailingAfter(accounts.adapterFor(account).orElseThrow(), 3);
		SyncRun run = sync.syncAccount(account, failing, SyncTrigger.MANUAL, "test").orElseThrow();
		assertThat(run.status()).isEqualTo(SyncRun.FAILED);
		assertThat(run.errorMessage()).contains("503").contains("cut off on purpose");
		assertThat(run.pages()).isEqualTo(3);
		assertThat(run.vanished()).isZero();
		assertThat(mirrored(ProviderKind.SINCH, gone).get("provider_missing_since")).isNull();
		assertThat(mirror.queryForObject("select count(*) from sync_seen where sync_run_id = ?", Integer.class, run.id()))
			.as("scratch rows cleaned up").isZero();

		assertThat(syncOf(ProviderKind.SINCH).vanished()).as("the next complete sync marks it").isEqualTo(1);
	}

	@Test
	void aFieldWithAPendingPortalChangeIsNotOverwritten() {
		String id = FlowrouteSandboxRows.insert(sandbox.jdbc(), "Old name");
		syncOf(ProviderKind.FLOWROUTE);
		long numberId = ((Number) mirrored(ProviderKind.FLOWROUTE, id).get("id")).longValue();
		long change = mirror.queryForObject("""
				insert into pending_changes (phone_number_id, kind, fields, payload, state)
				values (?, 'RENAME', array['name'], '{"name": "Portal name"}'::jsonb, 'PENDING') returning id""", Long.class,
				numberId);
		mirror.update("update phone_numbers set name = 'Portal name' where id = ?", numberId);
		sandbox.jdbc().sql("update flowroute_numbers set alias = 'Carrier name', cnam_lookups_enabled = true where id = ?")
			.param(id)
			.update();

		syncOf(ProviderKind.FLOWROUTE);
		assertThat(mirrored(ProviderKind.FLOWROUTE, id)).containsEntry("name", "Portal name")
			.containsEntry("cnam_lookups_enabled", true);

		mirror.update("update pending_changes set state = 'SUCCEEDED' where id = ?", change);
		syncOf(ProviderKind.FLOWROUTE);
		assertThat(mirrored(ProviderKind.FLOWROUTE, id)).containsEntry("name", "Carrier name");
	}

	@Test
	void withFlakyCarriersASyncCompletesThroughRetriesOrFailsWithItsReasonAndNeverCorruptsTheMirror() {
		Fault flaky = new Fault(0, 0.3, 0.3, 0, 0, 0, 0);
		faults.set(SandboxApi.SINCH, "list", flaky);
		faults.set(SandboxApi.SINCH_IMPORTED, "list", flaky);
		faults.set(SandboxApi.FLOWROUTE, "list", flaky);
		for (ProviderKind kind : ProviderKind.values()) {
			SyncRun run = syncOf(kind);
			assertThat(run.status()).as(kind.name()).isIn(SyncRun.SUCCEEDED, SyncRun.FAILED);
			if (run.failed()) {
				assertThat(run.errorMessage()).as(kind.name()).matches(".*(500|429).*");
			}
		}
		faults.clearAll();
		for (ProviderKind kind : ProviderKind.values()) {
			assertThat(syncOf(kind).status()).isEqualTo(SyncRun.SUCCEEDED);
		}
		assertThat(mirror.queryForObject("""
				select count(*) from phone_numbers where provider_account_id = ? and provider_missing_since is null""",
				Integer.class, account(ProviderKind.FLOWROUTE).id()))
			.isEqualTo(sandbox.jdbc().sql("select count(*) from flowroute_numbers").query(Integer.class).single());
		// every mirrored Flowroute number carries exactly the carrier's alias
		List<String> carrier = sandbox.jdbc().sql("select id || ':' || coalesce(alias, '') from flowroute_numbers order by id")
			.query(String.class).list();
		assertThat(mirror.queryForList("""
				select provider_phone_number_id || ':' || coalesce(name, '') from phone_numbers
				where provider_account_id = ? and provider_missing_since is null order by provider_phone_number_id""",
				String.class, account(ProviderKind.FLOWROUTE).id()))
			.isEqualTo(carrier);
	}

	@Test
	void aNumberWhoseExpiryDatePassedIsExpiredAtTheNextSyncThoughTheCarrierSaysNothingNew() {
		String number = insertSinchNumber("+1555" + String.format("%07d", NEXT.incrementAndGet()), "Expiring line");
		sandbox.jdbc().sql("update sinch_numbers set expire_at = now() - interval '1 minute' where phone_number = ?")
			.param(number)
			.update();
		syncOf(ProviderKind.SINCH);
		assertThat(mirrored(ProviderKind.SINCH, number)).containsEntry("status", "Expired");
		// as the row stood while the date was still ahead
		mirror.update("update phone_numbers set status = 'Active', inventory_state = 'Available' where provider_phone_number_id = ?",
				number);
		SyncRun run = syncOf(ProviderKind.SINCH);
		assertThat(run.updated()).isZero();
		assertThat(mirrored(ProviderKind.SINCH, number)).containsEntry("status", "Expired")
			.containsEntry("inventory_state", "Failed");
	}

	@Test
	void anAccountWithNothingToListFailsInsteadOfDeclaringEverythingGone() {
		String id = FlowrouteSandboxRows.insert(sandbox.jdbc(), "Still here");
		syncOf(ProviderKind.FLOWROUTE);
		ProviderAccount account = account(ProviderKind.FLOWROUTE);
		CarrierNumbers nothingToList = new FailingAfter(accounts.adapterFor(account).orElseThrow(), Integer.MAX_VALUE) {
			@Override
			public List<ListScope> scopes() {
				return List.of();
			}
		};
		SyncRun run = sync.syncAccount(account, nothingToList, SyncTrigger.MANUAL, "test").orElseThrow();
		assertThat(run.status()).isEqualTo(SyncRun.FAILED);
		assertThat(run.errorMessage()).contains("Nothing to list");
		assertThat(mirrored(ProviderKind.FLOWROUTE, id).get("provider_missing_since")).isNull();
	}

	@Test
	void aNumberOutsideEveryListedScopeIsNotDeclaredGone() {
		// a region the portal does not list (regions: US, CA, GB), mirrored through a webhook-style refresh
		String number = "+1555" + String.format("%07d", NEXT.incrementAndGet());
		sandbox.jdbc().sql("""
				insert into sinch_numbers (project_id, kind, phone_number, display_name, region_code, type, capabilities,
				                           money_currency, money_amount)
				values ('sandbox-project', 'ACTIVE', ?, 'Elsewhere', 'XW', 'LOCAL', array['VOICE'], 'USD', 1.00)""")
			.param(number)
			.update();
		sync.refresh(account(ProviderKind.SINCH).id(), number, MirrorSync.SOURCE_WEBHOOK);
		assertThat(mirrored(ProviderKind.SINCH, number)).containsEntry("country_code", "XW");

		SyncRun run = syncOf(ProviderKind.SINCH);
		assertThat(run.status()).isEqualTo(SyncRun.SUCCEEDED);
		assertThat(mirrored(ProviderKind.SINCH, number).get("provider_missing_since")).isNull();
	}

	@Test
	void oneRunAtATimePerAccount() {
		long accountId = account(ProviderKind.FLOWROUTE).id();
		long running = runs.start(accountId, SyncTrigger.MANUAL, "someone else", 1).orElseThrow();
		assertThat(sync.syncAccount(accountId, SyncTrigger.MANUAL, "test")).isEmpty();
		runs.succeed(running, 0);
		assertThat(sync.syncAccount(accountId, SyncTrigger.MANUAL, "test")).isPresent();
	}

	@Test
	void twoSchedulersOnOneDatabaseRunAQueuedSyncOnce(@Autowired DataSource dataSource,
			@Autowired OneTimeTask<SyncJobs.SyncRequest> syncAccount) {
		long accountId = account(ProviderKind.SINCH_IMPORTED).id();
		int before = runs.recent(accountId, 1000).size();
		// a second portal instance: its own scheduler on the same table, polling eagerly
		Scheduler other = Scheduler.create(dataSource, syncAccount).threads(2).pollingInterval(Duration.ofMillis(50))
			.schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed("other-instance"))
			.build();
		other.start();
		try {
			other.schedule(syncAccount.instance(String.valueOf(accountId),
					new SyncJobs.SyncRequest(accountId, SyncTrigger.MANUAL, "test")), java.time.Instant.now());
			FlowrouteSandboxRows.until(Duration.ofSeconds(20), "the queued sync ran",
					() -> mirror.queryForObject("select count(*) from scheduled_tasks where task_name = 'sync-account'",
							Integer.class) == 0 && runs.running(accountId).isEmpty()
							&& runs.recent(accountId, 1000).size() > before);
		}
		finally {
			other.stop();
		}
		assertThat(runs.recent(accountId, 1000)).hasSize(before + 1);
	}

	/**
	 * Imported numbers are listed per service plan × campaign: a number reassigned during the run
	 * from a listing not walked yet to one already walked is in no page at all. The carrier still
	 * has it, so it is refreshed from a direct read, not released; a number really gone is released.
	 */
	@Test
	void importedNumbersMovedToAListingAlreadyWalkedAreNotReleased() {
		List<String> moving = List.of(insertImported("sp-retention-02", "CA1B2C3"), insertImported("sp-retention-02", "CA1B2C3"),
				insertImported("sp-retention-02", "CA1B2C3"));
		String gone = insertImported("sp-growth-01", "CB4D5E6");
		syncOf(ProviderKind.SINCH_IMPORTED);
		sandbox.jdbc().sql("delete from sinch_numbers where phone_number = ?").param(gone).update();

		ProviderAccount account = account(ProviderKind.SINCH_IMPORTED);
		CarrierNumbers real = accounts.adapterFor(account).orElseThrow();
		ListScope first = real.scopes().get(0);
		assertThat(first.filters()).containsEntry("servicePlanId", "sp-growth-01").containsEntry("campaignId", "CA1B2C3");
		AtomicInteger moved = new AtomicInteger();
		CarrierNumbers movingDuringTheRun = new BetweenPages(real, (scope, token) -> {
			if (!scope.equals(first) && moved.getAndIncrement() == 0) {
				// the first listing is walked; the carrier reassigns the numbers into it
				sandbox.jdbc().sql("update sinch_numbers set sms_service_plan_id = 'sp-growth-01' where phone_number in (?, ?, ?)")
					.params(moving.toArray())
					.update();
			}
		});
		SyncRun run = sync.syncAccount(account, movingDuringTheRun, SyncTrigger.MANUAL, "test").orElseThrow();

		assertThat(moved.get()).as("the hook ran").isPositive();
		assertThat(run.status()).isEqualTo(SyncRun.SUCCEEDED);
		for (String number : moving) {
			assertThat(mirrored(ProviderKind.SINCH_IMPORTED, number).get("provider_missing_since")).as(number).isNull();
			assertThat(mirrored(ProviderKind.SINCH_IMPORTED, number)).as(number)
				.containsEntry("sms_service_plan_id", "sp-growth-01")
				.doesNotContainEntry("inventory_state", "Released");
			assertThat(events(ProviderKind.SINCH_IMPORTED, number)).extracting(event -> event.get("type")).doesNotContain("VANISHED");
		}
		assertThat(run.vanished()).isEqualTo(1);
		assertThat(mirrored(ProviderKind.SINCH_IMPORTED, gone).get("provider_missing_since")).isNotNull();
		assertThat(mirrored(ProviderKind.SINCH_IMPORTED, gone)).containsEntry("inventory_state", "Released");
	}

	/**
	 * Flowroute pages by offset: a number released between two pages moves every later number one
	 * place up, so the first number of the next page is never listed. It is still at the carrier
	 * and must not be released; the one released mid-run is released by the next run.
	 */
	@Test
	void aReleaseBetweenOffsetPagesDoesNotReleaseTheNumberItShiftsOutOfView() {
		String goneBefore = FlowrouteSandboxRows.insert(sandbox.jdbc(), "Gone before the run");
		// numbers of this test's own, in area code 200, ahead of every seeded one in the carrier's order
		int pageSize = 10;
		List<String> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 2 * pageSize + 5; i++) {
			ids.add(FlowrouteSandboxRows.insert(sandbox.jdbc(), FlowrouteSandboxRows.newId("1200"), "Paged line " + i));
		}
		java.util.Collections.sort(ids);
		assertThat(sandbox.jdbc().sql("select id from flowroute_numbers order by id limit ?").param(ids.size())
			.query(String.class).list()).as("the first pages are this test's numbers").isEqualTo(ids);
		syncOf(ProviderKind.FLOWROUTE);
		sandbox.jdbc().sql("delete from flowroute_numbers where id = ?").param(goneBefore).update();
		String releasedMidRun = ids.get(4);
		String shiftedOutOfView = ids.get(pageSize);

		ProviderAccount account = account(ProviderKind.FLOWROUTE);
		AtomicInteger pages = new AtomicInteger();
		CarrierNumbers releasingBetweenPages = new BetweenPages(accounts.adapterFor(account).orElseThrow(), pageSize,
				(scope, token) -> {
					if (pages.getAndIncrement() == 1) {
						// page 1 is read; the number is released at the carrier before page 2
						sandbox.jdbc().sql("delete from flowroute_numbers where id = ?").param(releasedMidRun).update();
					}
				});
		SyncRun run = sync.syncAccount(account, releasingBetweenPages, SyncTrigger.MANUAL, "test").orElseThrow();

		assertThat(run.status()).isEqualTo(SyncRun.SUCCEEDED);
		assertThat(run.pages()).isGreaterThan(2);
		assertThat(mirrored(ProviderKind.FLOWROUTE, shiftedOutOfView).get("provider_missing_since"))
			.as("still at the carrier, only shifted out of the pages").isNull();
		assertThat(mirror.queryForList("""
				select provider_phone_number_id from phone_numbers
				where provider_account_id = ? and provider_missing_since is not null and provider_phone_number_id = any(?)""",
				String.class, account.id(), ids.toArray(String[]::new)))
			.as("nothing still at the carrier is released").isEmpty();
		assertThat(run.vanished()).isEqualTo(1);
		assertThat(mirrored(ProviderKind.FLOWROUTE, goneBefore).get("provider_missing_since")).isNotNull();

		SyncRun next = syncOf(ProviderKind.FLOWROUTE);
		assertThat(next.vanished()).isEqualTo(1);
		assertThat(mirrored(ProviderKind.FLOWROUTE, releasedMidRun).get("provider_missing_since")).isNotNull();
		assertThat(mirrored(ProviderKind.FLOWROUTE, shiftedOutOfView).get("provider_missing_since")).isNull();
	}

	/** A number missing from the listings that the carrier cannot be asked about stays as it is until a run can. */
	@Test
	void aMissingNumberThatCannotBeReadIsLeftForTheNextRun() {
		String gone = FlowrouteSandboxRows.insert(sandbox.jdbc(), "Gone, unconfirmed");
		syncOf(ProviderKind.FLOWROUTE);
		sandbox.jdbc().sql("delete from flowroute_numbers where id = ?").param(gone).update();

		ProviderAccount account = account(ProviderKind.FLOWROUTE);
		CarrierNumbers unreadable = new BetweenPages(accounts.adapterFor(account).orElseThrow(), (scope, token) -> {
		}) {
			@Override
			public ProviderNumber get(String providerNumberId) {
				throw new ProviderError(kind(), 503, "UNAVAILABLE", "reads are down on purpose");
			}
		};
		SyncRun run = sync.syncAccount(account, unreadable, SyncTrigger.MANUAL, "test").orElseThrow();
		assertThat(run.status()).isEqualTo(SyncRun.SUCCEEDED);
		assertThat(run.vanished()).isZero();
		assertThat(run.errors()).isPositive();
		assertThat(run.errorMessage()).contains("reads are down on purpose").contains("next sync");
		assertThat(mirrored(ProviderKind.FLOWROUTE, gone).get("provider_missing_since")).isNull();

		assertThat(syncOf(ProviderKind.FLOWROUTE).vanished()).as("a run that can read marks it").isEqualTo(1);
		assertThat(mirrored(ProviderKind.FLOWROUTE, gone).get("provider_missing_since")).isNotNull();
	}

	private static final AtomicInteger NEXT = new AtomicInteger();

	private String insertSinchNumber(String number, String name) {
		sandbox.jdbc().sql("""
				insert into sinch_numbers (project_id, kind, phone_number, display_name, region_code, type, capabilities,
				                           money_currency, money_amount)
				values ('sandbox-project', 'ACTIVE', ?, ?, 'US', 'LOCAL', array['SMS','VOICE'], 'USD', 1.00)""")
			.params(number, name)
			.update();
		return number;
	}

	private String insertImported(String plan, String campaign) {
		String number = "+1555" + String.format("%07d", NEXT.incrementAndGet());
		sandbox.jdbc().sql("""
				insert into sinch_numbers (project_id, kind, phone_number, display_name, region_code, type, capabilities,
				                           money_currency, money_amount, sms_service_plan_id, sms_campaign_id)
				values ('sandbox-project', 'IMPORTED', ?, 'Hosted line', 'US', 'LOCAL', array['SMS'], 'USD', 0.50, ?, ?)""")
			.params(number, plan, campaign)
			.update();
		return number;
	}

	/** What the carrier does between two pages of a run (the page about to be read: its scope and token). */
	interface PageHook {

		void beforePage(ListScope scope, @Nullable String pageToken);
	}

	/** The real adapter with a hook before every page, and optionally a page size of its own. */
	static class BetweenPages extends FailingAfter {

		private final PageHook hook;

		private final int pageSize;

		BetweenPages(CarrierNumbers real, PageHook hook) {
			this(real, 0, hook);
		}

		BetweenPages(CarrierNumbers real, int pageSize, PageHook hook) {
			super(real, Integer.MAX_VALUE);
			this.hook = hook;
			this.pageSize = pageSize;
		}

		@Override
		public NumberPage page(ListScope scope, @Nullable String pageToken, int pageSize) {
			hook.beforePage(scope, pageToken);
			return super.page(scope, pageToken, this.pageSize > 0 ? this.pageSize : pageSize);
		}
	}

	/** The real adapter, until its n-th page: then the carrier "goes down". */
	static class FailingAfter implements CarrierNumbers {

		private final CarrierNumbers real;

		private final int pagesBeforeFailure;

		private int pages;

		FailingAfter(CarrierNumbers real, int pagesBeforeFailure) {
			this.real = real;
			this.pagesBeforeFailure = pagesBeforeFailure;
		}

		@Override
		public NumberPage page(ListScope scope, @Nullable String pageToken, int pageSize) {
			if (pages++ == pagesBeforeFailure) {
				throw new ProviderError(kind(), 503, "UNAVAILABLE", "cut off on purpose");
			}
			return real.page(scope, pageToken, pageSize);
		}

		@Override
		public ProviderKind kind() {
			return real.kind();
		}

		@Override
		public String accountRef() {
			return real.accountRef();
		}

		@Override
		public boolean sandbox() {
			return real.sandbox();
		}

		@Override
		public List<ListScope> scopes() {
			return real.scopes();
		}

		@Override
		public ProviderNumber get(String providerNumberId) {
			return real.get(providerNumberId);
		}

		@Override
		public ChangeResult apply(String providerNumberId, NumberChange change) {
			return real.apply(providerNumberId, change);
		}

		@Override
		public void release(String providerNumberId) {
			real.release(providerNumberId);
		}
	}
}

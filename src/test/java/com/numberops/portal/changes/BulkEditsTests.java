package com.numberops.portal.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.interceptor.TransactionInterceptor;

import com.numberops.portal.numbers.FleetCounts;
import com.numberops.portal.numbers.NumberQueries;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.SignedIn;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.sync.SyncTrigger;
import com.numberops.portal.users.NewUser;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Role;
import com.numberops.portal.users.UserAdministration;

import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk edits over the sandbox: the dry run says what changes and what is skipped and why, the
 * confirmation makes one batch of ordinary changes that reach the carrier and settle, progress
 * counts add up, and viewers, bad input and oversized selections change nothing.
 */
class BulkEditsTests extends PortalIntegrationTest {

	@Autowired
	BulkEdits bulk;

	@Autowired
	MirrorSync sync;

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	SandboxFaults faults;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAdministration administration;

	@Autowired
	BatchSubmitter submitter;

	@Autowired
	NumberEdits numberEdits;

	@Autowired
	NumberQueries queries;

	@Autowired
	NamedParameterJdbcTemplate namedJdbc;

	@Autowired
	ChangesProperties properties;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	@Autowired
	ChangeDispatch dispatch;

	@Autowired
	TransactionInterceptor transactions;

	@Autowired
	FleetCounts fleet;

	/** A batch as a confirmation stores it, without its job: the test runs the submitter itself. */
	long confirmedBatch(List<Long> ids, String requestedBy) {
		return jdbc.queryForObject("""
				insert into change_batches (kind, summary, selection, total, skipped, number_ids, edit, requested,
				    requested_by)
				values ('CNAM_LOOKUPS', 'CNAM lookups → on', 'selected numbers', 0, 0, ?,
				    '{"kind": "CNAM_LOOKUPS", "enabled": "true"}', ?, ?) returning id""", Long.class,
				(Object) ids.toArray(Long[]::new), ids.size(), requestedBy);
	}

	@Test
	void aBatchCutOffWhileItsChangesWereBeingMadeFinishesEachNumberOnce() {
		List<Long> flowroute = numbers(ProviderKind.FLOWROUTE, "coalesce(p.cnam_lookups_enabled, false) = false", 4);
		assertThat(flowroute).hasSize(4);
		long batchId = confirmedBatch(flowroute, "operator");
		// the portal made the first number's change, then stopped before it noted how far it had got
		numberEdits.submitInBatch(principal("operator"), flowroute.get(0), new Edit.CnamLookups(true), batchId);
		SecurityContextHolder.clearContext();

		assertThat(submitter.submitNext(batchId)).as("more to do").isFalse();

		assertThat(jdbc.queryForList("select phone_number_id from pending_changes where batch_id = ? order by id",
				Long.class, batchId)).containsExactlyElementsOf(flowroute);
		BulkEdits.Progress progress = settled(batchId);
		assertThat(progress.requested()).isEqualTo(4);
		assertThat(progress.submitted()).isEqualTo(4);
		assertThat(progress.count(ChangeState.SUCCEEDED)).isEqualTo(4);
		assertThat(bulk.batch(principal("operator"), batchId).orElseThrow().skipped()).isZero();
	}

	@Test
	void aBatchWhoseRequesterWasDisabledMeanwhileMakesNothingMore() {
		List<Long> flowroute = numbers(ProviderKind.FLOWROUTE, "coalesce(p.cnam_lookups_enabled, false) = false", 2);
		jdbc.update("insert into users (username, display_name, password_hash, role) values ('bulk-gone', 'Gone',"
				+ " '{noop}x', 'OPERATOR') on conflict do nothing");
		long batchId = confirmedBatch(flowroute, "bulk-gone");
		jdbc.update("update users set enabled = false where username = 'bulk-gone'");

		assertThat(submitter.submitNext(batchId)).isFalse();

		assertThat(jdbc.queryForObject("select count(*) from pending_changes where batch_id = ?", Integer.class,
				batchId)).isZero();
		BulkEdits.Batch batch = bulk.batch(principal("admin"), batchId).orElseThrow();
		assertThat(batch.skipped()).isEqualTo(2);
		assertThat(batch.skippedReasons()).allSatisfy(skip -> assertThat(skip.reason()).contains("can no longer make changes"));
	}

	@BeforeEach
	void mirrorOfTheSandbox() {
		faults.clearAll();
		for (ProviderKind kind : List.of(ProviderKind.FLOWROUTE, ProviderKind.SINCH)) {
			long account = accounts.all().stream().filter(a -> a.provider() == kind).findFirst().orElseThrow().id();
			sync.syncAccount(account, SyncTrigger.MANUAL, "test").orElseThrow();
		}
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	PortalPrincipal principal(String username) {
		return SignedIn.as(userDetails, username);
	}

	RequestPostProcessor as(String username) {
		return user(userDetails.loadUserByUsername(username));
	}

	/** Editable numbers of a carrier: not released, no release on hold, no open change of CNAM lookups. */
	List<Long> numbers(ProviderKind provider, String extra, int limit) {
		return jdbc.queryForList("""
				select p.id from phone_numbers p
				where p.provider = ? and p.provider_released_at is null and p.provider_missing_since is null
				  and p.provider_release_scheduled_at is null
				  and not exists (select 1 from pending_changes c where c.phone_number_id = p.id
				                  and c.state in ('PENDING', 'IN_PROGRESS', 'WAITING_FOR_PROVIDER', 'PARTIAL'))
				  and %s
				order by p.id limit ?""".formatted(extra), Long.class, provider.name(), limit);
	}

	int batches() {
		return jdbc.queryForObject("select count(*) from change_batches", Integer.class);
	}

	/** Waits (with a deadline, polling) until the batch's changes have all been made in the background. */
	long submitted(long batchId) {
		PortalPrincipal everyone = (PortalPrincipal) userDetails.loadUserByUsername("admin");
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> !bulk.progress(everyone, batchId).submitting());
		return batchId;
	}

	/** Waits (with a deadline, polling) until no change of the batch is open. */
	BulkEdits.Progress settled(long batchId) {
		PortalPrincipal everyone = (PortalPrincipal) userDetails.loadUserByUsername("admin");
		return await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> bulk.progress(everyone, batchId), BulkEdits.Progress::done);
	}

	@Test
	void aReassignmentThatWouldPushACampaignOverItsLimitIsWarnedOfBeforeAnythingIsSent() {
		String campaign = "CCAP" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
		long account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode) values ('SINCH', ?, 'Capacity', 'SANDBOX')
				returning id""", Long.class, campaign);
		// 47 numbers elsewhere (another account, other teams too) already linked to the campaign
		jdbc.update("""
				insert into phone_numbers (number, provider_account_id, provider, provider_phone_number_id, ten_dlc_campaign_id)
				select '+1646555' || lpad(g::text, 4, '0'), ?, 'SINCH', ? || g, ? from generate_series(1, 47) g""", account,
				campaign, campaign);
		List<Long> us = numbers(ProviderKind.SINCH, "p.country_code = 'US' and p.cap_sms and p.number_type <> 'TOLL_FREE'", 4);
		assertThat(us).hasSize(4);
		jdbc.update("update phone_numbers set ten_dlc_campaign_id = ? where id = ?", campaign, us.get(0));
		int changes = jdbc.queryForObject("select count(*) from pending_changes", Integer.class);
		Edit link = new Edit.SmsAssignment("sp-configured-01", campaign);

		// 48 linked; the one already linked is no new link: 48 + 3 = 51
		BulkEdits.Preview over = bulk.preview(principal("operator"), us, link);
		assertThat(over.changing()).hasSizeGreaterThanOrEqualTo(3);
		assertThat(over.overLimit()).isEqualTo(new BulkEdits.CampaignOverLimit(campaign, 48,
				over.changing().stream().filter(item -> item.numberId() != us.get(0)).count(), 50));
		assertThat(over.capacityWarning()).contains(campaign).contains("limit of 50").contains("EXCEEDED_10DLC_LIMIT");
		// 48 + 2 = 50: at the limit, not over it
		assertThat(bulk.preview(principal("operator"), us.subList(0, 3), link).overLimit()).isNull();
		assertThat(bulk.preview(principal("operator"), us, new Edit.SmsAssignment("sp-configured-01", "")).overLimit()).isNull();
		assertThat(jdbc.queryForObject("select count(*) from pending_changes", Integer.class)).as("a dry run sends nothing")
			.isEqualTo(changes);
	}

	@Test
	void aPreviewSaysWhatChangesAndWhatIsSkippedAndWhyAndChangesNothing() {
		List<Long> flowroute = numbers(ProviderKind.FLOWROUTE, "coalesce(p.cnam_lookups_enabled, false) = false", 6);
		List<Long> sinch = numbers(ProviderKind.SINCH, "true", 4);
		assertThat(flowroute).hasSize(6);
		assertThat(sinch).hasSize(4);
		List<Long> selection = new ArrayList<>(flowroute);
		selection.addAll(sinch);
		selection.add(Long.MAX_VALUE);
		int changes = jdbc.queryForObject("select count(*) from pending_changes", Integer.class);

		BulkEdits.Preview preview = bulk.preview(principal("operator"), selection, new Edit.CnamLookups(true));

		assertThat(preview.items()).extracting(BulkEdits.Item::numberId).containsExactlyElementsOf(selection);
		assertThat(preview.changing()).extracting(BulkEdits.Item::numberId).containsExactlyElementsOf(flowroute);
		assertThat(preview.changing()).allSatisfy(item -> {
			assertThat(item.before()).isIn("off", "unknown");
			assertThat(item.after()).isEqualTo("on");
		});
		Map<Long, String> skipped = preview.skipped()
			.stream()
			.collect(Collectors.toMap(BulkEdits.Item::numberId, BulkEdits.Item::skipReason));
		assertThat(skipped).hasSize(5);
		sinch.forEach(id -> assertThat(skipped.get(id)).contains("CNAM lookups is a Flowroute setting"));
		assertThat(skipped.get(Long.MAX_VALUE)).isEqualTo(BulkEdits.NOT_VISIBLE);
		assertThat(preview.skippedByReason()).containsValues(4L, 1L);
		assertThat(jdbc.queryForObject("select count(*) from pending_changes", Integer.class)).isEqualTo(changes);
	}

	/**
	 * A dry run reads the numbers, then their open changes: both reads see one moment. Another
	 * operator's edit committed between them must not show as "already on its way" against the
	 * number as it was before that edit. The race is staged by a {@link PendingChanges} that commits
	 * the other edit, from another thread, just before it reads; the service is the real one with
	 * the portal's own transaction interceptor (no @PreAuthorize: the other tests cover it).
	 */
	@Test
	void aDryRunSeesOneMomentEvenWhenAnEditLandsBetweenItsReads() throws Exception {
		long id = numbers(ProviderKind.FLOWROUTE, "coalesce(p.cnam_lookups_enabled, false) = false", 1).get(0);
		long lastChange = jdbc.queryForObject("select coalesce(max(id), 0) from pending_changes", Long.class);
		PortalPrincipal operator = principal("operator");
		ExecutorService otherOperator = Executors.newSingleThreadExecutor();
		PendingChanges racing = new PendingChanges(namedJdbc, json) {
			@Override
			Map<Long, ChangeState> openOfKind(Collection<Long> numberIds, ChangeKind kind) {
				try {
					otherOperator.submit(() -> SignedIn.during(operator,
							() -> numberEdits.submit(operator, id, new Edit.CnamLookups(true), null, null)))
						.get();
				}
				catch (InterruptedException | ExecutionException failed) {
					throw new IllegalStateException(failed);
				}
				return super.openOfKind(numberIds, kind);
			}
		};
		ProxyFactory proxy = new ProxyFactory(
				new BulkEdits(numberEdits, queries, namedJdbc, properties, json, clock, dispatch, racing, fleet));
		proxy.setProxyTargetClass(true);
		proxy.addAdvice(transactions);
		BulkEdits dryRuns = (BulkEdits) proxy.getProxy();
		try {
			BulkEdits.Preview preview = dryRuns.preview(operator, List.of(id), new Edit.CnamLookups(true));

			assertThat(preview.items()).singleElement().satisfies(item -> {
				assertThat(item.before()).isIn("off", "unknown");
				assertThat(item.skipReason()).isNull();
			});
			assertThat(jdbc.queryForObject("select count(*) from pending_changes where phone_number_id = ? and id > ?",
					Integer.class, id, lastChange))
				.as("the other operator's edit was committed during the dry run").isEqualTo(1);
		}
		finally {
			otherOperator.shutdownNow();
		}
	}

	@Test
	void aConfirmationMakesOneBatchWhoseChangesReachTheCarrierAndSettle() {
		List<Long> flowroute = numbers(ProviderKind.FLOWROUTE, "coalesce(p.cnam_lookups_enabled, false) = false", 5);
		List<Long> sinch = numbers(ProviderKind.SINCH, "true", 2);
		List<Long> selection = new ArrayList<>(flowroute);
		selection.addAll(sinch);
		int before = batches();

		long batchId = submitted(bulk.confirm(principal("operator"), selection, new Edit.CnamLookups(true), "7 selected numbers"));

		assertThat(batches()).isEqualTo(before + 1);
		BulkEdits.Batch batch = bulk.batch(principal("operator"), batchId).orElseThrow();
		assertThat(batch.kind()).isEqualTo(ChangeKind.CNAM_LOOKUPS);
		assertThat(batch.selection()).isEqualTo("7 selected numbers");
		assertThat(batch.summary()).isEqualTo("CNAM lookups → on");
		assertThat(batch.total()).isEqualTo(5);
		assertThat(batch.skipped()).isEqualTo(2);
		assertThat(batch.requestedBy()).isEqualTo("operator");
		assertThat(batch.skippedReasons()).extracting(BulkEdits.Skip::numberId).containsExactlyElementsOf(sinch);
		assertThat(batch.skippedReasons()).allSatisfy(skip -> assertThat(skip.reason()).contains("Flowroute setting"));
		assertThat(bulk.changes(principal("operator"), batchId)).extracting(Change::numberId)
			.containsExactlyElementsOf(flowroute);

		BulkEdits.Progress progress = settled(batchId);
		assertThat(progress.total()).isEqualTo(5);
		assertThat(progress.count(ChangeState.SUCCEEDED)).isEqualTo(5);
		assertThat(progress.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(progress.total());
		assertThat(progress.percent()).isEqualTo(100);
		// each change is an ordinary one: its event, its carrier value, in the mirror
		assertThat(jdbc.queryForObject("select count(*) from phone_numbers where id = any(?) and cnam_lookups_enabled",
				Integer.class, (Object) flowroute.toArray(Long[]::new))).isEqualTo(5);
		assertThat(jdbc.queryForObject("""
				select count(*) from number_events where phone_number_id = any(?) and field = 'cnam_lookups'""",
				Integer.class, (Object) flowroute.toArray(Long[]::new))).isGreaterThanOrEqualTo(5);
	}

	@Test
	void aNumberThatChangedSinceThePreviewIsSkippedAtConfirmation() {
		List<Long> flowroute = numbers(ProviderKind.FLOWROUTE, "coalesce(p.cnam_lookups_enabled, false) = false", 3);
		BulkEdits.Preview preview = bulk.preview(principal("operator"), flowroute, new Edit.CnamLookups(true));
		assertThat(preview.changing()).hasSize(3);
		// someone switches it on for one number meanwhile
		long first = flowroute.get(0);
		long single = submitted(bulk.confirm(principal("operator"), List.of(first), new Edit.CnamLookups(true), "1 selected number"));
		settled(single);

		long batchId = submitted(bulk.confirm(principal("operator"), flowroute, new Edit.CnamLookups(true), "3 selected numbers"));
		BulkEdits.Batch batch = bulk.batch(principal("operator"), batchId).orElseThrow();
		assertThat(batch.total()).isEqualTo(2);
		assertThat(batch.skippedReasons()).singleElement().satisfies(skip -> {
			assertThat(skip.numberId()).isEqualTo(first);
			assertThat(skip.reason()).contains("Nothing to change");
		});
		assertThat(settled(batchId).count(ChangeState.SUCCEEDED)).isEqualTo(2);
	}

	@Test
	void aViewerMayNeitherPreviewNorConfirm() {
		List<Long> flowroute = numbers(ProviderKind.FLOWROUTE, "true", 2);
		int before = batches();
		assertThatThrownBy(() -> bulk.confirm(principal("viewer"), flowroute, new Edit.CnamLookups(true), "2"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> bulk.preview(principal("viewer"), flowroute, new Edit.Enablement(false)))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(batches()).isEqualTo(before);
	}

	@Test
	void moreNumbersThanTheLimitAreRefusedBeforeAnythingIsDone() {
		List<Long> tooMany = LongStream.rangeClosed(1, bulk.limit() + 1).boxed().toList();
		int before = batches();
		assertThatThrownBy(() -> bulk.confirm(principal("operator"), tooMany, new Edit.Enablement(false), "all"))
			.isInstanceOf(BulkEdits.SelectionRefused.class)
			.hasMessageContaining("at most " + bulk.limit());
		assertThatThrownBy(() -> bulk.preview(principal("operator"), tooMany, new Edit.Enablement(false)))
			.isInstanceOf(BulkEdits.SelectionRefused.class);
		assertThatThrownBy(() -> bulk.preview(principal("operator"), List.of(), new Edit.Enablement(false)))
			.isInstanceOf(BulkEdits.SelectionRefused.class)
			.hasMessageContaining("No numbers are selected");
		assertThat(batches()).isEqualTo(before);
	}

	@Test
	void theBulkPagesTakeAnOperatorFromSelectionThroughPreviewToTheBatchPage() throws Exception {
		List<Long> flowroute = numbers(ProviderKind.FLOWROUTE, "true", 3);
		List<Long> sinch = numbers(ProviderKind.SINCH, "true", 1);
		String ids = LongStream.concat(flowroute.stream().mapToLong(Long::longValue), sinch.stream().mapToLong(Long::longValue))
			.mapToObj(String::valueOf)
			.collect(Collectors.joining(","));

		String choose = mvc.perform(get("/changes/bulk").with(as("operator"))
			.param("ids", String.valueOf(flowroute.get(0)))
			.param("ids", String.valueOf(flowroute.get(1)))
			.param("ids", String.valueOf(flowroute.get(2)))
			.param("ids", String.valueOf(sinch.get(0))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(choose).contains("4 selected numbers", "name=\"ids\" value=\"" + ids + "\"", "id=\"bulk-kind\"");

		String all = mvc.perform(get("/changes/bulk").with(as("operator")).param("all", "true").param("provider", "FLOWROUTE"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(all).contains("matching provider=FLOWROUTE", "name=\"all\" value=\"true\"");

		String preview = mvc.perform(post("/changes/bulk/preview").with(as("operator"))
			.with(csrf())
			.param("ids", ids)
			.param("kind", "ENABLEMENT")
			.param("enabled", "false"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(preview).contains("id=\"bulk-preview-table\"", "id=\"bulk-confirm-form\"");

		int before = batches();
		MvcResult confirmed = mvc.perform(post("/changes/bulk").with(as("operator"))
			.with(csrf())
			.param("ids", ids)
			.param("kind", "BUSINESS_CAMPAIGN")
			.param("businessCampaignId", "bulk-test-campaign"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(batches()).isEqualTo(before + 1);
		String location = confirmed.getResponse().getRedirectedUrl();
		assertThat(location).matches("/changes/batches/\\d+");
		submitted(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));

		String page = mvc.perform(get(location).with(as("viewer")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// business campaigns are local: settled at once, so the page does not poll
		assertThat(page).contains("id=\"batch-progress\"", "id=\"batch-progress-bar\"", "value=\"100\"",
				"href=\"/numbers/" + flowroute.get(0) + "\"", "Business campaign → bulk-test-campaign")
			.doesNotContain("every 2s");
		String fragment = mvc.perform(get(location).with(as("operator")).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fragment).contains("id=\"batch-progress\"").doesNotContain("<html");
	}

	@Test
	void aBatchStillOnItsWayIsPolled() throws Exception {
		List<Long> flowroute = numbers(ProviderKind.FLOWROUTE, "coalesce(p.cnam_lookups_enabled, false) = false", 2);
		long batchId = submitted(bulk.confirm(principal("operator"), flowroute, new Edit.CnamLookups(true), "2 selected numbers"));
		// right after the confirmation the changes are pending (or already sent); either way the page
		// says how far the batch is, and it polls exactly while something is open
		String page = mvc.perform(get("/changes/batches/" + batchId).with(as("operator")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"batch-progress-bar\"");
		settled(batchId);
		String done = mvc.perform(get("/changes/batches/" + batchId).with(as("operator")).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(done).contains("data-done=\"true\"", "2 of 2 changes settled").doesNotContain("every 2s");
	}

	@Test
	void aViewersBulkPostIsForbiddenAndChangesNothing() throws Exception {
		List<Long> flowroute = numbers(ProviderKind.FLOWROUTE, "true", 2);
		String ids = flowroute.stream().map(String::valueOf).collect(Collectors.joining(","));
		int before = batches();
		mvc.perform(post("/changes/bulk").with(as("viewer"))
			.with(csrf())
			.param("ids", ids)
			.param("kind", "CNAM_LOOKUPS")
			.param("enabled", "true")).andExpect(status().isForbidden());
		mvc.perform(post("/changes/bulk/preview").with(as("viewer"))
			.with(csrf())
			.param("ids", ids)
			.param("kind", "CNAM_LOOKUPS")
			.param("enabled", "true")).andExpect(status().isForbidden());
		mvc.perform(get("/changes/bulk").with(as("viewer")).param("all", "true")).andExpect(status().isForbidden());
		mvc.perform(get("/changes/bulk").with(as("viewer")).param("ids", ids)).andExpect(status().isForbidden());
		assertThat(batches()).isEqualTo(before);
	}

	@Test
	void badInputIsA400WithAMessageAndChangesNothing() throws Exception {
		long id = numbers(ProviderKind.FLOWROUTE, "true", 1).get(0);
		int before = batches();
		expectRefused(post("/changes/bulk").param("ids", "12,abc").param("kind", "ENABLEMENT").param("enabled", "true"),
				"is not a number id");
		expectRefused(post("/changes/bulk").param("kind", "ENABLEMENT").param("enabled", "true"),
				"No numbers are selected");
		// a rename is one number at a time (a bulk release is the admins': BulkReleasesTests)
		expectRefused(post("/changes/bulk").param("ids", String.valueOf(id)).param("kind", "RENAME"), "Unknown edit");
		expectRefused(post("/changes/bulk/preview").param("ids", String.valueOf(id)).param("kind", "nonsense"),
				"Unknown edit");
		expectRefused(post("/changes/bulk").param("ids", String.valueOf(id)).param("kind", "CNAM_LOOKUPS"),
				"switched on or off");
		expectRefused(post("/changes/bulk/preview").param("ids",
				LongStream.rangeClosed(1, bulk.limit() + 1).mapToObj(String::valueOf).collect(Collectors.joining(",")))
			.param("kind", "ENABLEMENT")
			.param("enabled", "true"), "at most " + bulk.limit());
		String page = mvc.perform(get("/changes/bulk").with(as("operator")).param("all", "true").param("status", "Bogus"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("This filter cannot be used", "Unknown status");
		assertThat(batches()).isEqualTo(before);
	}

	void expectRefused(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String message) throws Exception {
		String page = mvc.perform(request.with(as("operator")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"bulk-error\"", "Nothing was changed", message);
	}

	@Test
	void aTeamLimitedOperatorTouchesOnlyTheirTeamsNumbersAndLearnsNothingOfTheOthers() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode)
				values ('SINCH', ?, 'Bulk test account', 'SANDBOX') returning id""", Long.class, "bulk-" + tag);
		long ours = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "Ours-" + tag);
		long theirs = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "Theirs-" + tag);
		long own = number(account, tag, "+12065559001", ours);
		long other = number(account, tag, "+12065559002", theirs);
		String username = "bulk-limited-" + tag;
		principal("admin");
		administration.create(new NewUser(username, "Limited " + tag, Role.OPERATOR, "long-enough-1", Set.of(ours)));
		PortalPrincipal limited = principal(username);

		BulkEdits.Preview preview = bulk.preview(limited, List.of(own, other), new Edit.Enablement(false));
		assertThat(preview.changing()).extracting(BulkEdits.Item::numberId).containsExactly(own);
		assertThat(preview.skipped()).singleElement().satisfies(item -> {
			assertThat(item.numberId()).isEqualTo(other);
			assertThat(item.skipReason()).isEqualTo(BulkEdits.NOT_VISIBLE);
			assertThat(item.number()).doesNotContain("9002");
		});

		long batchId = submitted(bulk.confirm(limited, List.of(own, other), new Edit.Enablement(false), "2 selected numbers"));
		assertThat(settled(batchId).count(ChangeState.SUCCEEDED)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select enabled from phone_numbers where id = ?", Boolean.class, other)).isTrue();
		assertThat(jdbc.queryForObject("select enabled from phone_numbers where id = ?", Boolean.class, own)).isFalse();
		BulkEdits.Batch batch = bulk.batch(limited, batchId).orElseThrow();
		assertThat(batch.total()).isEqualTo(1);
		// the skipped number is another team's: this operator sees and counts only their own part
		assertThat(batch.skipped()).isZero();
		assertThat(batch.skippedReasons()).isEmpty();
		assertThat(bulk.progress(limited, batchId).requested()).isEqualTo(1);
		assertThat(bulk.batch(principal("admin"), batchId).orElseThrow().skipped()).isEqualTo(1);
		assertThat(bulk.changes(limited, batchId)).extracting(Change::numberId).containsExactly(own);
	}

	long number(long account, String tag, String e164, long team) {
		return jdbc.queryForObject("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, team_id, cap_sms, cap_voice, inventory_state, status)
				values (?, 'Bulk test', 'US', 'LOCAL', ?, 'SINCH', ?, ?, true, true, 'Ready for SMS', 'Active')
				returning id""", Long.class, e164, account, tag + "-" + e164, team);
	}
}

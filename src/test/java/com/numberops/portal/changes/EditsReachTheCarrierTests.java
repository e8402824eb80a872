package com.numberops.portal.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.numberops.portal.numbers.EditRefused;
import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.numbers.NumberDetails;
import com.numberops.portal.numbers.PendingChange;
import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.providers.CarrierNumbers;
import com.numberops.portal.providers.NumberChange;
import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProviderNumber;
import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.sandbox.Fault;
import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.sandbox.SandboxJournal;
import com.numberops.portal.sandbox.flowroute.FlowrouteSandboxRows;
import com.numberops.portal.support.Eventually;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.SandboxSinchProject;
import com.numberops.portal.support.SignedIn;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.sync.SyncRun;
import com.numberops.portal.sync.SyncTrigger;
import com.numberops.portal.system.UnknownTarget;
import com.numberops.portal.users.PortalPrincipal;

/**
 * Edits made through {@link NumberEdits}, all the way to the sandbox carriers over HTTP and back
 * into the mirror: what is sent, in which order, what is recorded, and what is refused without a
 * trace. Each test works on numbers of its own (area code 555/556, never seeded), created at the
 * sandbox and brought in by a sync, so the seeded fleet other tests count stays as it is.
 */
class EditsReachTheCarrierTests extends PortalIntegrationTest {

	static final Duration SETTLES = Duration.ofSeconds(40);

	static final String PROJECT = ProvidersProperties.SANDBOX_SINCH_PROJECT;

	private static boolean synced;

	@Autowired
	NumberEdits edits;

	@Autowired
	PendingChanges changes;

	@Autowired
	ChangeDispatcher dispatcher;

	@Autowired
	ChangeDispatch dispatch;

	@Autowired
	MirrorSync sync;

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SandboxDatabase sandbox;

	@Autowired
	SandboxFaults faults;

	@Autowired
	SandboxJournal journal;

	@Autowired
	UserDetailsService users;

	@Autowired
	NumberDetails details;

	@BeforeEach
	void mirrorTheSandbox() {
		if (!synced) {
			for (ProviderKind kind : List.of(ProviderKind.SINCH, ProviderKind.FLOWROUTE)) {
				SyncRun run = sync.syncAccount(account(kind).id(), SyncTrigger.MANUAL, "test").orElseThrow();
				assertThat(run.status()).as(kind.name()).isEqualTo(SyncRun.SUCCEEDED);
			}
			synced = true;
		}
	}

	@AfterEach
	void healthySandbox() {
		faults.clearAll();
		SecurityContextHolder.clearContext();
	}

	// ------------------------------------------------------------------ numbers of the test's own

	ProviderAccount account(ProviderKind kind) {
		return accounts.all().stream().filter(account -> account.provider() == kind).findFirst().orElseThrow();
	}

	CarrierNumbers carrier(ProviderKind kind) {
		return accounts.adapterFor(account(kind)).orElseThrow();
	}

	/** A Sinch active number at the sandbox, mirrored; answers its mirror id. */
	long sinchNumber(String region, List<String> capabilities, String plan, String campaign, String voiceApp) {
		while (true) {
			String number = "+1555" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
			int inserted = sandbox.jdbc()
				.sql("""
						insert into sinch_numbers (project_id, kind, phone_number, display_name, region_code, type, capabilities,
						                           money_currency, money_amount, sms_service_plan_id, sms_campaign_id, voice_app_id)
						values (:project, 'ACTIVE', :number, :name, :region, 'LOCAL', :caps, 'USD', 1.00, :plan, :campaign, :voice)
						on conflict do nothing""")
				.param("project", PROJECT)
				.param("number", number)
				.param("name", "Support edit test " + number.substring(5))
				.param("region", region)
				.param("caps", capabilities.toArray(String[]::new))
				.param("plan", plan)
				.param("campaign", campaign)
				.param("voice", voiceApp)
				.update();
			SandboxSinchProject.has(sandbox.jdbc(), plan, campaign);
			if (inserted == 1) {
				return mirrored(ProviderKind.SINCH, number);
			}
		}
	}

	long usSinchNumber(String plan, String campaign) {
		return sinchNumber("US", List.of("SMS", "VOICE"), plan, campaign, "");
	}

	long flowrouteNumber(String id) {
		FlowrouteSandboxRows.insert(sandbox.jdbc(), id, "Support desk " + id.substring(4));
		return mirrored(ProviderKind.FLOWROUTE, id);
	}

	long flowrouteNumber() {
		return flowrouteNumber(FlowrouteSandboxRows.newId("1555"));
	}

	/** Brings one number of the sandbox into the mirror, as a webhook or a sync would; answers its id. */
	long mirrored(ProviderKind kind, String providerId) {
		assertThat(sync.refresh(account(kind).id(), providerId, MirrorSync.SOURCE_SYNC)).isTrue();
		return jdbc.queryForObject("select id from phone_numbers where provider_account_id = ? and provider_phone_number_id = ?",
				Long.class, account(kind).id(), providerId);
	}

	Map<String, Object> row(long numberId) {
		return jdbc.queryForMap("select * from phone_numbers where id = ?", numberId);
	}

	String providerId(long numberId) {
		return (String) row(numberId).get("provider_phone_number_id");
	}

	ProviderNumber atCarrier(ProviderKind kind, long numberId) {
		return carrier(kind).get(providerId(numberId));
	}

	List<Map<String, Object>> events(long numberId) {
		return jdbc.queryForList("select * from number_events where phone_number_id = ? order by id", numberId);
	}

	List<String> eventTypes(long numberId) {
		return events(numberId).stream().map(event -> (String) event.get("type")).toList();
	}

	/** The changing requests the sandbox received for this number (its digits are in the path, whatever the encoding). */
	List<SandboxJournal.Entry> sent(long numberId) {
		String digits = providerId(numberId).replace("+", "");
		return journal.matching(entry -> !entry.method().equals("GET") && entry.path().contains(digits));
	}

	List<SandboxJournal.Entry> patches(long numberId) {
		return sent(numberId).stream().filter(entry -> entry.method().equals("PATCH")).toList();
	}

	int changeCount() {
		return jdbc.queryForObject("select count(*) from pending_changes", Integer.class);
	}

	Change settled(Change change) {
		return Eventually.until(SETTLES, "change " + change.id() + " (" + change.summary() + ") settles",
				() -> changes.find(change.id()).orElseThrow(), now -> !now.state().open() || now.state() == ChangeState.PARTIAL);
	}

	// ------------------------------------------------------------------ people

	PortalPrincipal principal(String username) {
		return (PortalPrincipal) users.loadUserByUsername(username);
	}

	/** Runs the call signed in as this demo user, as a request of theirs would. */
	<T> T as(String username, Supplier<T> call) {
		return SignedIn.during(principal(username), call);
	}

	Change submit(String username, long numberId, Edit edit) {
		return as(username, () -> edits.submit(principal(username), numberId, edit, null, null));
	}

	// ------------------------------------------------------------------ a portal stopped mid-change

	@Autowired
	com.github.kagkarlsson.scheduler.Scheduler scheduler;

	/**
	 * A second portal on the same database sends the unlink of a reassignment and is shut down
	 * while the carrier provisions it; this portal takes the change over and finishes it, sending
	 * the link once and the unlink never again. The scheduler here is paused until the other one
	 * is gone, so the other one surely starts the change.
	 */
	@Test
	void aReassignmentCutOffByAShutdownIsFinishedOnceByAnotherPortal() {
		long id = usSinchNumber("sp-before", "CBEFORE");
		SandboxSinchProject.has(sandbox.jdbc(), "sp-after", "CAFTER");
		String digits = providerId(id).replace("+", "");
		java.util.Map<String, Object> properties = new java.util.HashMap<>();
		com.numberops.portal.support.TestDatabase.register((name, value) -> properties.put(name, value.get()));
		properties.put("server.port", "0");
		// slow enough that the unlink is surely still provisioning when that portal has closed, even on a
		// busy machine (its job keeps these times, whichever portal's sandbox settles it)
		properties.put("portal.sandbox.provisioning-waiting", "5s");
		properties.put("portal.sandbox.provisioning-in-progress", "2s");
		scheduler.pause();
		SandboxJournal otherJournal;
		Change change;
		try {
			// as arguments: they win over application.yml, as the test's own properties do (defaults would not)
			String[] arguments = properties.entrySet()
				.stream()
				.map(property -> "--" + property.getKey() + "=" + property.getValue())
				.toArray(String[]::new);
			try (org.springframework.context.ConfigurableApplicationContext other = new org.springframework.boot.builder.SpringApplicationBuilder(
					com.numberops.portal.PortalApplication.class)
				.run(arguments)) {
				NumberEdits otherEdits = other.getBean(NumberEdits.class);
				PortalPrincipal operator = (PortalPrincipal) other.getBean(UserDetailsService.class).loadUserByUsername("operator");
				change = as("operator", () -> otherEdits.submit(operator, id, new Edit.SmsAssignment("sp-after", "CAFTER"), null, null));
				Eventually.until(SETTLES, "the other portal sends the unlink and waits for the carrier",
						() -> changes.find(change.id()).orElseThrow(),
						now -> now.state() == ChangeState.WAITING_FOR_PROVIDER && ProvisioningPlan.UNLINK.equals(now.step()));
				otherJournal = other.getBean(SandboxJournal.class);
			}
			assertThat(changes.find(change.id()).orElseThrow().state()).isEqualTo(ChangeState.WAITING_FOR_PROVIDER);
		}
		finally {
			scheduler.resume();
		}

		Change done = settled(change);

		assertThat(done.state()).as(done.providerMessage()).isEqualTo(ChangeState.SUCCEEDED);
		// read after it closed: whatever it sent until it stopped
		List<SandboxJournal.Entry> sentByTheStoppedPortal = otherJournal
			.matching(entry -> entry.method().equals("PATCH") && entry.path().contains(digits));
		assertThat(sentByTheStoppedPortal).singleElement()
			.satisfies(unlink -> assertThat(unlink.body()).contains("\"servicePlanId\":\"\""));
		assertThat(patches(id)).as("this portal sends the link, and only the link").singleElement()
			.satisfies(link -> assertThat(link.body()).contains("\"servicePlanId\":\"sp-after\"").contains("\"campaignId\":\"CAFTER\""));
		ProviderNumber now = atCarrier(ProviderKind.SINCH, id);
		assertThat(now.smsServicePlanId()).isEqualTo("sp-after");
		assertThat(now.smsCampaignId()).isEqualTo("CAFTER");
	}

	// ------------------------------------------------------------------ renames

	@Test
	void aRenameOnSinchReachesTheCarrierAndIsRecorded() {
		long id = usSinchNumber("", "");
		String before = (String) row(id).get("name");

		Change change = submit("operator", id, new Edit.Rename("  Support renamed on Sinch "));
		assertThat(change.state()).isIn(ChangeState.PENDING, ChangeState.IN_PROGRESS, ChangeState.SUCCEEDED);
		assertThat(change.requestedBy()).isEqualTo("operator");
		assertThat(row(id)).as("the intent is in the mirror at once").containsEntry("name", "Support renamed on Sinch");

		assertThat(settled(change).state()).isEqualTo(ChangeState.SUCCEEDED);
		assertThat(atCarrier(ProviderKind.SINCH, id).displayName()).isEqualTo("Support renamed on Sinch");
		assertThat(row(id)).containsEntry("name", "Support renamed on Sinch");
		assertThat(patches(id)).hasSize(1);
		assertThat(patches(id).get(0).body()).contains("\"displayName\":\"Support renamed on Sinch\"");

		Map<String, Object> requested = events(id).stream().filter(e -> "EDIT_REQUESTED".equals(e.get("type"))).findFirst().orElseThrow();
		assertThat(requested).containsEntry("field", "rename")
			.containsEntry("before_value", before)
			.containsEntry("after_value", "Support renamed on Sinch")
			.containsEntry("source", "PORTAL");
		assertThat(eventTypes(id)).containsSubsequence("EDIT_REQUESTED", "CHANGE_SUCCEEDED");
	}

	@Test
	void aRenameOnFlowrouteReachesTheCarrier() {
		long id = flowrouteNumber();
		Change change = submit("operator", id, new Edit.Rename("Support renamed on Flowroute"));
		assertThat(settled(change).state()).isEqualTo(ChangeState.SUCCEEDED);
		assertThat(atCarrier(ProviderKind.FLOWROUTE, id).displayName()).isEqualTo("Support renamed on Flowroute");
		assertThat(patches(id)).hasSize(1);
		assertThat(events(id)).filteredOn(e -> "EDIT_REQUESTED".equals(e.get("type")))
			.extracting(e -> e.get("before_value"), e -> e.get("after_value"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Support desk " + providerId(id).substring(4),
					"Support renamed on Flowroute"));
		assertThat(eventTypes(id)).containsSubsequence("EDIT_REQUESTED", "CHANGE_SUCCEEDED");
	}

	// ------------------------------------------------------------------ SMS and voice (scheduled provisioning)

	@Test
	void anSmsReassignmentUnlinksFirstThenLinks() {
		long id = usSinchNumber("sp-from", "CFROM");
		SandboxSinchProject.has(sandbox.jdbc(), "sp-to", "CTO");
		Change change = submit("operator", id, new Edit.SmsAssignment("sp-to", "CTO"));

		Change done = settled(change);
		assertThat(done.state()).as(done.providerMessage()).isEqualTo(ChangeState.SUCCEEDED);
		List<SandboxJournal.Entry> patches = patches(id);
		assertThat(patches).hasSize(2);
		assertThat(patches.get(0).body()).contains("\"servicePlanId\":\"\"").contains("\"campaignId\":\"\"");
		assertThat(patches.get(1).body()).contains("\"servicePlanId\":\"sp-to\"").contains("\"campaignId\":\"CTO\"");
		assertThat(patches).allMatch(patch -> patch.status() == 200);

		ProviderNumber now = atCarrier(ProviderKind.SINCH, id);
		assertThat(now.smsServicePlanId()).isEqualTo("sp-to");
		assertThat(now.smsCampaignId()).isEqualTo("CTO");
		assertThat(row(id)).containsEntry("sms_service_plan_id", "sp-to").containsEntry("ten_dlc_campaign_id", "CTO");
		assertThat(eventTypes(id)).containsSubsequence("EDIT_REQUESTED", "CHANGE_STEP", "CHANGE_STEP", "CHANGE_SUCCEEDED");
	}

	@Test
	void aCampaignTheCarrierRefusesFailsWithItsCodeAndThePreviousConfigurationCanBeRestored() {
		long id = usSinchNumber("sp-keep", "CKEEP");
		Change change = submit("operator", id, new Edit.SmsAssignment("sp-keep", "CFAILED1"));

		Change failed = settled(change);
		assertThat(failed.state()).isEqualTo(ChangeState.FAILED);
		assertThat(failed.providerCode()).contains("CAMPAIGN_NOT_AVAILABLE");
		assertThat(failed.providerMessage()).contains("10DLC campaign");
		assertThat(failed.restorable()).isTrue();
		assertThat(failed.previous()).containsEntry("servicePlanId", "sp-keep").containsEntry("campaignId", "CKEEP");
		Map<String, Object> row = row(id);
		assertThat(List.of(row.get("status"), String.valueOf(row.get("sms_provisioning_status"))))
			.as("the number shows the failure").containsAnyOf("FailedProvisioning", "FAILED");
		assertThat(eventTypes(id)).contains("CHANGE_FAILED");

		Change restore = as("operator", () -> edits.restorePrevious(principal("operator"), failed.id()));
		assertThat(restore.id()).isNotEqualTo(failed.id());
		assertThat(settled(restore).state()).isEqualTo(ChangeState.SUCCEEDED);
		ProviderNumber now = atCarrier(ProviderKind.SINCH, id);
		assertThat(now.smsServicePlanId()).isEqualTo("sp-keep");
		assertThat(now.smsCampaignId()).isEqualTo("CKEEP");
		assertThat(row(id)).containsEntry("sms_service_plan_id", "sp-keep")
			.containsEntry("ten_dlc_campaign_id", "CKEEP")
			.containsEntry("status", "Active");
	}

	/** What the number's page lists under "needs attention". */
	List<PendingChange> attention(long numberId) {
		return PendingChange.needingAttention(
				details.pendingChanges(new Viewer(0, Set.of()), numberId));
	}

	/**
	 * The unlink's provisioning fails at the carrier (fault injection): the carrier keeps the
	 * previous plan and campaign, with a FAILED job, so the mirror already shows the previous
	 * values. Restoring must not answer "nothing to change": the previous configuration is sent
	 * again, the carrier's failed job is replaced by one that succeeds, and the attention clears.
	 */
	@Test
	void restoringAfterAFailedUnlinkAppliesThePreviousConfigurationAgainAndClearsTheAttention() {
		long id = usSinchNumber("sp-support-03", "CC7F8G9");
		faults.set(SandboxApi.SINCH, "patch", Fault.provisioningFailures(1.0));
		Change failed = settled(submit("operator", id, new Edit.SmsAssignment("sp-alerts-04", "CD1H2J3")));
		faults.clearAll();
		assertThat(failed.state()).as(failed.providerMessage()).isEqualTo(ChangeState.FAILED);
		assertThat(failed.step()).isEqualTo(ProvisioningPlan.UNLINK);
		assertThat(row(id)).containsEntry("sms_service_plan_id", "sp-support-03")
			.containsEntry("ten_dlc_campaign_id", "CC7F8G9")
			.containsEntry("status", "FailedProvisioning");
		assertThat(attention(id)).extracting(PendingChange::id).containsExactly(failed.id());

		Change restore = as("operator", () -> edits.restorePrevious(principal("operator"), failed.id()));
		Change done = settled(restore);

		assertThat(done.state()).as(done.providerMessage()).isEqualTo(ChangeState.SUCCEEDED);
		ProviderNumber now = atCarrier(ProviderKind.SINCH, id);
		assertThat(now.smsServicePlanId()).isEqualTo("sp-support-03");
		assertThat(now.smsCampaignId()).isEqualTo("CC7F8G9");
		assertThat(now.smsProvisioning()).as("the failed job is gone").isNull();
		assertThat(patches(id)).last().satisfies(again -> assertThat(again.body())
			.contains("\"servicePlanId\":\"sp-support-03\"").contains("\"campaignId\":\"CC7F8G9\""));
		assertThat(row(id)).containsEntry("sms_service_plan_id", "sp-support-03")
			.containsEntry("ten_dlc_campaign_id", "CC7F8G9")
			.containsEntry("sms_provisioning_status", null)
			.containsEntry("status", "Active");
		assertThat(attention(id)).isEmpty();
	}

	/**
	 * After a failed unlink, the carrier's failed job was cleared elsewhere (its dashboard) and the
	 * mirror has caught up: restoring is not "nothing to change" but a change the carrier already
	 * shows, which succeeds without sending anything and settles the failed one.
	 */
	@Test
	void restoringWhatTheCarrierAlreadyHasSucceedsAtOnceAndClearsTheAttention() {
		long id = usSinchNumber("sp-support-03", "CC7F8G9");
		faults.set(SandboxApi.SINCH, "patch", Fault.provisioningFailures(1.0));
		Change failed = settled(submit("operator", id, new Edit.SmsAssignment("sp-alerts-04", "CD1H2J3")));
		faults.clearAll();
		assertThat(failed.state()).as(failed.providerMessage()).isEqualTo(ChangeState.FAILED);
		sandbox.jdbc()
			.sql("""
					update sinch_numbers set sms_prov_status = null, sms_prov_service_plan_id = null, sms_prov_campaign_id = null,
					    sms_prov_error_codes = null, sms_prov_last_updated = null
					where project_id = :project and phone_number = :number""")
			.param("project", PROJECT)
			.param("number", providerId(id))
			.update();
		mirrored(ProviderKind.SINCH, providerId(id));
		assertThat(row(id)).containsEntry("sms_provisioning_status", null).containsEntry("status", "Active");
		int sentBefore = patches(id).size();

		Change done = settled(as("operator", () -> edits.restorePrevious(principal("operator"), failed.id())));

		assertThat(done.state()).as(done.providerMessage()).isEqualTo(ChangeState.SUCCEEDED);
		assertThat(patches(id)).as("nothing to send").hasSize(sentBefore);
		assertThat(attention(id)).isEmpty();
	}

	/** The unlink went through, the link's provisioning fails (fault injection): restoring links the previous pair. */
	@Test
	void restoringAfterAFailedLinkLinksThePreviousConfigurationAndClearsTheAttention() {
		long id = usSinchNumber("sp-support-03", "CC7F8G9");
		Change change = submit("operator", id, new Edit.SmsAssignment("sp-alerts-04", "CD1H2J3"));
		// the unlink has been sent (its outcome decided, a success); the link, sent once it settles, will fail
		Eventually.until(SETTLES, "the unlink is sent", () -> changes.find(change.id()).orElseThrow(),
				now -> ProvisioningPlan.UNLINK.equals(now.step()));
		faults.set(SandboxApi.SINCH, "patch", Fault.provisioningFailures(1.0));
		Change failed = settled(change);
		faults.clearAll();
		assertThat(failed.state()).as(failed.providerMessage()).isEqualTo(ChangeState.FAILED);
		assertThat(failed.step()).isEqualTo(ProvisioningPlan.LINK);
		assertThat(row(id)).containsEntry("status", "FailedProvisioning");
		assertThat(attention(id)).extracting(PendingChange::id).containsExactly(failed.id());

		Change done = settled(as("operator", () -> edits.restorePrevious(principal("operator"), failed.id())));

		assertThat(done.state()).as(done.providerMessage()).isEqualTo(ChangeState.SUCCEEDED);
		ProviderNumber now = atCarrier(ProviderKind.SINCH, id);
		assertThat(now.smsServicePlanId()).isEqualTo("sp-support-03");
		assertThat(now.smsCampaignId()).isEqualTo("CC7F8G9");
		assertThat(now.smsProvisioning()).isNull();
		assertThat(row(id)).containsEntry("sms_service_plan_id", "sp-support-03")
			.containsEntry("ten_dlc_campaign_id", "CC7F8G9")
			.containsEntry("status", "Active");
		assertThat(attention(id)).isEmpty();
	}

	/**
	 * The incident: an operator typed a service plan the account does not have. The carrier (like
	 * Sinch) accepts it and fails the link after the working plan was unlinked; the change must end
	 * FAILED with the code explained and the number needing attention, never "succeeded".
	 */
	@Test
	void aServicePlanTheAccountDoesNotHaveFailsWithItsCodeAndTheNumberNeedsAttention() {
		long id = usSinchNumber("sp-growth-01", "CA1B2C3");
		Change change = submit("operator", id, new Edit.SmsAssignment("sp-does-not-exist", "CA1B2C3"));

		Change failed = settled(change);
		assertThat(failed.state()).isEqualTo(ChangeState.FAILED);
		assertThat(failed.providerCode()).isEqualTo("SMS_PROVISIONING_FAILED");
		assertThat(failed.providerMessage()).contains("service plan");
		assertThat(failed.restorable()).isTrue();
		assertThat(failed.previous()).containsEntry("servicePlanId", "sp-growth-01");
		ProviderNumber carrier = atCarrier(ProviderKind.SINCH, id);
		assertThat(carrier.smsServicePlanId()).as("not linked to the unknown plan").isNullOrEmpty();
		Map<String, Object> row = row(id);
		assertThat(row.get("status")).as("the number shows the failure").isEqualTo("FailedProvisioning");
		PortalPrincipal operator = principal("operator");
		assertThat(PendingChange.needingAttention(
				details.pendingChanges(new Viewer(operator.getUserId(), operator.getTeamIds()), id)))
			.as("the number's header says it needs attention")
			.extracting(PendingChange::id)
			.containsExactly(failed.id());
	}

	@Test
	void aVoiceAppChangeReachesTheCarrier() {
		long id = sinchNumber("US", List.of("SMS", "VOICE"), "", "", "app-old");
		Change change = submit("operator", id, new Edit.VoiceApp("app-new"));
		assertThat(settled(change).state()).isEqualTo(ChangeState.SUCCEEDED);
		assertThat(atCarrier(ProviderKind.SINCH, id).voiceAppId()).isEqualTo("app-new");
		assertThat(row(id)).containsEntry("voice_app_id", "app-new");
		assertThat(patches(id)).hasSize(1);
		assertThat(patches(id).get(0).body()).contains("\"voiceConfiguration\":{\"appId\":\"app-new\"}")
			.doesNotContain("smsConfiguration");
	}

	// ------------------------------------------------------------------ Flowroute switches

	@Test
	void cnamLookupsReachFlowroute() {
		long id = flowrouteNumber();
		Change change = submit("operator", id, new Edit.CnamLookups(true));
		assertThat(settled(change).state()).isEqualTo(ChangeState.SUCCEEDED);
		assertThat(atCarrier(ProviderKind.FLOWROUTE, id).cnamLookupsEnabled()).isTrue();
		assertThat(row(id)).containsEntry("cnam_lookups_enabled", true);
	}

	@Test
	void messagingOnANumberFlowrouteAnswers207IsPartialAndCanBeRetried() {
		long id = flowrouteNumber(FlowrouteSandboxRows.alwaysFailingId());
		Change change = submit("operator", id, new Edit.Messaging(true));
		Change partial = settled(change);
		assertThat(partial.state()).isEqualTo(ChangeState.PARTIAL);
		assertThat(partial.providerMessage()).isNotBlank();
		assertThat(partial.retryable()).isTrue();
		assertThat(eventTypes(id)).contains("CHANGE_PARTIAL");
		assertThat(patches(id)).hasSize(1);
		assertThat(patches(id).get(0).status()).isEqualTo(207);

		Change retried = as("operator", () -> edits.retry(principal("operator"), partial.id()));
		assertThat(retried.state()).isIn(ChangeState.PENDING, ChangeState.IN_PROGRESS, ChangeState.PARTIAL);
		Change again = Eventually.until(SETTLES, "the retry was sent", () -> changes.find(partial.id()).orElseThrow(),
				now -> now.state() == ChangeState.PARTIAL && patches(id).size() == 2);
		assertThat(again.attempts()).isEqualTo(2);
		assertThat(eventTypes(id)).contains("CHANGE_RETRIED");

		// the sandbox never enables it on this number: call the change off, which gives the column back
		Change cancelled = as("operator", () -> edits.cancel(principal("operator"), partial.id()));
		assertThat(cancelled.state()).isEqualTo(ChangeState.CANCELLED);
		assertThat(row(id)).containsEntry("messaging_enabled", false);
	}

	// ------------------------------------------------------------------ local edits

	@Test
	void enablementAndBusinessCampaignAreLocalAndSettleAtOnce() {
		long id = usSinchNumber("sp-local", "");

		Change disabled = submit("operator", id, new Edit.Enablement(false));
		assertThat(disabled.state()).isEqualTo(ChangeState.SUCCEEDED);
		assertThat(disabled.settledAt()).isNotNull();
		assertThat(row(id)).containsEntry("enabled", false).containsEntry("status", "Suspended");

		Change campaign = submit("operator", id, new Edit.BusinessCampaign("BC-spring"));
		assertThat(campaign.state()).isEqualTo(ChangeState.SUCCEEDED);
		assertThat(row(id)).containsEntry("campaign_id", "BC-spring");

		Change enabled = submit("operator", id, new Edit.Enablement(true));
		assertThat(enabled.state()).isEqualTo(ChangeState.SUCCEEDED);
		assertThat(row(id)).containsEntry("enabled", true);

		assertThat(sent(id)).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = ? and task_instance in (?, ?, ?)",
				Integer.class, ChangeJobs.PUSH_CHANGE, String.valueOf(disabled.id()), String.valueOf(campaign.id()),
				String.valueOf(enabled.id()))).isZero();
		assertThat(eventTypes(id)).filteredOn("EDITED"::equals).hasSize(3);
	}

	// ------------------------------------------------------------------ release

	@Test
	void aReleaseIsHeldAndCanBeCancelled() {
		long id = usSinchNumber("sp-rel", "");
		Instant before = Instant.now();
		Change release = submit("admin", id, new Edit.Release("Customer cancelled"));
		assertThat(release.state()).isEqualTo(ChangeState.PENDING);
		assertThat(release.nextAttemptAt()).isAfter(before.plus(Duration.ofDays(6)));
		Map<String, Object> held = row(id);
		assertThat(held).containsEntry("status", "PendingRelease").containsEntry("provider_release_reason",
				"Customer cancelled");
		assertThat(((Timestamp) held.get("provider_release_hold_starts_at")).toInstant()).isAfterOrEqualTo(
				before.minusSeconds(1));
		assertThat(((Timestamp) held.get("provider_release_scheduled_at")).toInstant())
			.isEqualTo(release.nextAttemptAt());

		Change cancelled = as("admin", () -> edits.cancel(principal("admin"), release.id()));
		assertThat(cancelled.state()).isEqualTo(ChangeState.CANCELLED);
		Map<String, Object> kept = row(id);
		assertThat(kept.get("provider_release_scheduled_at")).isNull();
		assertThat(kept.get("provider_release_hold_starts_at")).isNull();
		assertThat(kept.get("status")).isNotEqualTo("PendingRelease");
		assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = ? and task_instance = ?",
				Integer.class, ChangeJobs.PUSH_CHANGE, String.valueOf(release.id()))).isZero();
		assertThat(sent(id)).isEmpty();
	}

	@Test
	void whenTheHoldEndsTheNumberIsReleasedAtTheCarrier() {
		long id = usSinchNumber("", "");
		String phoneNumber = providerId(id);
		try {
			Change release = submit("admin", id, new Edit.Release("Number no longer needed"));
			// the hold ends now
			jdbc.update("update pending_changes set next_attempt_at = now() where id = ?", release.id());
			dispatch.schedule(release.id(), Instant.now());

			assertThat(settled(release).state()).isEqualTo(ChangeState.SUCCEEDED);
			assertThat(sent(id)).extracting(SandboxJournal.Entry::method, SandboxJournal.Entry::status)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("POST", 200));
			assertThat(sent(id).get(0).path()).endsWith(":release");
			assertThatThrownBy(() -> carrier(ProviderKind.SINCH).get(phoneNumber)).isInstanceOfSatisfying(
					ProviderError.class, error -> assertThat(error.httpStatus()).isEqualTo(404));
			assertThat(row(id).get("provider_released_at")).isNotNull();
			assertThat(row(id)).containsEntry("status", "Expired");
			assertThat(eventTypes(id)).contains("RELEASED");
		}
		finally {
			// gone at the carrier: keep the mirror of the whole fleet equal to the sandbox for other tests
			jdbc.update("delete from phone_numbers where id = ?", id);
		}
	}

	@Test
	void onlyAdminsReleaseAndViewersEditNothing() {
		long id = usSinchNumber("", "");
		int before = changeCount();
		long version = (Long) row(id).get("version");
		assertThatThrownBy(() -> submit("operator", id, new Edit.Release("Operator tries"))).isInstanceOf(
				AccessDeniedException.class);
		assertThatThrownBy(() -> submit("viewer", id, new Edit.Rename("Viewer tries"))).isInstanceOf(
				AccessDeniedException.class);
		assertThatThrownBy(() -> submit("viewer", id, new Edit.Enablement(false))).isInstanceOf(
				AccessDeniedException.class);
		assertThat(changeCount()).isEqualTo(before);
		assertThat(row(id)).containsEntry("version", version);
		assertThat(sent(id)).isEmpty();
	}

	// ------------------------------------------------------------------ failures on the way

	@Test
	void whileTheCarrierIsDownARenameWaitsAndRetriesThenSucceedsOnce() {
		long id = usSinchNumber("", "");
		faults.set(SandboxApi.SINCH, "patch", Fault.serverErrors(1.0));
		Change change = submit("operator", id, new Edit.Rename("Support while down"));

		// a 500 does not say the rename was not applied: the change stays in progress, and the carrier is asked first
		Change waiting = Eventually.until(SETTLES, "a failed attempt is recorded", () -> changes.find(change.id()).orElseThrow(),
				now -> now.attempts() > 0 && now.state() == ChangeState.IN_PROGRESS);
		assertThat(waiting.providerMessage()).startsWith("Attempt ").contains("went unanswered");
		assertThat(waiting.providerCode()).isNotBlank();
		assertThat(waiting.nextAttemptAt()).isNotNull();

		faults.clearAll();
		assertThat(settled(change).state()).isEqualTo(ChangeState.SUCCEEDED);
		assertThat(atCarrier(ProviderKind.SINCH, id).displayName()).isEqualTo("Support while down");
		List<SandboxJournal.Entry> patches = patches(id);
		assertThat(patches).filteredOn(patch -> patch.status() == 200).hasSize(1);
		assertThat(patches).filteredOn(patch -> patch.status() >= 500).hasSizeGreaterThanOrEqualTo(1);
		assertThat(patches.get(patches.size() - 1).status()).isEqualTo(200);
		List<String> methods = requests(id).stream().map(SandboxJournal.Entry::method).toList();
		assertThat(methods.get(methods.lastIndexOf("PATCH") - 1)).as("the carrier was read before the last send").isEqualTo("GET");
	}


	@Test
	void aCarrierThatSaysRetryAfterIsNotAskedAgainSooner() {
		long id = usSinchNumber("", "");
		// test backoff is 200 ms; the carrier asks for 3 s: its word wins
		faults.set(SandboxApi.SINCH, "patch", Fault.rateLimited(1.0, 3));
		Change change = submit("operator", id, new Edit.Rename("Support rate limited"));

		Change waiting = Eventually.until(SETTLES, "the 429 is recorded", () -> changes.find(change.id()).orElseThrow(),
				now -> now.attempts() > 0 && now.state() == ChangeState.PENDING);
		assertThat(waiting.providerCode()).isNotBlank();
		assertThat(Duration.between(waiting.updatedAt(), waiting.nextAttemptAt()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(2900));
		assertThat(patches(id)).as("nothing sent again before Retry-After").hasSize(1);

		faults.clearAll();
		assertThat(settled(change).state()).isEqualTo(ChangeState.SUCCEEDED);
		List<SandboxJournal.Entry> patches = patches(id);
		assertThat(patches.get(patches.size() - 1).status()).isEqualTo(200);
		assertThat(patches.subList(0, patches.size() - 1)).extracting(SandboxJournal.Entry::status).containsOnly(429);
		for (int i = 1; i < patches.size(); i++) {
			assertThat(Duration.between(patches.get(i - 1).at(), patches.get(i).at())).as("gap before attempt " + (i + 1))
				.isGreaterThanOrEqualTo(Duration.ofMillis(2900));
		}
	}

	// ------------------------------------------------------------------ writes whose answer was lost

	/** Every request the sandbox received for this number, reads included. */
	List<SandboxJournal.Entry> requests(long numberId) {
		String digits = providerId(numberId).replace("+", "");
		return journal.matching(entry -> entry.path().contains(digits));
	}

	/**
	 * Makes the edit while the carrier carries out this endpoint's requests but never answers them
	 * in time (fault "answer lost"); answers the settled change once it has checked that the
	 * write reached the carrier exactly once and that the next request about the number was a
	 * read. The fault is switched off as soon as the write has arrived, so a second write would be
	 * answered normally, and counted.
	 */
	Change afterALostAnswer(SandboxApi api, String endpoint, String method, long id, Supplier<Change> edit) {
		faults.set(api, endpoint, Fault.lostAnswers(1.0));
		Change change = edit.get();
		Eventually.until(SETTLES, "the carrier receives the " + method, () -> requests(id),
				found -> found.stream().anyMatch(entry -> entry.method().equals(method)));
		faults.clearAll();

		Change done = settled(change);

		List<SandboxJournal.Entry> requests = requests(id);
		List<String> methods = requests.stream().map(SandboxJournal.Entry::method).toList();
		assertThat(methods).as("sent exactly once").filteredOn(method::equals).hasSize(1);
		List<String> after = methods.subList(methods.indexOf(method) + 1, methods.size());
		assertThat(after).as("what followed the unanswered " + method).isNotEmpty().first().isEqualTo("GET");
		return done;
	}

	@Test
	void aSinchRenameWhoseAnswerWasLostIsLookedUpAtTheCarrierNotSentAgain() {
		long id = usSinchNumber("", "");
		Change done = afterALostAnswer(SandboxApi.SINCH, "patch", "PATCH", id,
				() -> submit("operator", id, new Edit.Rename("Support answer lost")));
		assertThat(done.state()).as(done.providerMessage()).isEqualTo(ChangeState.SUCCEEDED);
		assertThat(atCarrier(ProviderKind.SINCH, id).displayName()).isEqualTo("Support answer lost");
		assertThat(row(id)).containsEntry("name", "Support answer lost");
	}

	@Test
	void aFlowroutePatchWhoseAnswerWasLostIsLookedUpAtTheCarrierNotSentAgain() {
		long id = flowrouteNumber();
		Change done = afterALostAnswer(SandboxApi.FLOWROUTE, "patch", "PATCH", id,
				() -> submit("operator", id, new Edit.CnamLookups(true)));
		assertThat(done.state()).as(done.providerMessage()).isEqualTo(ChangeState.SUCCEEDED);
		assertThat(atCarrier(ProviderKind.FLOWROUTE, id).cnamLookupsEnabled()).isTrue();
		assertThat(row(id)).containsEntry("cnam_lookups_enabled", true);
	}

	@Test
	void anSmsUnlinkWhoseAnswerWasLostIsFollowedNotSentAgain() {
		long id = usSinchNumber("sp-growth-01", "CA1B2C3");
		faults.set(SandboxApi.SINCH, "patch", Fault.lostAnswers(1.0));
		Change change = submit("operator", id, new Edit.SmsAssignment("sp-retention-02", "CB4D5E6"));
		Eventually.until(SETTLES, "the carrier receives the unlink", () -> patches(id), found -> !found.isEmpty());
		faults.clearAll();

		Change done = settled(change);

		assertThat(done.state()).as(done.providerMessage()).isEqualTo(ChangeState.SUCCEEDED);
		assertThat(patches(id)).extracting(SandboxJournal.Entry::body)
			.satisfiesExactly(unlink -> assertThat(unlink).contains("\"servicePlanId\":\"\""),
					link -> assertThat(link).contains("\"servicePlanId\":\"sp-retention-02\""));
		assertThat(atCarrier(ProviderKind.SINCH, id).smsCampaignId()).isEqualTo("CB4D5E6");
	}

	@Test
	void aSinchReleaseWhoseAnswerWasLostIsLookedUpAtTheCarrierNotSentAgain() {
		long id = usSinchNumber("", "");
		try {
			Change done = afterALostAnswer(SandboxApi.SINCH, "release", "POST", id, () -> releasedNow(id));
			assertThat(done.state()).as(done.providerMessage()).isEqualTo(ChangeState.SUCCEEDED);
			assertThat(row(id).get("provider_released_at")).isNotNull();
			assertThat(eventTypes(id)).contains("RELEASED");
		}
		finally {
			jdbc.update("delete from phone_numbers where id = ?", id);
		}
	}

	@Test
	void aFlowrouteDeleteWhoseAnswerWasLostIsLookedUpAtTheCarrierNotSentAgain() {
		long id = flowrouteNumber();
		try {
			Change done = afterALostAnswer(SandboxApi.FLOWROUTE, "delete", "DELETE", id, () -> releasedNow(id));
			assertThat(done.state()).as(done.providerMessage()).isEqualTo(ChangeState.SUCCEEDED);
			assertThat(row(id).get("provider_released_at")).isNotNull();
		}
		finally {
			jdbc.update("delete from phone_numbers where id = ?", id);
		}
	}

	/** A release whose hold ends at once. */
	Change releasedNow(long id) {
		Change release = submit("admin", id, new Edit.Release("Answer lost test"));
		jdbc.update("update pending_changes set next_attempt_at = now() where id = ?", release.id());
		dispatch.schedule(release.id(), Instant.now());
		return release;
	}

	@Test
	void aPushThatDiedAfterReachingTheCarrierIsNotSentAgain() {
		long id = usSinchNumber("", "");
		String name = "Support applied before the crash";
		// the previous run claimed the change (IN_PROGRESS), sent it, and died before recording anything
		long changeId = changes.insert(id, null, ChangeKind.RENAME, Map.of("name", name), Map.of(), ChangeState.IN_PROGRESS,
				"Rename: → " + name, Instant.now(), null, "operator", "SINCH", Instant.now());
		carrier(ProviderKind.SINCH).apply(providerId(id), NumberChange.rename(name));
		assertThat(patches(id)).hasSize(1);

		assertThat(dispatcher.push(changeId)).isNull();
		assertThat(changes.find(changeId).orElseThrow().state()).isEqualTo(ChangeState.SUCCEEDED);
		assertThat(patches(id)).as("not sent a second time").hasSize(1);
		assertThat(row(id)).containsEntry("name", name);
	}

	@Test
	void aPushThatDiedBeforeReachingTheCarrierSendsOnce() {
		long id = usSinchNumber("", "");
		String name = "Support not applied before the crash";
		long changeId = changes.insert(id, null, ChangeKind.RENAME, Map.of("name", name), Map.of(), ChangeState.IN_PROGRESS,
				"Rename: → " + name, Instant.now(), null, "operator", "SINCH", Instant.now());

		assertThat(dispatcher.push(changeId)).isNull();
		assertThat(changes.find(changeId).orElseThrow().state()).isEqualTo(ChangeState.SUCCEEDED);
		assertThat(patches(id)).hasSize(1);
		assertThat(atCarrier(ProviderKind.SINCH, id).displayName()).isEqualTo(name);
	}

	// ------------------------------------------------------------------ refusals change nothing

	@Test
	void anEditBasedOnAStaleValueIsAConflictAndChangesNothing() {
		long id = usSinchNumber("", "");
		Map<String, Object> seen = row(id);
		long seenVersion = (Long) seen.get("version");
		String seenName = (String) seen.get("name");
		assertThat(settled(submit("operator", id, new Edit.Rename("Support changed by someone else"))).state())
			.isEqualTo(ChangeState.SUCCEEDED);
		int before = changeCount();
		int sentBefore = sent(id).size();
		Map<String, Object> now = row(id);

		assertThatThrownBy(() -> as("operator", () -> edits.submit(principal("operator"), id,
				new Edit.Rename("Support mine"), seenVersion, seenName)))
			.isInstanceOfSatisfying(EditConflict.class, conflict -> {
				assertThat(conflict.getMessage()).contains("\"Support changed by someone else\"").contains("Nothing was changed");
				assertThat(conflict.currentValue()).isEqualTo("Support changed by someone else");
				assertThat(conflict.currentVersion()).isEqualTo((Long) now.get("version"));
			});
		assertThat(changeCount()).isEqualTo(before);
		assertThat(row(id)).containsEntry("name", "Support changed by someone else").containsEntry("version", now.get("version"));
		assertThat(sent(id)).hasSize(sentBefore);

		// an old version whose value of this field is still the one seen is no conflict
		Change voice = as("operator", () -> edits.submit(principal("operator"), id, new Edit.VoiceApp("app-fresh"),
				seenVersion, ""));
		assertThat(settled(voice).state()).isEqualTo(ChangeState.SUCCEEDED);
	}

	@Test
	void badInputIsRefusedForEveryKindAndNothingIsStoredOrSent() {
		long sinch = usSinchNumber("sp-1", "C1");
		long canada = sinchNumber("CA", List.of("SMS", "VOICE"), "", "", "");
		long flowroute = flowrouteNumber();
		int changesBefore = changeCount();
		Map<Long, Object> versions = Map.of(sinch, row(sinch).get("version"), canada, row(canada).get("version"), flowroute,
				row(flowroute).get("version"));
		int eventsBefore = events(sinch).size() + events(canada).size() + events(flowroute).size();

		record Bad(String user, long number, Edit edit, String field) {
		}
		String hostile = "<script>alert(1)</script>";
		for (Bad bad : List.of(new Bad("operator", sinch, new Edit.Rename("   "), "name"),
				new Bad("operator", flowroute, new Edit.Rename("x".repeat(256)), "name"),
				new Bad("operator", sinch, new Edit.Rename("two\nlines"), "name"),
				new Bad("operator", sinch, new Edit.SmsAssignment(hostile, ""), "servicePlanId"),
				new Bad("operator", sinch, new Edit.SmsAssignment("sp-2", hostile), "campaignId"),
				new Bad("operator", canada, new Edit.SmsAssignment("sp-2", "C2"), "campaignId"),
				new Bad("operator", sinch, new Edit.SmsAssignment("", "C2"), "servicePlanId"),
				new Bad("operator", flowroute, new Edit.SmsAssignment("sp-2", ""), "servicePlanId"),
				new Bad("operator", sinch, new Edit.VoiceApp(" "), "appId"),
				new Bad("operator", sinch, new Edit.VoiceApp(hostile), "appId"),
				new Bad("operator", flowroute, new Edit.VoiceApp("app-1"), "appId"),
				new Bad("operator", sinch, new Edit.BusinessCampaign(hostile), "businessCampaignId"),
				new Bad("operator", sinch, new Edit.CnamLookups(true), "enabled"),
				new Bad("operator", sinch, new Edit.Messaging(true), "enabled"),
				new Bad("operator", sinch, new Edit.Enablement(true), "enabled"),
				new Bad("admin", sinch, new Edit.Release("no"), "reason"),
				new Bad("admin", flowroute, new Edit.Release(" "), "reason"))) {
			assertThatThrownBy(() -> submit(bad.user(), bad.number(), bad.edit())).as(bad.toString())
				.isInstanceOfSatisfying(EditRefused.class,
						refused -> assertThat(refused.problems()).extracting(FieldProblem::field).contains(bad.field()));
		}
		assertThatThrownBy(() -> submit("operator", 987_654_321L, new Edit.Rename("Nobody"))).isInstanceOf(UnknownTarget.class);

		assertThat(changeCount()).isEqualTo(changesBefore);
		assertThat(events(sinch).size() + events(canada).size() + events(flowroute).size()).isEqualTo(eventsBefore);
		versions.forEach((number, version) -> assertThat(row(number)).containsEntry("version", version));
		assertThat(sent(sinch)).isEmpty();
		assertThat(sent(canada)).isEmpty();
		assertThat(sent(flowroute)).isEmpty();
		assertThat(Set.of(row(sinch).get("name"), row(canada).get("name"))).doesNotContain("   ", "two\nlines");
	}
}

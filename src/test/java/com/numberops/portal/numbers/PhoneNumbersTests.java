package com.numberops.portal.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import com.numberops.portal.support.PortalIntegrationTest;

/**
 * Each verb of the number's owner on Postgres: the version moves (and a stale one is refused,
 * changing nothing), status and inventory state are re-derived by the verb itself, the event is on
 * the timeline, and a change of the effective enablement is announced.
 */
@RecordApplicationEvents
class PhoneNumbersTests extends PortalIntegrationTest {

	@Autowired
	PhoneNumbers numbers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEvents applicationEvents;

	/** A person who exists (the timeline links to users), named Ada here. */
	Actor ADA;

	long id;

	/** A Sinch US long code with an SMS plan and a 10DLC campaign, in no team: Available and Active. */
	@BeforeEach
	void number() {
		ADA = Actor.person(jdbc.queryForObject("select min(id) from users", Long.class), "Ada");
		String ref = "owner-" + UUID.randomUUID();
		long account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode) values ('SINCH', ?, 'Owner test', 'SANDBOX')
				returning id""", Long.class, ref);
		id = jdbc.queryForObject("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, cap_sms, cap_voice, sms_service_plan_id, ten_dlc_campaign_id, enabled,
				    provider_state_hash, inventory_state, status)
				values ('+12065550100', 'Line', 'US', 'LOCAL', ?, 'SINCH', ?, true, true, 'sp-1', 'C1', true, 'hash',
				    'Available', 'Active')
				returning id""", Long.class, account, ref);
	}

	@Test
	void recordingAnIntentWritesTheFieldMovesTheVersionAndTellsTheTimeline() {
		in(tx -> numbers.recordIntent(NumberRef.at(id, 0), IntentField.NAME, "Support line", ADA,
				new TimelineEntry("EDIT_REQUESTED", "Rename requested", null, "rename", "Line", "Support line")));
		Map<String, Object> row = row();
		assertThat(row).containsEntry("name", "Support line").containsEntry("version", 1L);
		assertThat(row.get("provider_state_hash")).as("the next sync compares afresh").isNull();
		assertThat(lastEvent()).containsEntry("type", "EDIT_REQUESTED")
			.containsEntry("before_value", "Line")
			.containsEntry("after_value", "Support line")
			.containsEntry("actor_name", "Ada")
			.containsEntry("source", "PORTAL");
	}

	@Test
	void disablingReDerivesTheStatesAndAnnouncesTheEnablement() {
		in(tx -> numbers.recordIntent(NumberRef.at(id, 0), IntentField.ENABLED, false, ADA,
				TimelineEntry.of("EDITED", "Enabled changed", null)));
		assertStates(InventoryState.SUSPENDED, NumberStatus.SUSPENDED, 1);
		assertThat(applicationEvents.stream(EffectiveEnablementChanged.class))
			.containsExactly(new EffectiveEnablementChanged(id, "Ada"));
	}

	@Test
	void aStaleVersionIsRefusedAndChangesNothing() {
		assertThatThrownBy(() -> in(tx -> numbers.recordIntent(NumberRef.at(id, 5), IntentField.NAME, "Other", ADA,
				TimelineEntry.of("EDITED", "Rename", null))))
			.isInstanceOf(NumberChanged.class)
			.hasMessageContaining("changed while");
		assertThat(row()).containsEntry("name", "Line").containsEntry("version", 0L);
		assertThat(events()).isZero();
	}

	@Test
	void aRequestThatKeepsNoIntentOnlyMovesTheVersion() {
		in(tx -> numbers.recordRequest(NumberRef.at(id, 0), ADA, TimelineEntry.of("EDIT_REQUESTED", "Voice app requested", null)));
		assertThat(row()).containsEntry("name", "Line").containsEntry("version", 1L).containsEntry("provider_state_hash", "hash");
		assertThat(lastEvent()).containsEntry("title", "Voice app requested");
	}

	@Test
	void aHeldReleaseIsPendingReleaseUntilCancelled() {
		Instant until = Instant.now().plus(7, ChronoUnit.DAYS);
		in(tx -> numbers.holdRelease(NumberRef.at(id, 0), "Not needed", until, ADA,
				TimelineEntry.of("EDIT_REQUESTED", "Release requested", null)));
		assertStates(InventoryState.PENDING_RELEASE, NumberStatus.PENDING_RELEASE, 1);
		assertThat(row()).containsEntry("provider_release_reason", "Not needed")
			.containsEntry("provider_release_requested_by_user_id", String.valueOf(ADA.userId()))
			.containsEntry("provider_release_requested_by_name", "Ada");
		in(tx -> numbers.cancelRelease(NumberRef.of(id), ADA, TimelineEntry.of("CHANGE_CANCELLED", "Release cancelled", null)));
		assertStates(InventoryState.AVAILABLE, NumberStatus.ACTIVE, 2);
		assertThat(row().get("provider_release_scheduled_at")).isNull();
		assertThat(events()).isEqualTo(2);
	}

	@Test
	void aReleasedNumberIsReleased() {
		in(tx -> numbers.markReleased(NumberRef.of(id), Actor.scheduler("Ada"),
				TimelineEntry.of("RELEASED", "Released to the carrier", null)));
		assertStates(InventoryState.RELEASED, NumberStatus.EXPIRED, 1);
		assertThat(lastEvent()).containsEntry("source", "SCHEDULER").containsEntry("type", "RELEASED");
	}

	@Test
	void anOverrideDecidesTheEnablementUntilCleared() {
		in(tx -> numbers.applyOverride(NumberRef.at(id, 0), false, "Complaint", ADA,
				TimelineEntry.of("OVERRIDE_APPROVED", "Override approved: disabled", null)));
		assertStates(InventoryState.SUSPENDED, NumberStatus.SUSPENDED, 1);
		assertThat(row()).containsEntry("override_enabled", false).containsEntry("override_reason", "Complaint");
		in(tx -> numbers.clearOverride(NumberRef.at(id, 1), ADA, TimelineEntry.of("OVERRIDE_CLEARED", "Override cleared", null)));
		assertStates(InventoryState.AVAILABLE, NumberStatus.ACTIVE, 2);
		assertThat(row().get("override_enabled")).isNull();
		assertThat(applicationEvents.stream(EffectiveEnablementChanged.class)).hasSize(2);
	}

	@Test
	void warmupMovesWriteTheirColumnsAndOnlyTheEventsGiven() {
		Instant next = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
		in(tx -> numbers.moveSmsWarmup(NumberRef.of(id),
				new PhoneNumbers.SmsWarmup(true, "Warming", 0, 0, null, next, null, null), ADA,
				new TimelineEntry("WARMUP", "SMS warmup turned on", null, "warmup_state", "Not Started", "Warming")));
		in(tx -> numbers.moveCallWarmup(NumberRef.of(id),
				new PhoneNumbers.CallWarmup(true, "Warming", 1, 1, next, null, null), Actor.scheduler("Warmup job"), null));
		Map<String, Object> row = row();
		assertThat(row).containsEntry("warmup_enabled", true)
			.containsEntry("warmup_state", "Warming")
			.containsEntry("health_status", "Warming")
			.containsEntry("call_warmup_state", "Warming")
			.containsEntry("call_warmup_stage", 1)
			.containsEntry("version", 2L);
		assertThat(events()).as("a quiet move writes no line").isEqualTo(1);
	}

	@Test
	void aNoteTellsTheTimelineAndLeavesTheVersion() {
		run(tx -> numbers.note(id, ADA, TimelineEntry.of("CHANGE_RETRIED", "Rename retried", "Line → Support")));
		assertThat(row()).containsEntry("version", 0L);
		assertThat(lastEvent()).containsEntry("details", "Line → Support");
	}

	@Test
	void aNonNullFieldWithoutAValueBeforeIsLeftAsItIs() {
		in(tx -> numbers.restoreIntent(NumberRef.of(id), IntentField.ENABLED, null, ADA,
				TimelineEntry.of("CHANGE_CANCELLED", "Enabled cancelled", null)));
		assertThat(row()).containsEntry("enabled", true).containsEntry("version", 0L);
		assertThat(events()).isEqualTo(1);
	}

	@Test
	void aVanishedNumberIsMarkedOnceWithItsEvent() {
		List<Long> first = in(tx -> numbers.markVanished(List.of(id), "Sinch", "PROVIDER_SYNC"));
		List<Long> again = in(tx -> numbers.markVanished(List.of(id), "Sinch", "PROVIDER_SYNC"));
		assertThat(first).containsExactly(id);
		assertThat(again).isEmpty();
		assertStates(InventoryState.RELEASED, NumberStatus.EXPIRED, 1);
		assertThat(lastEvent()).containsEntry("type", "VANISHED").containsEntry("title", "No longer at Sinch");
		assertThat(events()).isEqualTo(1);
	}

	@Test
	void timeAloneIsReDerivedOnRequest() {
		jdbc.update("update phone_numbers set provider_expire_at = ? where id = ?",
				Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)), id);
		assertThat((int) in(tx -> numbers.rederive(List.of(id)))).isEqualTo(1);
		assertStates(InventoryState.FAILED, NumberStatus.EXPIRED, 1);
		assertThat((int) in(tx -> numbers.rederive(List.of(id)))).as("nothing left to change").isZero();
	}

	private <T> T in(java.util.function.Function<org.springframework.transaction.TransactionStatus, T> work) {
		return transactions.execute(work::apply);
	}

	private void run(Consumer<org.springframework.transaction.TransactionStatus> work) {
		transactions.executeWithoutResult(work);
	}

	private void assertStates(InventoryState inventory, NumberStatus status, long version) {
		assertThat(row()).containsEntry("inventory_state", inventory.value())
			.containsEntry("status", status.value())
			.containsEntry("version", version);
	}

	private Map<String, Object> row() {
		return jdbc.queryForMap("select * from phone_numbers where id = ?", id);
	}

	private Map<String, Object> lastEvent() {
		return jdbc.queryForMap("select * from number_events where phone_number_id = ? order by id desc limit 1", id);
	}

	private long events() {
		return jdbc.queryForObject("select count(*) from number_events where phone_number_id = ?", Long.class, id);
	}
}

package com.numberops.portal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.TestDatabase;

/** The Flyway schema on real Postgres: it applies, and its constraints refuse what they should. */
@Transactional
class MigrationsApplyAndConstraintsHoldTests extends PortalIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	long accountId;

	@BeforeEach
	void account() {
		accountId = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode)
				values ('SINCH', 'test-project', 'Test project', 'SANDBOX') returning id""", Long.class);
	}

	/** Runs a statement that must fail in a savepoint, so the test's transaction stays usable. */
	AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String sql, Object... args) {
		TransactionTemplate savepoint = new TransactionTemplate(transactions);
		savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		return assertThatThrownBy(() -> savepoint.executeWithoutResult(status -> jdbc.update(sql, args)));
	}

	long insertNumber(String number, String providerId) {
		return jdbc.queryForObject("""
				insert into phone_numbers (number, provider_account_id, provider, provider_phone_number_id)
				values (?, ?, 'SINCH', ?) returning id""", Long.class, number, accountId, providerId);
	}

	@Test
	void everyMigrationAppliedIntoTheTestSchema() {
		assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where not success", Integer.class))
			.isZero();
		assertThat(jdbc.queryForList("""
				select table_name from information_schema.tables where table_schema = ? order by table_name""",
				String.class, TestDatabase.SCHEMA))
			.contains("flyway_schema_history", "number_events", "phone_numbers", "provider_accounts", "roles", "teams",
					"user_teams", "users");
		assertThat(jdbc.queryForList("select code from roles order by rank", String.class))
			.containsExactly("VIEWER", "OPERATOR", "ADMIN");
	}

	@Test
	void theNumberRecordCarriesEveryFieldGroupOfSeed003() {
		List<String> columns = jdbc.queryForList("""
				select column_name from information_schema.columns
				where table_schema = ? and table_name = 'phone_numbers'""", String.class, TestDatabase.SCHEMA);
		assertThat(columns).contains("number", "name", "business_id", "owner_user_id", "team_id", "campaign_id",
				"source_id", "leadping_owned", "provider", "provider_phone_number_id", "provider_order_id",
				"provider_order_status", "provider_status", "provider_error", "provider_synced_at",
				"provider_released_at", "provider_release_requested_at", "provider_release_hold_starts_at",
				"provider_release_scheduled_at", "provider_release_reason", "provider_release_requested_by_user_id",
				"provider_release_requested_by_name", "provider_release_unassign_at_hold_start", "cap_sms",
				"cap_voice", "cap_warmup", "cap_testing", "routing_sms_enabled", "routing_voice_enabled",
				"routing_warmup_only", "routing_internal_test_only", "routing_team_id", "routing_source_id",
				"routing_campaign_id", "routing_messaging_profile_id", "routing_voice_connection_id",
				"ten_dlc_brand_id", "ten_dlc_campaign_id", "ten_dlc_campaign_status", "ten_dlc_assignment_status",
				"ten_dlc_messaging_profile_id", "ten_dlc_status_updated_at", "ten_dlc_failure_reason",
				"ten_dlc_last_provider_event_id", "billing_business_id", "billing_business_name", "billing_user_id",
				"billing_user_name", "billing_subscription_item_id", "billing_monthly_amount", "billing_channel",
				"is_preferred", "is_default", "location_name", "location_state", "location_country_code",
				"location_latitude", "location_longitude", "location_time_zone_id", "inventory_state", "status",
				"enabled", "override_enabled", "override_reason", "override_updated_by_user_id",
				"override_updated_at", "is_internal_pool", "is_approved_test_destination",
				"is_messaging_program_approved", "warmup_enabled", "warmup_state", "warmup_health_score",
				"warmup_progress_percent", "warmup_next_action_at", "warmup_pause_reason", "call_warmup_enabled",
				"call_warmup_state", "call_warmup_stage", "call_warmup_next_action_at", "call_warmup_pause_reason",
				"call_warmup_health_reason", "health_status", "health_reason", "created_at", "modified_at",
				"version");
	}

	@Test
	void aProviderNumberIsMirroredOncePerAccount() {
		insertNumber("+12065550100", "+12065550100");
		assertRefused("""
				insert into phone_numbers (number, provider_account_id, provider, provider_phone_number_id)
				values ('+12065550100', ?, 'SINCH', '+12065550100')""", accountId)
			.isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void theSameProviderIdInAnotherAccountIsAnotherRow() {
		insertNumber("+12065550100", "+12065550100");
		accountId = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode)
				values ('SINCH', 'other-project', 'Other', 'SANDBOX') returning id""", Long.class);
		assertThat(insertNumber("+12065550100", "+12065550100")).isPositive();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Available", "Assigned", "Pending verification", "Ready for SMS", "Ready for voice",
			"Restricted", "Suspended", "Failed", "Released", "Pending release", "Warmup-only", "Internal/test-only" })
	void everyInventoryStateOfSeed003IsAccepted(String state) {
		long id = insertNumber("+12065550101", "n1");
		assertThat(jdbc.update("update phone_numbers set inventory_state = ? where id = ?", state, id)).isOne();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Unregistered", "Provisioning", "FailedProvisioning", "Active", "Expired", "Suspended",
			"PendingRelease" })
	void everyStatusOfSeed003IsAccepted(String status) {
		long id = insertNumber("+12065550102", "n2");
		assertThat(jdbc.update("update phone_numbers set status = ? where id = ?", status, id)).isOne();
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"inventory_state = 'Ready'",
			"status = 'ACTIVE'",
			"warmup_state = 'Cold'",
			"call_warmup_state = 'Ready'",
			"call_warmup_stage = 5",
			"warmup_health_score = 101",
			"warmup_progress_percent = -1",
			"number = '2065550103'",
			"number = '+1206555O103'",
			"number_type = 'PREMIUM'",
			"country_code = 'usa'",
			"sms_provisioning_status = 'DONE'",
			"billing_monthly_amount = -1",
			"location_latitude = 91",
			"name = repeat('x', 256)",
			"override_enabled = true", // an override needs its reason and time
			"provider = 'TWILIO'" })
	void valuesOutsideTheRecordAreRefused(String assignment) {
		long id = insertNumber("+12065550103", "n3");
		assertRefused("update phone_numbers set " + assignment + " where id = ?", id)
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aCompleteOverrideIsAccepted() {
		long id = insertNumber("+12065550104", "n4");
		assertThat(jdbc.update("""
				update phone_numbers set override_enabled = false, override_reason = 'fraud review',
				override_updated_by_user_id = '1', override_updated_at = now() where id = ?""", id)).isOne();
	}

	@Test
	void usernamesAreUniqueWhateverTheirCase() {
		jdbc.update("insert into users (username, display_name, password_hash, role) values ('kim', 'Kim', 'x', 'VIEWER')");
		assertRefused(
				"insert into users (username, display_name, password_hash, role) values ('kim', 'Kim 2', 'x', 'VIEWER')")
			.isInstanceOf(DuplicateKeyException.class);
		assertRefused(
				"insert into users (username, display_name, password_hash, role) values ('Kim', 'Kim 3', 'x', 'VIEWER')")
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aUserHasOneOfTheThreeRoles() {
		assertRefused(
				"insert into users (username, display_name, password_hash, role) values ('root', 'Root', 'x', 'ROOT')")
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void teamNamesAreUniqueWhateverTheirCase() {
		jdbc.update("insert into teams (name) values ('Night shift')");
		assertRefused("insert into teams (name) values ('night SHIFT')")
			.isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void eventsBelongToTheirNumberAndGoWithIt() {
		long id = insertNumber("+12065550105", "n5");
		jdbc.update("""
				insert into number_events (phone_number_id, type, title, source, actor_name)
				values (?, 'RENAMED', 'Renamed', 'PORTAL', 'Ada')""", id);
		assertRefused("""
				insert into number_events (phone_number_id, type, title, source) values (?, 'X', 'X', 'NOWHERE')""", id)
			.isInstanceOf(DataIntegrityViolationException.class);
		jdbc.update("delete from phone_numbers where id = ?", id);
		assertThat(jdbc.queryForObject("select count(*) from number_events where phone_number_id = ?", Integer.class, id))
			.isZero();
	}

	@Test
	void digitsAnywhereInANumberAreFoundThroughTheTrigramIndex() {
		long id = insertNumber("+12065550106", "n6");
		// enough rows for the planner to prefer the index on its own
		jdbc.update("""
				insert into phone_numbers (number, provider_account_id, provider, provider_phone_number_id)
				select '+1415' || lpad(g::text, 7, '0'), ?, 'SINCH', 'bulk-' || g from generate_series(1, 20000) g""",
				accountId);
		jdbc.execute("analyze phone_numbers");
		String plan = String.join("\n", jdbc.queryForList(
				"explain (costs off) select id from phone_numbers where number like '%0655501%'", String.class));
		assertThat(plan).contains("phone_numbers_number_trgm");
		assertThat(jdbc.queryForList("select id from phone_numbers where number like '%0655501%'", Long.class))
			.containsExactly(id);
	}

	@Test
	void optimisticLockingHasItsVersionColumn() {
		long id = insertNumber("+12065550108", "n8");
		assertThat(jdbc.queryForObject("select version from phone_numbers where id = ?", Long.class, id)).isZero();
		assertThat(jdbc.update("update phone_numbers set name = 'x', version = version + 1 where id = ? and version = 0", id))
			.isOne();
		assertThat(jdbc.update("update phone_numbers set name = 'y', version = version + 1 where id = ? and version = 0", id))
			.isZero();
	}
}

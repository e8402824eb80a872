package com.numberops.portal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;

import com.numberops.portal.support.PortalIntegrationTest;

/** Seeding on scratch schemas: deterministic, once only, and realistic in its shape. */
class SandboxSeedingTests extends PortalIntegrationTest {

	@Autowired
	DataSourceProperties dataSourceProperties;

	@Autowired
	JdbcTemplate portal;

	final List<SandboxDatabase> opened = new ArrayList<>();

	SandboxDatabase seeded(String schema, long seed, int size) {
		SandboxDatabase database = new SandboxDatabase(dataSourceProperties, new SandboxProperties(schema, seed, size,
				Duration.ofSeconds(1), Duration.ofSeconds(1), "", "secret", Duration.ofSeconds(1), List.of(), List.of(), List.of()));
		opened.add(database);
		database.migrateAndSeed();
		return database;
	}

	static String scratch() {
		return "seedcheck_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	static String fingerprint(SandboxDatabase database) {
		return database.jdbc().sql("""
				select md5(string_agg(row, '|' order by row)) from (
				  select kind || phone_number || coalesce(display_name, '') || region_code || type
				         || sms_service_plan_id || sms_campaign_id || voice_app_id as row from sinch_numbers
				  union all
				  select id || coalesce(alias, '') || cnam_lookups_enabled || messaging_enabled from flowroute_numbers) rows""")
			.query(String.class)
			.single();
	}

	@AfterEach
	void dropScratchSchemas() {
		for (SandboxDatabase database : opened) {
			database.destroy();
			portal.execute("drop schema if exists " + database.schema() + " cascade");
		}
	}

	@Test
	void theSameSeedAndSizeGiveTheSameFleet() {
		String first = fingerprint(seeded(scratch(), 7, 200));
		assertThat(fingerprint(seeded(scratch(), 7, 200))).isEqualTo(first);
		assertThat(fingerprint(seeded(scratch(), 8, 200))).isNotEqualTo(first);
	}

	@Test
	void theFleetIsSplitAcrossCarriersRegionsAndTypes() {
		SandboxDatabase database = seeded(scratch(), 7, 1000);
		var jdbc = database.jdbc();
		assertThat(jdbc.sql("select count(*) from sinch_numbers where kind = 'ACTIVE'").query(Long.class).single()).isEqualTo(600);
		assertThat(jdbc.sql("select count(*) from sinch_numbers where kind = 'IMPORTED'").query(Long.class).single()).isEqualTo(100);
		assertThat(jdbc.sql("select count(*) from flowroute_numbers").query(Long.class).single()).isEqualTo(300);
		assertThat(jdbc.sql("select count(distinct (region_code, type)) from sinch_numbers where kind = 'ACTIVE'")
			.query(Long.class).single()).isEqualTo(9);
		assertThat(jdbc.sql("select count(*) from sinch_numbers where sms_campaign_id <> '' and region_code <> 'US'")
			.query(Long.class).single()).as("10DLC campaigns only on US numbers").isZero();
		assertThat(jdbc.sql("select count(*) from sinch_numbers where sms_prov_status = 'FAILED'").query(Long.class).single())
			.as("some numbers start with a failed provisioning").isPositive();
		assertThat(jdbc.sql("select count(*) from sinch_available_numbers").query(Long.class).single()).isPositive();
	}

	@Test
	void aRestartNeitherReseedsNorUndoesWhatWasDone() {
		String schema = scratch();
		SandboxDatabase database = seeded(schema, 7, 100);
		database.jdbc().sql("update flowroute_numbers set alias = 'changed by a test' where id = (select min(id) from flowroute_numbers)").update();
		database.jdbc().sql("delete from sinch_numbers where phone_number = (select min(phone_number) from sinch_numbers)").update();
		String before = fingerprint(database);

		SandboxDatabase restarted = seeded(schema, 7, 100);
		assertThat(fingerprint(restarted)).isEqualTo(before);
		assertThat(restarted.jdbc().sql("select count(*) from sinch_numbers").query(Long.class).single()).isEqualTo(69);
	}
}

package com.numberops.portal.providers.sinch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.support.SandboxSinchProject;

/**
 * Numbers a test owns, written straight into the sandbox's table (db/sandbox) so that destructive
 * tests never depend on, or disturb, the seeded fleet. Area code 555 is never seeded.
 */
final class SandboxSinchRows {

	static final String PROJECT = ProvidersProperties.SANDBOX_SINCH_PROJECT;

	private final JdbcClient jdbc;

	private final List<String> created = new ArrayList<>();

	SandboxSinchRows(SandboxDatabase sandbox) {
		this.jdbc = sandbox.jdbc();
	}

	/** An unlinked US number with SMS and voice, no name. */
	String active(String region, String type) {
		return insert("ACTIVE", region, type, "", "", "");
	}

	String activeLinked(String servicePlanId, String campaignId, String voiceAppId) {
		return insert("ACTIVE", "US", "LOCAL", servicePlanId, campaignId, voiceAppId);
	}

	String imported(String servicePlanId, String campaignId) {
		return insert("IMPORTED", "US", "LOCAL", servicePlanId, campaignId, "");
	}

	private String insert(String kind, String region, String type, String plan, String campaign, String voiceApp) {
		while (true) {
			String number = ("GB".equals(region) ? "+44555" : "+1555")
					+ ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
			int inserted = jdbc.sql("""
					insert into sinch_numbers (project_id, kind, phone_number, region_code, type, capabilities,
					                           money_currency, money_amount, sms_service_plan_id, sms_campaign_id, voice_app_id)
					values (:project, :kind, :number, :region, :type, array['SMS','VOICE'], :currency, 2.00, :plan, :campaign, :voice)
					on conflict do nothing
					""")
				.param("project", PROJECT)
				.param("kind", kind)
				.param("number", number)
				.param("region", region)
				.param("type", type)
				.param("currency", "GB".equals(region) ? "GBP" : "USD")
				.param("plan", plan)
				.param("campaign", campaign)
				.param("voice", voiceApp)
				.update();
			SandboxSinchProject.has(jdbc, plan, campaign);
			if (inserted == 1) {
				created.add(number);
				return number;
			}
		}
	}

	/**
	 * A number for sale that only this test knows: area code 299 is given to no one else, so a
	 * search starting with {@code prefix} finds these and nothing of the shared pool.
	 */
	String offer(String prefix, String capabilities, String setup, String monthly) {
		while (true) {
			String number = prefix + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
			number = number.substring(0, Math.min(number.length(), 12));
			int inserted = jdbc.sql("""
					insert into sinch_available_numbers (phone_number, region_code, type, capabilities, currency,
					    setup_amount, monthly_amount)
					values (:number, 'US', 'LOCAL', string_to_array(:caps, ','), 'USD', :setup::numeric, :monthly::numeric)
					on conflict do nothing""")
				.param("number", number)
				.param("caps", capabilities)
				.param("setup", setup)
				.param("monthly", monthly)
				.update();
			if (inserted == 1) {
				created.add(number);
				return number;
			}
		}
	}

	/** The phone numbers the sandbox holds for one listing scope, straight from its table. */
	List<String> activeNumbers(String region, String type) {
		return jdbc.sql("select phone_number from sinch_numbers where project_id = ? and kind = 'ACTIVE' "
				+ "and region_code = ? and type = ?").params(PROJECT, region, type).query(String.class).list();
	}

	List<String> importedNumbers(String servicePlanId, String campaignId) {
		return jdbc.sql("select phone_number from sinch_numbers where project_id = ? and kind = 'IMPORTED' "
				+ "and sms_service_plan_id = ? and sms_campaign_id = ?")
			.params(PROJECT, servicePlanId, campaignId)
			.query(String.class)
			.list();
	}

	String column(String number, String column) {
		return jdbc.sql("select coalesce(" + column + "::text, '<null>') from sinch_numbers where project_id = ? and phone_number = ?")
			.params(PROJECT, number)
			.query(String.class)
			.single();
	}

	void deleteCreated() {
		if (!created.isEmpty()) {
			jdbc.sql("delete from sinch_available_numbers where phone_number in (:numbers)").param("numbers", created).update();
			jdbc.sql("delete from sinch_numbers where project_id = :project and phone_number in (:numbers)")
				.param("project", PROJECT)
				.param("numbers", created)
				.update();
			created.clear();
		}
	}
}

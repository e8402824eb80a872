package com.numberops.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.numberops.portal.providers.NumberChange;
import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.sandbox.flowroute.FlowrouteSandboxRows;
import com.numberops.portal.support.PortalIntegrationTest;

/** The fast poll follows a number through scheduled provisioning until it settles. */
class ProvisioningPollTests extends PortalIntegrationTest {

	@Autowired
	MirrorSync sync;

	@Autowired
	SyncJobs.ProvisioningPoll poll;

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	SandboxDatabase sandbox;

	@Autowired
	JdbcTemplate mirror;

	@Test
	void aNumberInScheduledProvisioningIsFollowedUntilItSettles() {
		ProviderAccount account = accounts.all().stream().filter(a -> a.provider() == ProviderKind.SINCH).findFirst().orElseThrow();
		String number = "+1555" + String.format("%07d", 9_000_000 + (int) (System.nanoTime() % 900_000));
		sandbox.jdbc().sql("""
				insert into sinch_numbers (project_id, kind, phone_number, display_name, region_code, type, capabilities,
				                           money_currency, money_amount)
				values ('sandbox-project', 'ACTIVE', ?, 'Poll line', 'US', 'LOCAL', array['SMS','VOICE'], 'USD', 1.00)""")
			.param(number)
			.update();
		sync.refresh(account.id(), number, MirrorSync.SOURCE_SYNC);
		assertThat(row(account, number)).containsEntry("status", "Unregistered");

		accounts.adapterFor(account).orElseThrow().apply(number, NumberChange.sms("sp-growth-01", "CA1B2C3"));
		sync.refresh(account.id(), number, MirrorSync.SOURCE_SYNC);
		assertThat(row(account, number)).containsEntry("status", "Provisioning")
			.containsEntry("inventory_state", "Pending verification");

		FlowrouteSandboxRows.until(Duration.ofSeconds(10), "the poll saw the plan applied", () -> {
			poll.run();
			return "sp-growth-01".equals(row(account, number).get("sms_service_plan_id"));
		});
		assertThat(row(account, number)).containsEntry("status", "Active")
			.containsEntry("ten_dlc_campaign_id", "CA1B2C3")
			.containsEntry("sms_provisioning_status", null);
	}

	private Map<String, Object> row(ProviderAccount account, String number) {
		return mirror.queryForMap("select * from phone_numbers where provider_account_id = ? and provider_phone_number_id = ?",
				account.id(), number);
	}
}

package com.numberops.portal.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProviderNumber;
import com.numberops.portal.providers.ProvisioningState;

class ProviderStateUnitTest {

	static ProviderNumber number(String displayName, BigDecimal amount, ProvisioningState sms) {
		return new ProviderNumber(ProviderKind.SINCH, "+12065550100", "+12065550100", displayName, "us", "LOCAL",
				Set.of("SMS", "VOICE"), amount, "usd", 1, null, Instant.parse("2027-01-01T00:00:00.123456789Z"), "",
				null, sms, "app-1", null, null, null, null, null, null, null);
	}

	@Test
	void valuesAreCanonicalSoThatUnchangedCompareEqual() {
		ProviderState a = ProviderState.of(number("  Growth line  ", new BigDecimal("2.00"), null));
		ProviderState b = ProviderState.of(number("Growth line", new BigDecimal("2"), null));
		assertThat(a).isEqualTo(b);
		assertThat(a.hash()).isEqualTo(b.hash());
		assertThat(a.get("country_code")).isEqualTo("US");
		assertThat(a.get("billing_currency")).isEqualTo("USD");
		assertThat(a.get("sms_service_plan_id")).as("an empty link is no link").isNull();
		assertThat(a.get("provider_expire_at")).isEqualTo(Instant.parse("2027-01-01T00:00:00.123456Z"));
	}

	@Test
	void aRunningProvisioningJobIsPartOfTheState() {
		ProvisioningState failed = new ProvisioningState("FAILED", "sp-1", "C1", null, List.of("CAMPAIGN_NOT_AVAILABLE"), null);
		ProviderState state = ProviderState.of(number("x", BigDecimal.ONE, failed));
		assertThat(state.get("sms_provisioning_status")).isEqualTo("FAILED");
		assertThat(state.get("sms_provisioning_error_codes")).isEqualTo(List.of("CAMPAIGN_NOT_AVAILABLE"));
		assertThat(state.get("sms_provisioning_target_campaign_id")).isEqualTo("C1");
		assertThat(state.hash()).isNotEqualTo(ProviderState.of(number("x", BigDecimal.ONE, null)).hash());
	}

	@Test
	void pendingColumnsKeepTheMirrorsValue() {
		ProviderState stored = ProviderState.of(number("Portal name", BigDecimal.ONE, null));
		ProviderState carrier = ProviderState.of(number("Carrier name", BigDecimal.TEN, null));
		ProviderState merged = carrier.keeping(stored, Set.of("name"));
		assertThat(merged.get("name")).isEqualTo("Portal name");
		assertThat(merged.differences(stored)).containsExactly("billing_monthly_amount");
		assertThat(carrier.differences(stored)).containsExactly("name", "billing_monthly_amount");
	}

	@Test
	void eventsShowValuesAsPeopleReadThem() {
		assertThat(ProviderState.display(List.of("A", "B"))).isEqualTo("A, B");
		assertThat(ProviderState.display(new BigDecimal("1E+1"))).isEqualTo("10");
		assertThat(ProviderState.display(null)).isNull();
	}
}

package com.numberops.portal.providers.sinch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.numberops.portal.providers.NumberPage;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProviderNumber;
import com.numberops.portal.providers.ProvisioningState;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sinch answers, as the seeds document them, into provider-neutral numbers. */
class SinchJsonUnitTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Seed 002's ActiveNumberResponse with every field, an SMS job that failed and a voice job running. */
	private static final String ACTIVE = """
			{
			  "phoneNumber": "+12025550134",
			  "projectId": "51bc3f40-f266-4ca8-8938-a1ed0ff32b9a",
			  "displayName": "MyPhoneNumber",
			  "regionCode": "US",
			  "type": "LOCAL",
			  "capability": ["SMS", "VOICE"],
			  "money": {"currencyCode": "USD", "amount": "2.00"},
			  "paymentIntervalMonths": 1,
			  "nextChargeDate": "2026-12-01T00:00:00Z",
			  "expireAt": "2027-01-15T10:30:00.250+02:00",
			  "smsConfiguration": {
			    "servicePlanId": "",
			    "campaignId": "",
			    "scheduledProvisioning": {
			      "servicePlanId": "8200000f74924bd6800000b212f00000",
			      "campaignId": "CA1B2C3",
			      "status": "FAILED",
			      "lastUpdatedTime": "2026-11-22T08:00:00Z",
			      "errorCodes": ["CAMPAIGN_NOT_AVAILABLE"]
			    }
			  },
			  "voiceConfiguration": {
			    "appId": "",
			    "lastUpdatedTime": "2026-11-22T07:00:00Z",
			    "scheduledVoiceProvisioning": {
			      "appId": "YOUR_Voice_appId",
			      "status": "IN_PROGRESS",
			      "lastUpdatedTime": "2026-11-22T07:30:00Z"
			    }
			  },
			  "callbackUrl": "https://www.your-callback-server.com/callback",
			  "somethingNew": {"a": 1}
			}
			""";

	@Test
	void everyFieldOfAnActiveNumberIsMapped() {
		JsonNode raw = JSON.readTree(ACTIVE);

		ProviderNumber number = SinchJson.number(ProviderKind.SINCH, raw, JSON);

		assertThat(number.provider()).isEqualTo(ProviderKind.SINCH);
		assertThat(number.providerNumberId()).isEqualTo("+12025550134");
		assertThat(number.number()).isEqualTo("+12025550134");
		assertThat(number.displayName()).isEqualTo("MyPhoneNumber");
		assertThat(number.regionCode()).isEqualTo("US");
		assertThat(number.type()).isEqualTo("LOCAL");
		assertThat(number.capabilities()).containsExactlyInAnyOrder("SMS", "VOICE");
		assertThat(number.monthlyAmount()).isEqualByComparingTo(new BigDecimal("2.00"));
		assertThat(number.monthlyAmount().scale()).as("the amount as Sinch wrote it").isEqualTo(2);
		assertThat(number.currency()).isEqualTo("USD");
		assertThat(number.paymentIntervalMonths()).isEqualTo(1);
		assertThat(number.nextChargeDate()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
		assertThat(number.expireAt()).isEqualTo(Instant.parse("2027-01-15T08:30:00.250Z"));
		assertThat(number.smsServicePlanId()).as("\"\" is not linked").isNull();
		assertThat(number.smsCampaignId()).isNull();
		assertThat(number.smsProvisioning()).isEqualTo(new ProvisioningState("FAILED",
				"8200000f74924bd6800000b212f00000", "CA1B2C3", null, List.of("CAMPAIGN_NOT_AVAILABLE"),
				Instant.parse("2026-11-22T08:00:00Z")));
		assertThat(number.smsProvisioning().failed()).isTrue();
		assertThat(number.voiceAppId()).isNull();
		assertThat(number.voiceProvisioning()).isEqualTo(new ProvisioningState("IN_PROGRESS", null, null,
				"YOUR_Voice_appId", List.of(), Instant.parse("2026-11-22T07:30:00Z")));
		assertThat(number.voiceProvisioning().running()).isTrue();
		assertThat(number.cnamLookupsEnabled()).isNull();
		assertThat(number.messagingEnabled()).isNull();
		assertThat(number.raw()).as("the carrier's own JSON, unmapped fields included").isEqualTo(raw);
	}

	@Test
	void aLinkedNumberWithoutRunningJobsHasItsValuesAndNoProvisioningState() {
		ProviderNumber number = SinchJson.number(ProviderKind.SINCH, JSON.readTree("""
				{"phoneNumber": "+12025550134", "regionCode": "US", "type": "MOBILE", "capability": ["SMS"],
				 "smsConfiguration": {"servicePlanId": "sp-growth-01", "campaignId": "CA1B2C3"},
				 "voiceConfiguration": {"appId": "a7f3c2d1-voice-ivr"}}
				"""), JSON);

		assertThat(number.smsServicePlanId()).isEqualTo("sp-growth-01");
		assertThat(number.smsCampaignId()).isEqualTo("CA1B2C3");
		assertThat(number.smsProvisioning()).isNull();
		assertThat(number.voiceAppId()).isEqualTo("a7f3c2d1-voice-ivr");
		assertThat(number.voiceProvisioning()).isNull();
		assertThat(number.displayName()).isNull();
		assertThat(number.monthlyAmount()).isNull();
		assertThat(number.currency()).isNull();
	}

	@Test
	void anEmptyOrUnspecifiedProvisioningObjectIsNoJob() {
		ProviderNumber number = SinchJson.number(ProviderKind.SINCH, JSON.readTree("""
				{"phoneNumber": "+12025550134",
				 "smsConfiguration": {"servicePlanId": "sp", "scheduledProvisioning": {}},
				 "voiceConfiguration": {"appId": "app", "scheduledVoiceProvisioning": {"status": "PROVISIONING_STATUS_UNSPECIFIED"}}}
				"""), JSON);

		assertThat(number.smsProvisioning()).isNull();
		assertThat(number.voiceProvisioning()).isNull();
	}

	/** Seed 000's imported number: no capability list, migrateToSinchTmo, a status documented as integer. */
	@Test
	void anImportedNumberIsMappedAndItsIntegerStatusNamed() {
		ProviderNumber number = SinchJson.number(ProviderKind.SINCH_IMPORTED, JSON.readTree("""
				{
				  "phoneNumber": "+12025550134",
				  "projectId": "YOUR_project_id",
				  "regionCode": "US",
				  "displayName": "MyPhoneNumber",
				  "smsConfiguration": {
				    "servicePlanId": "YOUR_service_plan_id",
				    "scheduledProvisioning": {
				      "servicePlanId": "YOUR_service_plan_id",
				      "status": 1,
				      "lastUpdatedTime": "2026-11-22T08:00:00Z",
				      "campaignId": "YOUR_campaign_id",
				      "errorCodes": []
				    },
				    "campaignId": "YOUR_campaign_id",
				    "migrateToSinchTmo": true
				  },
				  "callbackUrl": "https://www.your-callback-server.com/callback"
				}
				"""), JSON);

		assertThat(number.provider()).isEqualTo(ProviderKind.SINCH_IMPORTED);
		assertThat(number.capabilities()).as("imported numbers are at Sinch for SMS").containsExactly("SMS");
		assertThat(number.smsServicePlanId()).isEqualTo("YOUR_service_plan_id");
		assertThat(number.smsCampaignId()).isEqualTo("YOUR_campaign_id");
		assertThat(number.smsProvisioning().status()).isEqualTo("WAITING");
		assertThat(number.smsProvisioning().campaignId()).isEqualTo("YOUR_campaign_id");
		assertThat(number.voiceAppId()).isNull();
		assertThat(number.raw().at("/smsConfiguration/migrateToSinchTmo").asBoolean()).isTrue();
	}

	@Test
	void aPageCarriesItsNumbersAndTheNextToken() {
		NumberPage page = SinchJson.page(ProviderKind.SINCH, JSON.readTree("""
				{"activeNumbers": [{"phoneNumber": "+12025550134"}, {"phoneNumber": "+12025550135"}],
				 "nextPageToken": "CgwrMTIwMjU1NTAxMzU=", "totalSize": 7}
				"""), "activeNumbers", JSON);

		assertThat(page.numbers()).extracting(ProviderNumber::number).containsExactly("+12025550134", "+12025550135");
		assertThat(page.nextPageToken()).isEqualTo("CgwrMTIwMjU1NTAxMzU=");
		assertThat(page.totalSize()).isEqualTo(7);
		assertThat(page.last()).isFalse();
	}

	@Test
	void theLastPageHasAnEmptyTokenAndMayLeaveOutAnEmptyList() {
		NumberPage page = SinchJson.page(ProviderKind.SINCH_IMPORTED, JSON.readTree("""
				{"nextPageToken": "", "totalSize": "0"}
				"""), "importedNumbers", JSON);

		assertThat(page.numbers()).isEmpty();
		assertThat(page.nextPageToken()).isNull();
		assertThat(page.totalSize()).isZero();
		assertThat(page.last()).isTrue();
	}

	@Test
	void answersOfAnotherShapeAreUnreadable() {
		assertThatThrownBy(() -> SinchJson.number(ProviderKind.SINCH, JSON.readTree("{\"displayName\": \"x\"}"), JSON))
			.isInstanceOf(SinchJson.Unreadable.class)
			.hasMessageContaining("phoneNumber");
		assertThatThrownBy(() -> SinchJson.number(ProviderKind.SINCH, JSON.readTree("[1, 2]"), JSON))
			.isInstanceOf(SinchJson.Unreadable.class);
		assertThatThrownBy(() -> SinchJson.number(ProviderKind.SINCH, null, JSON))
			.isInstanceOf(SinchJson.Unreadable.class);
		assertThatThrownBy(() -> SinchJson.number(ProviderKind.SINCH,
				JSON.readTree("{\"phoneNumber\": \"+12025550134\", \"money\": {\"amount\": \"two\"}}"), JSON))
			.isInstanceOf(SinchJson.Unreadable.class)
			.hasMessageContaining("money.amount");
		assertThatThrownBy(() -> SinchJson.number(ProviderKind.SINCH,
				JSON.readTree("{\"phoneNumber\": \"+12025550134\", \"nextChargeDate\": \"next month\"}"), JSON))
			.isInstanceOf(SinchJson.Unreadable.class);
		assertThatThrownBy(() -> SinchJson.number(ProviderKind.SINCH,
				JSON.readTree("{\"phoneNumber\": \"+12025550134\", \"smsConfiguration\": [\"x\"]}"), JSON))
			.isInstanceOf(JacksonException.class);
		assertThatThrownBy(() -> SinchJson.page(ProviderKind.SINCH, JSON.readTree("{\"activeNumbers\": {}}"),
				"activeNumbers", JSON))
			.isInstanceOf(SinchJson.Unreadable.class);
	}
}

package com.numberops.portal.sandbox.sinch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Available numbers (search, get, :rent) and available regions over HTTP, against seed 002. Rent
 * tests rent numbers they put on offer themselves, so the seeded shop window stays as it is.
 */
class SinchAvailableNumbersTests extends SinchSandboxTest {

	/** A number on offer that only this test knows. */
	String offer(String regionCode, String type, String capabilities) {
		String phoneNumber = nextPhoneNumber(regionCode);
		sandbox.jdbc()
			.sql("""
					insert into sinch_available_numbers (phone_number, region_code, type, capabilities, currency,
					    setup_amount, monthly_amount, payment_interval_months, supporting_documentation_required)
					values (:phone, :region, :type, string_to_array(:caps, ','), 'USD', 0.50, 2.00, 1, false)""")
			.param("phone", phoneNumber)
			.param("region", regionCode)
			.param("type", type)
			.param("caps", capabilities)
			.update();
		return phoneNumber;
	}

	/** So that a rented number's setup is applied, the ids being the project's own. */
	@BeforeEach
	void thePlansAndCampaignsLinkedHereAreTheProjects() {
		projectHas("sp-rent", "CRENT", "sp-uk", "app-rent");
	}

	@Test
	void searchingNeedsRegionAndTypeAndHonoursItsFilters() {
		Reply missing = get(active("/availableNumbers"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(violationFields(missing)).containsExactly("regionCode", "type");

		Reply us = get(active("/availableNumbers?regionCode=US&type=LOCAL"));
		assertThat(us.status()).isEqualTo(200);
		assertThat(us.body().get("availableNumbers").size()).isPositive();
		JsonNode first = us.body().get("availableNumbers").get(0);
		assertThat(first.get("regionCode").stringValue()).isEqualTo("US");
		assertThat(first.get("type").stringValue()).isEqualTo("LOCAL");
		assertThat(first.get("capability").isArray()).isTrue();
		assertThat(first.get("setupPrice").get("amount").isString()).isTrue();
		assertThat(first.get("monthlyPrice").get("currencyCode").stringValue()).isEqualTo("USD");
		assertThat(first.get("paymentIntervalMonths").intValue()).isEqualTo(1);
		assertThat(first.get("supportingDocumentationRequired").isBoolean()).isTrue();

		String voiceOnly = offer("XA", "LOCAL", "VOICE");
		String both = offer("XA", "LOCAL", "SMS,VOICE");
		assertThat(get(active("/availableNumbers?regionCode=XA&type=LOCAL&size=1")).body()
			.findValuesAsString("phoneNumber")).containsExactly(voiceOnly);
		assertThat(get(active("/availableNumbers?regionCode=XA&type=MOBILE")).body().get("availableNumbers").size())
			.isZero();
		assertThat(get(active("/availableNumbers?regionCode=XA&type=LOCAL&capabilities=SMS")).body()
			.findValuesAsString("phoneNumber")).contains(both).doesNotContain(voiceOnly);
		assertThat(get(active("/availableNumbers?regionCode=XA&type=LOCAL&numberPattern.pattern="
				+ both.substring(both.length() - 4) + "&numberPattern.searchPattern=END"))
			.body()
			.findValuesAsString("phoneNumber")).containsExactly(both);
	}

	@Test
	void oneAvailableNumberOrA404() {
		String number = offer("US", "MOBILE", "SMS,VOICE");
		Reply found = get(active("/availableNumbers/" + number));
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.body().get("phoneNumber").stringValue()).isEqualTo(number);
		assertThat(found.body().get("monthlyPrice").get("amount").stringValue()).isEqualTo("2.00");
		assertThat(found.body().get("setupPrice").get("amount").stringValue()).isEqualTo("0.50");

		Reply missing = get(active("/availableNumbers/+15550000001"));
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body().get("error").get("details").get(0).get("resourceType").stringValue())
			.isEqualTo("AvailableNumber");
	}

	@Test
	void rentingMovesTheNumberIntoTheProjectAndStartsItsSetup() {
		String number = offer("US", "LOCAL", "SMS,VOICE");
		Reply rented = post(active("/availableNumbers/" + number + ":rent"), """
				{"smsConfiguration": {"servicePlanId": "sp-rent", "campaignId": "CRENT"},
				 "voiceConfiguration": {"appId": "app-rent"}}""");
		assertThat(rented.status()).as(rented.raw()).isEqualTo(200);
		JsonNode body = rented.body();
		assertThat(body.get("phoneNumber").stringValue()).isEqualTo(number);
		assertThat(body.get("projectId").stringValue()).isEqualTo(PROJECT);
		assertThat(body.get("money").get("amount").stringValue()).isEqualTo("2.00");
		assertThat(body.get("nextChargeDate").isString()).isTrue();
		assertThat(body.get("smsConfiguration").get("servicePlanId").stringValue()).isEmpty();
		assertThat(body.get("smsConfiguration").get("scheduledProvisioning").get("servicePlanId").stringValue())
			.isEqualTo("sp-rent");
		assertThat(body.get("voiceConfiguration").get("scheduledVoiceProvisioning").get("appId").stringValue())
			.isEqualTo("app-rent");

		assertThat(get(active("/availableNumbers/" + number)).status()).isEqualTo(404);
		assertThat(get(active("/activeNumbers/" + number)).status()).isEqualTo(200);
		assertThat(get(active("/activeNumbers?regionCode=US&type=LOCAL&pageSize=1000")).body()
			.findValuesAsString("phoneNumber")).contains(number);
		JsonNode settled = await(Duration.ofSeconds(10), () -> get(active("/activeNumbers/" + number)).body(),
				n -> n.get("smsConfiguration").get("scheduledProvisioning").isNull()
						&& n.get("voiceConfiguration").get("scheduledVoiceProvisioning").isNull(),
				"the rented number's setup to be applied");
		assertThat(settled.get("smsConfiguration").get("servicePlanId").stringValue()).isEqualTo("sp-rent");
		assertThat(settled.get("smsConfiguration").get("campaignId").stringValue()).isEqualTo("CRENT");
		assertThat(settled.get("voiceConfiguration").get("appId").stringValue()).isEqualTo("app-rent");

		Reply again = post(active("/availableNumbers/" + number + ":rent"), "{}");
		assertThat(again.status()).isEqualTo(404);
	}

	@Test
	void rentingFollowsTheSameRulesAsUpdating() {
		String british = offer("GB", "LOCAL", "SMS,VOICE");
		Reply campaign = post(active("/availableNumbers/" + british + ":rent"), """
				{"smsConfiguration": {"servicePlanId": "sp-uk", "campaignId": "CUK"}}""");
		assertThat(campaign.status()).isEqualTo(400);
		assertThat(violationFields(campaign)).containsExactly("smsConfiguration.campaignId");
		Reply empty = post(active("/availableNumbers/" + british + ":rent"), """
				{"voiceConfiguration": {}}""");
		assertThat(violationFields(empty)).containsExactly("voiceConfiguration");
		// refused: still on offer
		assertThat(get(active("/availableNumbers/" + british)).status()).isEqualTo(200);

		Reply plain = post(active("/availableNumbers/" + british + ":rent"), "");
		assertThat(plain.status()).isEqualTo(200);
		assertThat(plain.body().get("smsConfiguration").get("scheduledProvisioning").isNull()).isTrue();
	}

	@Test
	void regionsAreListedAndFilteredByType() {
		Reply all = get(active("/availableRegions"));
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.body().get("availableRegions").findValuesAsString("regionCode")).containsExactly("US", "CA",
				"GB");
		JsonNode us = all.body().get("availableRegions").get(0);
		assertThat(us.get("regionName").stringValue()).isEqualTo("United States");
		assertThat(us.get("types").isArray()).isTrue();

		assertThat(get(active("/availableRegions?types=MOBILE")).body()
			.get("availableRegions")
			.findValuesAsString("regionCode")).containsExactly("US", "GB");
		assertThat(get(active("/availableRegions?types=MOBILE&types=TOLL_FREE")).body()
			.get("availableRegions")
			.findValuesAsString("regionCode")).containsExactly("US", "CA", "GB");
		Reply bad = get(active("/availableRegions?types=SATELLITE"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(violationFields(bad)).containsExactly("types");
	}

	@Test
	void rentingRefusesAPlanCampaignOrVoiceAppTheProjectDoesNotHave() {
		String number = offer("US", "LOCAL", "SMS,VOICE");
		Reply plan = post(active("/availableNumbers/" + number + ":rent"), """
				{"smsConfiguration": {"servicePlanId": "sp-nobodys", "campaignId": "CNOBODY"}}""");
		assertThat(plan.status()).isEqualTo(400);
		JsonNode error = plan.body().get("error");
		assertThat(error.get("code").intValue()).isEqualTo(400);
		assertThat(error.get("status").stringValue()).isEqualTo("INVALID_ARGUMENT");
		assertThat(error.get("details").get(0).get("type").stringValue()).isEqualTo("BadRequest");
		assertThat(violationFields(plan)).containsExactly("smsConfiguration.servicePlanId", "smsConfiguration.campaignId");

		Reply app = post(active("/availableNumbers/" + number + ":rent"), """
				{"voiceConfiguration": {"appId": "app-nobodys"}}""");
		assertThat(violationFields(app)).containsExactly("voiceConfiguration.appId");
		assertThat(get(active("/availableNumbers/" + number)).status()).as("still for rent").isEqualTo(200);
	}

	@Test
	void searchPatternsAsTheSeedSpellsThem() {
		String number = offer("US", "LOCAL", "SMS,VOICE");
		String middle = number.substring(4, 9);
		assertThat(get(active("/availableNumbers?regionCode=US&type=LOCAL&size=1000&numberPattern.pattern=" + middle
				+ "&numberPattern.searchPattern=CONTAINS")).body().findValuesAsString("phoneNumber")).contains(number);
		assertThat(get(active("/availableNumbers?regionCode=US&type=LOCAL&size=1000&numberPattern.pattern=" + middle
				+ "&numberPattern.searchPattern=CONTAIN")).body().findValuesAsString("phoneNumber")).contains(number);
		assertThat(get(active("/availableNumbers?regionCode=US&type=LOCAL&size=1000&numberPattern.pattern=%2B1206"
				+ "&numberPattern.searchPattern=START")).body().findValuesAsString("phoneNumber"))
			.hasSizeGreaterThanOrEqualTo(20)
			.allSatisfy(found -> assertThat(found).startsWith("+1206"));
		Reply bad = get(active("/availableNumbers?regionCode=US&type=LOCAL&numberPattern.pattern=1&numberPattern.searchPattern=AROUND"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(violationFields(bad)).containsExactly("numberPattern.searchPattern");
	}
}

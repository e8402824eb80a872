package com.numberops.portal.sandbox.sinch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Like Sinch, the sandbox links a number only to an SMS service plan or 10DLC campaign its
 * project has (those of its seeded numbers, plus {@code portal.sandbox.sinch-service-plans} /
 * {@code sinch-campaigns}): the PATCH is accepted, and the scheduled provisioning job ends FAILED
 * with the matching error code, the number keeping what it had.
 */
class SinchUnknownPlansAndCampaignsTests extends SinchSandboxTest {

	private static final Duration DEADLINE = Duration.ofSeconds(10);

	JsonNode settled(String path) {
		return await(DEADLINE, () -> get(path).body(), body -> {
			JsonNode job = body.get("smsConfiguration").get("scheduledProvisioning");
			return job.isNull() || "FAILED".equals(job.get("status").asString())
					|| job.get("status").asInt(0) == 3;
		}, "the SMS job of " + path + " to settle");
	}

	@Test
	void aServicePlanTheProjectDoesNotHaveEndsFailedWithSmsProvisioningFailed() {
		String number = createUsNumber("", "");
		Reply reply = patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {"servicePlanId": "sp-does-not-exist"}}""");
		assertThat(reply.status()).isEqualTo(200);

		JsonNode sms = settled(active("/activeNumbers/" + number)).get("smsConfiguration");
		JsonNode job = sms.get("scheduledProvisioning");
		assertThat(job.isNull()).as("a FAILED job, not applied: %s", sms).isFalse();
		assertThat(job.get("status").stringValue()).isEqualTo("FAILED");
		assertThat(job.get("errorCodes").get(0).stringValue()).isEqualTo("SMS_PROVISIONING_FAILED");
		assertThat(job.get("servicePlanId").stringValue()).isEqualTo("sp-does-not-exist");
		assertThat(sms.get("servicePlanId").stringValue()).isEmpty();
	}

	@Test
	void aCampaignTheProjectDoesNotHaveEndsFailedWithCampaignNotAvailable() {
		String number = createUsNumber("sp-growth-01", "");
		Reply reply = patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {"servicePlanId": "sp-growth-01", "campaignId": "CNOTOURS"}}""");
		assertThat(reply.status()).isEqualTo(200);

		JsonNode sms = settled(active("/activeNumbers/" + number)).get("smsConfiguration");
		JsonNode job = sms.get("scheduledProvisioning");
		assertThat(job.isNull()).as("a FAILED job, not applied: %s", sms).isFalse();
		assertThat(job.get("status").stringValue()).isEqualTo("FAILED");
		assertThat(job.get("errorCodes").get(0).stringValue()).isEqualTo("CAMPAIGN_NOT_AVAILABLE");
		assertThat(sms.get("servicePlanId").stringValue()).isEqualTo("sp-growth-01");
		assertThat(sms.get("campaignId").stringValue()).isEmpty();
	}

	@Test
	void thePlansAndCampaignsOfTheSeededNumbersAndOfConfigurationLink() {
		String seeded = createUsNumber("", "");
		assertThat(patch(active("/activeNumbers/" + seeded), """
				{"smsConfiguration": {"servicePlanId": "sp-support-03", "campaignId": "CC7F8G9"}}""").status())
			.isEqualTo(200);
		JsonNode sms = settled(active("/activeNumbers/" + seeded)).get("smsConfiguration");
		assertThat(sms.get("scheduledProvisioning").isNull()).as("applied: %s", sms).isTrue();
		assertThat(sms.get("servicePlanId").stringValue()).isEqualTo("sp-support-03");
		assertThat(sms.get("campaignId").stringValue()).isEqualTo("CC7F8G9");

		// TestDatabase configures these two for the test project
		String configured = createUsNumber("", "");
		assertThat(patch(active("/activeNumbers/" + configured), """
				{"smsConfiguration": {"servicePlanId": "sp-configured-01", "campaignId": "CCONF01"}}""").status())
			.isEqualTo(200);
		JsonNode configuredSms = settled(active("/activeNumbers/" + configured)).get("smsConfiguration");
		assertThat(configuredSms.get("scheduledProvisioning").isNull()).as("applied: %s", configuredSms).isTrue();
	}

	@Test
	void anImportedNumberFailsTheSameWayWithTheSeedsIntegerStatus() {
		String number = createImportedNumber("", "", "Imported unknown plan");
		Reply reply = patch(imported("/importedNumbers/" + number), """
				{"smsConfiguration": {"servicePlanId": "sp-does-not-exist"}}""");
		assertThat(reply.status()).isEqualTo(200);

		JsonNode job = settled(imported("/importedNumbers/" + number)).get("smsConfiguration")
			.get("scheduledProvisioning");
		assertThat(job.isNull()).as("a FAILED job, not applied").isFalse();
		assertThat(job.get("status").asInt()).as("FAILED as seed 000's integer").isEqualTo(3);
		assertThat(job.get("errorCodes").get(0).stringValue()).isEqualTo("SMS_PROVISIONING_FAILED");
	}
}

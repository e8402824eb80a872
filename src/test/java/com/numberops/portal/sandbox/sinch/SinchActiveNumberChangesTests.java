package com.numberops.portal.sandbox.sinch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * PATCH .../activeNumbers/{phoneNumber} and :release over HTTP: every rule of seed 001, answered
 * with the seed's status and body (400 INVALID_ARGUMENT with BadRequest fieldViolations, 404
 * NOT_FOUND with ResourceInfo).
 */
class SinchActiveNumberChangesTests extends SinchSandboxTest {

	void assertInvalid(Reply reply, String... fields) {
		assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
		JsonNode error = reply.body().get("error");
		assertThat(error.get("code").intValue()).isEqualTo(400);
		assertThat(error.get("status").stringValue()).isEqualTo("INVALID_ARGUMENT");
		assertThat(error.get("message").stringValue()).isNotBlank();
		assertThat(error.get("details").get(0).get("type").stringValue()).isEqualTo("BadRequest");
		assertThat(violationFields(reply)).containsExactly(fields);
	}

	JsonNode number(String phoneNumber) {
		return get(active("/activeNumbers/" + phoneNumber)).body();
	}

	@Test
	void linkingAnotherServicePlanWhileOneIsLinkedIsRefused() {
		String number = createUsNumber("sp-old", "");
		Reply reply = patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {"servicePlanId": "sp-new"}}""");
		assertInvalid(reply, "smsConfiguration.servicePlanId");
		assertThat(reply.body().get("error").get("details").get(0).get("fieldViolations").get(0).get("description")
			.stringValue()).contains("sp-old").contains("unlink");
		// nothing happened to the number
		JsonNode sms = number(number).get("smsConfiguration");
		assertThat(sms.get("servicePlanId").stringValue()).isEqualTo("sp-old");
		assertThat(sms.get("scheduledProvisioning").isNull()).isTrue();
	}

	@Test
	void linkingAnotherCampaignWhileOneIsLinkedIsRefused() {
		String number = createUsNumber("sp-one", "CAMPONE");
		assertInvalid(patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {"servicePlanId": "sp-one", "campaignId": "CAMPTWO"}}"""),
				"smsConfiguration.campaignId");
		assertInvalid(patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {"servicePlanId": "sp-two", "campaignId": "CAMPTWO"}}"""),
				"smsConfiguration.servicePlanId", "smsConfiguration.campaignId");
	}

	@Test
	void sendingTheLinkedValuesAgainChangesNothing() {
		String number = createUsNumber("sp-same", "CSAME");
		Reply reply = patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {"servicePlanId": "sp-same", "campaignId": "CSAME"}}""");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().get("smsConfiguration").get("scheduledProvisioning").isNull()).isTrue();
		assertThat(reply.body().get("smsConfiguration").get("servicePlanId").stringValue()).isEqualTo("sp-same");
	}

	@Test
	void unlinkingIsAlwaysAllowedAndEntersScheduledProvisioning() {
		String number = createUsNumber("sp-linked", "CLINKED");
		Reply reply = patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {"servicePlanId": "", "campaignId": ""}}""");
		assertThat(reply.status()).isEqualTo(200);
		JsonNode sms = reply.body().get("smsConfiguration");
		// the old values stay directly under smsConfiguration until the job has been applied
		assertThat(sms.get("servicePlanId").stringValue()).isEqualTo("sp-linked");
		assertThat(sms.get("campaignId").stringValue()).isEqualTo("CLINKED");
		assertThat(sms.get("scheduledProvisioning").get("status").stringValue()).isEqualTo("WAITING");
		assertThat(sms.get("scheduledProvisioning").get("servicePlanId").stringValue()).isEmpty();
		assertThat(sms.get("scheduledProvisioning").get("campaignId").stringValue()).isEmpty();
		assertThat(sms.get("scheduledProvisioning").get("errorCodes").isArray()).isTrue();
		assertThat(sms.get("scheduledProvisioning").get("errorCodes").size()).isZero();
	}

	@Test
	void emptyConfigurationObjectsAreRefused() {
		String number = createUsNumber("", "");
		assertInvalid(patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {}}"""), "smsConfiguration");
		assertInvalid(patch(active("/activeNumbers/" + number), """
				{"voiceConfiguration": {}}"""), "voiceConfiguration");
		assertInvalid(patch(active("/activeNumbers/" + number), """
				{"displayName": "fine", "smsConfiguration": {}, "voiceConfiguration": {}}"""), "smsConfiguration",
				"voiceConfiguration");
		// the valid part of a refused request is not applied either
		assertThat(number(number).get("displayName").stringValue()).isEqualTo("Test line");
	}

	@Test
	void servicePlanIdIsRequiredInSmsConfiguration() {
		String number = createUsNumber("sp-keep", "");
		assertInvalid(patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {"campaignId": "CNEW"}}"""), "smsConfiguration.servicePlanId");
		Reply withPlan = patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {"servicePlanId": "sp-keep", "campaignId": "CNEW"}}""");
		assertThat(withPlan.status()).isEqualTo(200);
		assertThat(withPlan.body().get("smsConfiguration").get("scheduledProvisioning").get("campaignId").stringValue())
			.isEqualTo("CNEW");
	}

	@Test
	void campaignsAreForUsNumbersOnly() {
		String british = createNumber("GB", "MOBILE", List.of("SMS", "VOICE"), "", "", "", "UK line");
		assertInvalid(patch(active("/activeNumbers/" + british), """
				{"smsConfiguration": {"servicePlanId": "sp-uk", "campaignId": "CUK"}}"""),
				"smsConfiguration.campaignId");
		// a service plan alone is fine outside the US
		Reply planOnly = patch(active("/activeNumbers/" + british), """
				{"smsConfiguration": {"servicePlanId": "sp-uk"}}""");
		assertThat(planOnly.status()).isEqualTo(200);
		assertThat(planOnly.body().get("smsConfiguration").get("scheduledProvisioning").get("servicePlanId")
			.stringValue()).isEqualTo("sp-uk");
	}

	@Test
	void smsSetupOnAVoiceOnlyNumberIsRefused() {
		String voiceOnly = createNumber("US", "TOLL_FREE", List.of("VOICE"), "", "", "", "Voice only");
		assertInvalid(patch(active("/activeNumbers/" + voiceOnly), """
				{"smsConfiguration": {"servicePlanId": "sp-x"}}"""), "smsConfiguration");
	}

	@Test
	void malformedBodiesAndUnknownFieldsAreRefused() {
		String number = createUsNumber("", "");
		Reply notJson = patch(active("/activeNumbers/" + number), "{\"displayName\": ");
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.body().get("error").get("status").stringValue()).isEqualTo("INVALID_ARGUMENT");
		assertThat(notJson.body().get("error").get("message").stringValue()).startsWith("Invalid JSON payload");

		assertThat(patch(active("/activeNumbers/" + number), "[1, 2]").status()).isEqualTo(400);
		assertInvalid(patch(active("/activeNumbers/" + number), """
				{"display_name": "snake case"}"""), "display_name");
		assertInvalid(patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {"servicePlanID": "x"}}"""), "smsConfiguration.servicePlanID");
		assertInvalid(patch(active("/activeNumbers/" + number), """
				{"displayName": 42}"""), "displayName");
		// read-only fields of the resource are accepted and ignored, as the real gateway does
		Reply readOnly = patch(active("/activeNumbers/" + number), """
				{"phoneNumber": "+10000000000", "regionCode": "SE", "displayName": "Renamed"}""");
		assertThat(readOnly.status()).isEqualTo(200);
		assertThat(readOnly.body().get("phoneNumber").stringValue()).isEqualTo(number);
		assertThat(readOnly.body().get("regionCode").stringValue()).isEqualTo("US");
	}

	@Test
	void renamingAndCallbackUrlApplyAtOnce() {
		String number = createUsNumber("", "");
		Reply reply = patch(active("/activeNumbers/" + number), """
				{"displayName": "Sales line", "callbackUrl": "https://localhost/sinch"}""");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().get("displayName").stringValue()).isEqualTo("Sales line");
		assertThat(reply.body().get("callbackUrl").stringValue()).isEqualTo("https://localhost/sinch");
		assertThat(number(number).get("displayName").stringValue()).isEqualTo("Sales line");
		assertInvalid(patch(active("/activeNumbers/" + number), """
				{"callbackUrl": "ftp://example.com"}"""), "callbackUrl");
	}

	@Test
	void anUnknownNumberIsA404() {
		Reply reply = patch(active("/activeNumbers/+15559999999"), """
				{"displayName": "ghost"}""");
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.body().get("error").get("status").stringValue()).isEqualTo("NOT_FOUND");
		assertThat(reply.body().get("error").get("details").get(0).get("resourceType").stringValue())
			.isEqualTo("ActiveNumber");
		assertThat(reply.body().get("error").get("details").get(0).get("resourceName").stringValue())
			.isEqualTo("+15559999999");
	}

	@Test
	void whileAJobRunsOnlyItsOwnRequestIsAcceptedAgain() {
		String number = createUsNumber("", "");
		String link = """
				{"smsConfiguration": {"servicePlanId": "sp-running", "campaignId": "CRUN"}}""";
		assertThat(patch(active("/activeNumbers/" + number), link).status()).isEqualTo(200);
		// a retried PATCH (its answer was lost) must not fail
		Reply again = patch(active("/activeNumbers/" + number), link);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body().get("smsConfiguration").get("scheduledProvisioning").get("servicePlanId").stringValue())
			.isEqualTo("sp-running");
		// anything else waits until the job has been applied or has failed
		Reply other = patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {"servicePlanId": ""}}""");
		assertInvalid(other, "smsConfiguration");
		assertThat(other.body().get("error").get("message").stringValue()).contains("scheduled provisioning");
		// other parts of the number can still change
		assertThat(patch(active("/activeNumbers/" + number), """
				{"displayName": "still editable"}""").status()).isEqualTo(200);
	}

	@Test
	void releaseReturnsTheNumberAndItIsGoneAfterwards() {
		String number = createNumber("US", "MOBILE", List.of("SMS", "VOICE"), "sp-rel", "", "", "To release");
		Reply released = post(active("/activeNumbers/" + number + ":release"), "");
		assertThat(released.status()).isEqualTo(200);
		assertThat(released.body().get("phoneNumber").stringValue()).isEqualTo(number);
		assertThat(released.body().get("displayName").stringValue()).isEqualTo("To release");

		assertThat(get(active("/activeNumbers/" + number)).status()).isEqualTo(404);
		Reply list = get(active("/activeNumbers?regionCode=US&type=MOBILE&pageSize=1000"));
		assertThat(list.body().get("activeNumbers").findValuesAsString("phoneNumber")).doesNotContain(number);
		Reply twice = post(active("/activeNumbers/" + number + ":release"), "");
		assertThat(twice.status()).isEqualTo(404);
		assertThat(twice.body().get("error").get("details").get(0).get("resourceType").stringValue())
			.isEqualTo("ActiveNumber");
	}

	@Test
	void aPlusSignEncodedInThePathFindsTheSameNumber() {
		String number = createUsNumber("", "");
		assertThat(get(active("/activeNumbers/" + enc(number))).body().get("phoneNumber").stringValue())
			.isEqualTo(number);
	}
}

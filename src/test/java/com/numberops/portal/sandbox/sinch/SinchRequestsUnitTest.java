package com.numberops.portal.sandbox.sinch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.numberops.portal.sandbox.SandboxApi.FieldViolation;

import tools.jackson.databind.json.JsonMapper;

/** Reading PATCH and :rent bodies: JSON objects with the seeds' field names, nothing else. */
class SinchRequestsUnitTest {

	private final SinchRequests requests = new SinchRequests(JsonMapper.builder().build());

	@Test
	void aFullActivePatch() {
		assertThat(requests.read("""
				{"displayName": "Name", "smsConfiguration": {"servicePlanId": "sp", "campaignId": ""},
				 "voiceConfiguration": {"appId": "app"}, "callbackUrl": "https://x.example/cb"}""",
				SinchRequests.Shape.ACTIVE_PATCH))
			.isEqualTo(new SinchChangeRequest("Name", new SinchChangeRequest.Sms("sp", ""),
					new SinchChangeRequest.Voice("app"), "https://x.example/cb"));
	}

	@Test
	void nullAndAbsentMeanNotSentAndEmptyObjectsStayVisible() {
		assertThat(requests.read("""
				{"displayName": null, "smsConfiguration": {}, "voiceConfiguration": null}""",
				SinchRequests.Shape.ACTIVE_PATCH))
			.isEqualTo(new SinchChangeRequest(null, new SinchChangeRequest.Sms(null, null), null, null));
		assertThat(requests.read("", SinchRequests.Shape.RENT)).isEqualTo(new SinchChangeRequest(null, null, null, null));
		assertThat(requests.read(null, SinchRequests.Shape.RENT))
			.isEqualTo(new SinchChangeRequest(null, null, null, null));
	}

	@Test
	void readOnlyFieldsOfTheResourceAreIgnored() {
		assertThat(requests.read("""
				{"phoneNumber": "+1", "regionCode": "US", "money": {"amount": "9.99"},
				 "smsConfiguration": {"servicePlanId": "sp", "scheduledProvisioning": {"status": "WAITING"}}}""",
				SinchRequests.Shape.ACTIVE_PATCH))
			.isEqualTo(new SinchChangeRequest(null, new SinchChangeRequest.Sms("sp", null), null, null));
	}

	@ParameterizedTest(name = "{1}: {0}")
	@CsvSource(delimiter = '|', textBlock = """
			{"displayname": "x"}                                   | ACTIVE_PATCH   | displayname
			{"smsConfiguration": {"service_plan_id": "x"}}         | ACTIVE_PATCH   | smsConfiguration.service_plan_id
			{"voiceConfiguration": {"appID": "x"}}                 | ACTIVE_PATCH   | voiceConfiguration.appID
			{"voiceConfiguration": {"appId": "x"}}                 | IMPORTED_PATCH | voiceConfiguration
			{"displayName": "x"}                                   | RENT           | displayName
			{"displayName": 1}                                     | ACTIVE_PATCH   | displayName
			{"smsConfiguration": "sp"}                             | ACTIVE_PATCH   | smsConfiguration
			{"smsConfiguration": {"servicePlanId": ["a"]}}         | ACTIVE_PATCH   | smsConfiguration.servicePlanId
			{"type": "MOBILE", "money": {}}                        | IMPORTED_PATCH | type money
			""")
	void fieldsTheResourceDoesNotHaveOrWrongTypesAreRefused(String body, SinchRequests.Shape shape, String fields) {
		assertThatThrownBy(() -> requests.read(body, shape)).isInstanceOfSatisfying(SinchSandboxException.class,
				refused -> {
					assertThat(refused.status()).isEqualTo(400);
					assertThat(refused.violations()).extracting(FieldViolation::field)
						.containsExactlyInAnyOrder(fields.split(" "));
				});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"displayName": "x"
			not json
			[1, 2]
			"a string"
			{"displayName": "x"} trailing
			{"displayName": "x", "displayName": "y"}
			""")
	void anythingButOneJsonObjectIsMalformed(String body) {
		assertThatThrownBy(() -> requests.read(body, SinchRequests.Shape.ACTIVE_PATCH))
			.isInstanceOfSatisfying(SinchSandboxException.class, refused -> {
				assertThat(refused.status()).isEqualTo(400);
				assertThat(refused.getMessage()).startsWith("Invalid JSON payload received");
				assertThat(refused.violations()).isEqualTo(List.of());
			});
	}
}

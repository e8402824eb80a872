package com.numberops.portal.providers.sinch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;

import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.http.CarrierErrors;
import com.numberops.portal.providers.http.CarrierErrors.CodeAndMessage;

import tools.jackson.databind.json.JsonMapper;

/** Both Sinch error bodies (seed 001 nested, seed 000 flat) into one portal error. */
class SinchErrorBodiesUnitTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final CarrierErrors ACTIVE = new CarrierErrors(ProviderKind.SINCH, SinchErrorBodies::active, JSON);

	private static final CarrierErrors IMPORTED = new CarrierErrors(ProviderKind.SINCH_IMPORTED,
			SinchErrorBodies::imported, JSON);

	@Test
	void anActive400KeepsStatusMessageAndEveryFieldViolation() {
		ProviderError error = raise(ACTIVE, 400, """
				{"error": {"code": 400, "message": "Invalid argument", "status": "INVALID_ARGUMENT",
				  "details": [{"type": "BadRequest", "fieldViolations": [
				    {"field": "smsConfiguration.servicePlanId", "description": "the number must be unlinked first"},
				    {"field": "smsConfiguration.campaignId", "description": "only for US numbers"}]}]}}
				""", null);

		assertThat(error.provider()).isEqualTo(ProviderKind.SINCH);
		assertThat(error.httpStatus()).isEqualTo(400);
		assertThat(error.providerCode()).isEqualTo("INVALID_ARGUMENT");
		assertThat(error.getMessage()).isEqualTo("Invalid argument (smsConfiguration.servicePlanId: the number must be "
				+ "unlinked first; smsConfiguration.campaignId: only for US numbers)");
		assertThat(error.retryable()).isFalse();
	}

	/** A message that already spells out the violation (as the sandbox's do) does not get it twice. */
	@Test
	void aViolationTheMessageAlreadyHoldsIsNotRepeated() {
		ProviderError error = raise(ACTIVE, 400, """
				{"error": {"code": 400, "message": "smsConfiguration.campaignId: only for US numbers", "status": "INVALID_ARGUMENT",
				  "details": [{"type": "BadRequest", "fieldViolations": [
				    {"field": "smsConfiguration.campaignId", "description": "only for US numbers"}]}]}}
				""", null);

		assertThat(error.getMessage()).isEqualTo("smsConfiguration.campaignId: only for US numbers");
	}

	@Test
	void anActive404KeepsItsMessage() {
		ProviderError error = raise(ACTIVE, 404, """
				{"error": {"code": 404, "message": "Number +12025550134 not found", "status": "NOT_FOUND",
				  "details": [{"type": "ResourceInfo", "resourceType": "ActiveNumber",
				    "resourceName": "projects/p/activeNumbers/+12025550134", "owner": "", "description": ""}]}}
				""", null);

		assertThat(error.providerCode()).isEqualTo("NOT_FOUND");
		assertThat(error.httpStatus()).isEqualTo(404);
		assertThat(error.getMessage()).isEqualTo("Number +12025550134 not found");
		assertThat(error.describe()).isEqualTo("Sinch active numbers 404 NOT_FOUND: Number +12025550134 not found");
	}

	@Test
	void anActive500IsRetryableAndA429CarriesRetryAfter() {
		ProviderError internal = raise(ACTIVE, 500, """
				{"error": {"code": 500, "message": "Internal error", "status": "INTERNAL", "details": []}}
				""", null);
		ProviderError limited = raise(ACTIVE, 429, """
				{"error": {"code": 429, "message": "Too many requests", "status": "RESOURCE_EXHAUSTED", "details": []}}
				""", "3");

		assertThat(internal.providerCode()).isEqualTo("INTERNAL");
		assertThat(internal.retryable()).isTrue();
		assertThat(limited.providerCode()).isEqualTo("RESOURCE_EXHAUSTED");
		assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(3));
		assertThat(limited.retryable()).isTrue();
	}

	/** Seed 002's PERMISSION_DENIED example has an empty message: the status says it all. */
	@Test
	void anEmptyMessageFallsBackToTheStatus() {
		ProviderError error = raise(ACTIVE, 403, """
				{"error": {"code": 403, "message": "", "status": "PERMISSION_DENIED", "details": []}}
				""", null);

		assertThat(error.providerCode()).isEqualTo("PERMISSION_DENIED");
		assertThat(error.getMessage()).isEqualTo("PERMISSION_DENIED");
	}

	@Test
	void anImported404IsReadFromTheFlatBody() {
		ProviderError error = raise(IMPORTED, 404, """
				{"code": "404", "message": "The imported number could not be found.", "status": "NOT_FOUND"}
				""", null);

		assertThat(error.provider()).isEqualTo(ProviderKind.SINCH_IMPORTED);
		assertThat(error.httpStatus()).isEqualTo(404);
		assertThat(error.providerCode()).isEqualTo("NOT_FOUND");
		assertThat(error.getMessage()).isEqualTo("The imported number could not be found.");
	}

	@Test
	void aBodyWithoutStatusNamesTheCode() {
		CodeAndMessage imported = SinchErrorBodies.imported(JSON.readTree("{\"code\": \"500\", \"message\": \"boom\"}"));
		CodeAndMessage active = SinchErrorBodies.active(JSON.readTree("{\"error\": {\"code\": 503, \"message\": \"later\"}}"));

		assertThat(imported).isEqualTo(new CodeAndMessage("HTTP_500", "boom"));
		assertThat(active).isEqualTo(new CodeAndMessage("HTTP_503", "later"));
	}

	@Test
	void eachReaderLeavesTheOtherShapeAlone() {
		assertThat(SinchErrorBodies.active(JSON.readTree("{\"code\": \"404\", \"message\": \"m\", \"status\": \"NOT_FOUND\"}")))
			.isNull();
		assertThat(SinchErrorBodies.imported(JSON.readTree("{\"error\": {\"code\": 404, \"status\": \"NOT_FOUND\"}}")))
			.isNull();
	}

	@Test
	void anUnreadableErrorBodyStillGivesTheStatusAndTheStartOfTheBody() {
		ProviderError error = raise(IMPORTED, 502, "<html>Bad gateway</html>", null);

		assertThat(error.httpStatus()).isEqualTo(502);
		assertThat(error.providerCode()).isEqualTo("HTTP_502");
		assertThat(error.getMessage()).isEqualTo("<html>Bad gateway</html>");
		assertThat(error.retryable()).isTrue();
	}

	private static ProviderError raise(CarrierErrors errors, int status, String body, String retryAfter) {
		MockClientHttpResponse response = new MockClientHttpResponse(body.getBytes(StandardCharsets.UTF_8),
				HttpStatus.valueOf(status));
		if (retryAfter != null) {
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
		}
		return catchThrowableOfType(ProviderError.class,
				() -> errors.raise(new MockClientHttpRequest(HttpMethod.GET, URI.create("http://sinch.test/v1")), response));
	}
}

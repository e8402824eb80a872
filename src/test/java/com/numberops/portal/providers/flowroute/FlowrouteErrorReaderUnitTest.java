package com.numberops.portal.providers.flowroute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;

import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.http.CarrierErrors;
import com.numberops.portal.providers.http.CarrierErrors.CodeAndMessage;

import tools.jackson.databind.json.JsonMapper;

/** Flowroute's error bodies, literally as seed 004 prints them, become one portal error. */
class FlowrouteErrorReaderUnitTest {

	static final String SEED_401 = """
			{
			  "errors": [
			    {
			      "detail": "Authentication failed.",
			      "id": "7fc8c70a-ca58-430c-b383-b89df84f8083",
			      "status": 401,
			      "title": "Unauthorized"
			    }
			  ]
			}""";

	static final String SEED_403 = """
			{  "errors":
			  [
			    {
			      "status": 403,
			      "detail": "",
			      "title": "ActionNotAuthorizedError"
			    }
			  ]
			}""";

	final JsonMapper json = JsonMapper.builder().build();

	final FlowrouteErrorReader reader = new FlowrouteErrorReader();

	@Test
	void theSeeds401KeepsTitleAsCodeAndDetailAsMessage() {
		assertThat(reader.read(json.readTree(SEED_401)))
			.isEqualTo(new CodeAndMessage("Unauthorized", "Authentication failed."));
	}

	@Test
	void theSeeds403HasAnEmptyDetailSoTheTitleIsTheMessage() {
		assertThat(reader.read(json.readTree(SEED_403)))
			.isEqualTo(new CodeAndMessage("ActionNotAuthorizedError", "ActionNotAuthorizedError"));
	}

	@Test
	void severalErrorsKeepEveryMessageAndTheFirstTitle() {
		String body = """
				{"errors": [{"status": "400", "title": "Bad Request", "detail": "alias must be a string."},
				            {"status": "400", "title": "Bad Request", "detail": "limit must be between 1 and 200."}]}""";
		assertThat(reader.read(json.readTree(body))).isEqualTo(
				new CodeAndMessage("Bad Request", "alias must be a string.; limit must be between 1 and 200."));
	}

	@Test
	void withoutTitlesTheStatusIsTheCode() {
		assertThat(reader.read(json.readTree("{\"errors\": [{\"status\": 502, \"detail\": \"upstream\"}]}")))
			.isEqualTo(new CodeAndMessage("HTTP_502", "upstream"));
	}

	@Test
	void otherShapesAreNotFlowroutesErrorBody() {
		assertThat(reader.read(json.readTree("{\"error\": {\"code\": 400, \"message\": \"Sinch's\"}}"))).isNull();
		assertThat(reader.read(json.readTree("{\"errors\": []}"))).isNull();
		assertThat(reader.read(json.readTree("{\"errors\": [{\"detail\": \"\", \"title\": \"\"}]}"))).isNull();
		assertThat(reader.read(json.readTree("[1, 2]"))).isNull();
	}

	@Test
	void anErrorAnswerBecomesAProviderErrorWithStatusCodeMessageAndRetryAfter() throws Exception {
		CarrierErrors errors = new CarrierErrors(ProviderKind.FLOWROUTE, reader, json);
		MockClientHttpResponse response = new MockClientHttpResponse(SEED_403.getBytes(StandardCharsets.UTF_8),
				HttpStatus.FORBIDDEN);
		ProviderError error = catchThrowableOfType(ProviderError.class, () -> errors
			.raise(new MockClientHttpRequest(HttpMethod.PATCH, URI.create("/v2/numbers/16463451234")), response));
		assertThat(error.provider()).isEqualTo(ProviderKind.FLOWROUTE);
		assertThat(error.httpStatus()).isEqualTo(403);
		assertThat(error.providerCode()).isEqualTo("ActionNotAuthorizedError");
		assertThat(error.retryable()).isFalse();

		MockClientHttpResponse limited = new MockClientHttpResponse(
				"{\"errors\":[{\"status\":429,\"title\":\"Too Many Requests\",\"detail\":\"slow down\"}]}"
					.getBytes(StandardCharsets.UTF_8),
				HttpStatus.TOO_MANY_REQUESTS);
		limited.getHeaders().set("Retry-After", "3");
		ProviderError tooMany = catchThrowableOfType(ProviderError.class,
				() -> errors.raise(new MockClientHttpRequest(HttpMethod.GET, URI.create("/v2/numbers")), limited));
		assertThat(tooMany.describe()).isEqualTo("Flowroute 429 Too Many Requests: slow down");
		assertThat(tooMany.retryAfter()).isEqualTo(Duration.ofSeconds(3));
		assertThat(tooMany.retryable()).isTrue();
	}
}

package com.numberops.portal.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.numberops.portal.support.ApiClient;
import com.numberops.portal.support.PortalHttp;
import com.numberops.portal.support.TestTokens;
import com.numberops.portal.users.ApiTokens;

/**
 * Idempotency-Key through the real servlet container, where refusals go to /error by an error
 * dispatch after the filters return: a replay is the same bytes with the same headers, and a
 * request refused by the role check or unknown to the API leaves no key behind.
 */
class IdempotencyOverHttpTests extends ApiEditsTest {

	@LocalServerPort
	int port;

	HttpResponse<String> voiceApp(PortalHttp http, String path, String key) {
		String token = http.csrfOf(http.get("/").body());
		return http.send(http.request(path)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("X-CSRF-TOKEN", token)
			.header(IdempotencyKeyFilter.HEADER, key)
			.POST(HttpRequest.BodyPublishers.ofString("{\"appId\": \"app-http\"}")));
	}

	int keys(String key) {
		return jdbc.queryForObject("select count(*) from idempotency_keys where idempotency_key = ?", Integer.class, key);
	}

	@Autowired
	ApiTokens tokens;

	@Test
	void aRetryWithATokenGetsTheFirstAnswerAndMakesNoSecondChange() {
		ApiClient operator = ApiClient.withToken(port, TestTokens.of(tokens, users, "operator"));
		String key = UUID.randomUUID().toString();
		Map<String, String> headers = Map.of(IdempotencyKeyFilter.HEADER, key);
		String path = "/api/phone-numbers/" + sinchA + "/voice-app";
		HttpResponse<String> first = operator.post(path, "{\"appId\": \"app-token\"}", headers);
		HttpResponse<String> retried = operator.post(path, "{\"appId\": \"app-token\"}", headers);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
		assertThat(retried.statusCode()).isEqualTo(202);
		assertThat(retried.body()).isEqualTo(first.body());
		assertThat(retried.headers().firstValue(IdempotencyKeyFilter.REPLAYED)).contains("true");
		assertThat(changes(sinchA)).isOne();
		// the same key for another body is refused, and changes nothing either
		HttpResponse<String> other = operator.post(path, "{\"appId\": \"app-other\"}", headers);
		assertThat(other.statusCode()).as(other.body()).isEqualTo(422);
		assertThat(changes(sinchA)).isOne();
	}

	@Test
	void aReplayIsTheFirstAnswerByteForByte() {
		PortalHttp operator = PortalHttp.signIn(port, "operator", "demo");
		String key = UUID.randomUUID().toString();
		HttpResponse<String> first = voiceApp(operator, "/api/phone-numbers/" + sinchA + "/voice-app", key);
		HttpResponse<String> again = voiceApp(operator, "/api/phone-numbers/" + sinchA + "/voice-app", key);
		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(again.statusCode()).isEqualTo(202);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(again.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
		assertThat(again.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
		assertThat(again.headers().firstValue(IdempotencyKeyFilter.REPLAYED)).contains("true");
		assertThat(first.headers().firstValue(IdempotencyKeyFilter.REPLAYED)).isEmpty();
		assertThat(changes(sinchA)).isOne();
		assertThat(keys(key)).isOne();
	}

	@Test
	void refusedAndUnknownRequestsKeepNoKey() {
		String refused = UUID.randomUUID().toString();
		HttpResponse<String> viewer = voiceApp(PortalHttp.signIn(port, "viewer", "demo"),
				"/api/phone-numbers/" + sinchA + "/voice-app", refused);
		assertThat(viewer.statusCode()).isEqualTo(403);
		assertThat(viewer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
		assertThat(keys(refused)).isZero();

		String unknown = UUID.randomUUID().toString();
		HttpResponse<String> nowhere = voiceApp(PortalHttp.signIn(port, "operator", "demo"), "/api/nothing-here", unknown);
		assertThat(nowhere.statusCode()).isEqualTo(404);
		assertThat(keys(unknown)).isZero();
		assertThat(changes(sinchA)).isZero();
	}
}

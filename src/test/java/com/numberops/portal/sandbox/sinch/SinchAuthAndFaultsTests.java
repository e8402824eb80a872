package com.numberops.portal.sandbox.sinch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.numberops.portal.sandbox.Fault;
import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxTokens;

/**
 * Sinch authentication (Basic key id/secret or an OAuth2 bearer token from the sandbox's token
 * endpoint; anything else 401 in each API's own body) and the fault registry as Sinch clients see
 * it: 5xx in the API's error body, 429 with Retry-After, malformed bodies.
 */
class SinchAuthAndFaultsTests extends SinchSandboxTest {

	private static final String TOKEN_PATH = "/sandbox/sinch-auth/oauth2/token";

	@Autowired
	SandboxTokens tokens;

	@AfterEach
	void usualTokenLifetime() {
		tokens.setLifetime(Duration.ofHours(1));
	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	String list() {
		return active("/activeNumbers?regionCode=US&type=LOCAL&pageSize=1");
	}

	String token() {
		Reply reply = postForm(TOKEN_PATH, "grant_type=client_credentials", BASIC);
		assertThat(reply.status()).isEqualTo(200);
		return reply.body().get("access_token").stringValue();
	}

	@Test
	void withoutOrWithWrongCredentialsEveryApiAnswers401InItsOwnFormat() {
		for (String authorization : new String[] { null, basic("sandbox-key", "wrong"), "Bearer not-a-token",
				"Digest whatever" }) {
			Reply activeReply = get(list(), authorization);
			assertThat(activeReply.status()).as(String.valueOf(authorization)).isEqualTo(401);
			assertThat(activeReply.body().get("error").get("code").intValue()).isEqualTo(401);
			assertThat(activeReply.body().get("error").get("status").stringValue()).isEqualTo("UNAUTHENTICATED");

			Reply importedReply = get(imported("/importedNumbers?servicePlanId=a&campaignId=b"), authorization);
			assertThat(importedReply.status()).isEqualTo(401);
			assertThat(importedReply.body().get("code").stringValue()).isEqualTo("401");
			assertThat(importedReply.body().get("status").stringValue()).isEqualTo("UNAUTHENTICATED");
		}
	}

	@Test
	void basicAndBearerAreBothAccepted() {
		assertThat(get(list(), BASIC).status()).isEqualTo(200);
		String token = token();
		assertThat(get(list(), "Bearer " + token).status()).isEqualTo(200);
		assertThat(get(imported("/importedNumbers?servicePlanId=a&campaignId=b"), "Bearer " + token).status())
			.isEqualTo(200);
	}

	@Test
	void theTokenEndpointIssuesBearerTokensForClientCredentials() {
		int issued = tokens.issuedCount();
		Reply reply = postForm(TOKEN_PATH, "grant_type=client_credentials", BASIC);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.header("Cache-Control")).contains("no-store");
		assertThat(reply.body().get("access_token").stringValue()).isNotBlank();
		assertThat(reply.body().get("token_type").stringValue()).isEqualTo("bearer");
		assertThat(reply.body().get("expires_in").intValue()).isEqualTo(3600);
		assertThat(reply.body().get("scope").stringValue()).isEmpty();
		assertThat(tokens.issuedCount()).isEqualTo(issued + 1);

		// client credentials in the form work as well
		Reply form = postForm(TOKEN_PATH,
				"grant_type=client_credentials&client_id=sandbox-key&client_secret=sandbox-secret", null);
		assertThat(form.status()).isEqualTo(200);
	}

	@Test
	void theTokenEndpointRefusesInOAuth2Terms() {
		Reply badBasic = postForm(TOKEN_PATH, "grant_type=client_credentials", basic("sandbox-key", "nope"));
		assertThat(badBasic.status()).isEqualTo(401);
		assertThat(badBasic.body().get("error").stringValue()).isEqualTo("invalid_client");
		assertThat(badBasic.header("WWW-Authenticate")).startsWith("Basic");

		Reply badForm = postForm(TOKEN_PATH,
				"grant_type=client_credentials&client_id=sandbox-key&client_secret=nope", null);
		assertThat(badForm.status()).isEqualTo(401);
		assertThat(badForm.body().get("error").stringValue()).isEqualTo("invalid_client");

		Reply none = postForm(TOKEN_PATH, "grant_type=client_credentials", null);
		assertThat(none.status()).isEqualTo(401);

		Reply wrongGrant = postForm(TOKEN_PATH, "grant_type=password", BASIC);
		assertThat(wrongGrant.status()).isEqualTo(400);
		assertThat(wrongGrant.body().get("error").stringValue()).isEqualTo("unsupported_grant_type");

		Reply noGrant = postForm(TOKEN_PATH, "", BASIC);
		assertThat(noGrant.status()).isEqualTo(400);
		assertThat(noGrant.body().get("error").stringValue()).isEqualTo("invalid_request");
	}

	@Test
	void anExpiredTokenIsRefused() {
		tokens.setLifetime(Duration.ofMillis(300));
		String token = token();
		assertThat(get(list(), "Bearer " + token).status()).isEqualTo(200);
		Reply expired = await(Duration.ofSeconds(5), () -> get(list(), "Bearer " + token), r -> r.status() == 401,
				"the token to expire");
		assertThat(expired.body().get("error").get("status").stringValue()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void serverErrorsComeInEachApisErrorBody() {
		faults.set(SandboxApi.SINCH, "list", Fault.serverErrors(1.0));
		Reply activeReply = get(list());
		assertThat(activeReply.status()).isEqualTo(500);
		assertThat(activeReply.body().get("error").get("code").intValue()).isEqualTo(500);
		assertThat(activeReply.body().get("error").get("status").stringValue()).isEqualTo("INTERNAL");
		// only the endpoint the fault is set on
		assertThat(get(active("/availableRegions")).status()).isEqualTo(200);

		faults.setAll(SandboxApi.SINCH_IMPORTED, Fault.serverErrors(1.0));
		Reply importedReply = get(imported("/importedNumbers?servicePlanId=a&campaignId=b"));
		assertThat(importedReply.status()).isEqualTo(500);
		assertThat(importedReply.body().get("code").stringValue()).isEqualTo("500");
	}

	@Test
	void rateLimitsCarryRetryAfter() {
		faults.setAll(SandboxApi.SINCH, Fault.rateLimited(1.0, 7));
		Reply reply = get(list());
		assertThat(reply.status()).isEqualTo(429);
		assertThat(reply.header("Retry-After")).isEqualTo("7");
		assertThat(reply.body().get("error").get("status").stringValue()).isEqualTo("RESOURCE_EXHAUSTED");
	}

	@Test
	void malformedBodiesAreNotJson() {
		faults.set(SandboxApi.SINCH, "get", Fault.malformed());
		String number = createUsNumber("", "");
		Reply reply = get(active("/activeNumbers/" + number));
		assertThat(reply.status()).isEqualTo(200);
		assertThatThrownBy(() -> json.readTree(reply.raw())).isInstanceOf(RuntimeException.class);
	}

	@Test
	void faultsAreCheckedAfterAuthentication() {
		faults.setAll(SandboxApi.SINCH, Fault.serverErrors(1.0));
		assertThat(get(list(), null).status()).isEqualTo(401);
	}
}

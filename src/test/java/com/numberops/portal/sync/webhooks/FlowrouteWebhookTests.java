package com.numberops.portal.sync.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.sandbox.Fault;
import com.numberops.portal.sandbox.SandboxApi;

/**
 * POST /webhooks/flowroute/message-provisioning against the running portal and the simulated
 * Flowroute: the shared token (query parameter or header) admits a status, which re-reads the
 * number; a wrong or missing token is a 401 that changes nothing; each (status id, status) is
 * handled once.
 */
class FlowrouteWebhookTests extends WebhookTest {

	static final String PATH = "/webhooks/flowroute/message-provisioning";

	/** Flowroute is simulated in tests and no FLOWROUTE_WEBHOOK_TOKEN is set: the sandbox token applies. */
	static final String TOKEN = WebhooksProperties.SANDBOX_FLOWROUTE_TOKEN;

	static byte[] status(String provisionId, String status, String tn) {
		return utf8("""
				{"data": {"type": "message_provisioning_status", "id": "%s",
				          "attributes": {"status": "%s", "tn": "%s"},
				          "links": {"self": "https://api.flowroute.com/v2/message-provision/status/%s"}}}"""
			.formatted(provisionId, status, tn, provisionId));
	}

	Reply withQueryToken(String token, byte[] body) {
		return post(PATH + "?token=" + token, body, Map.of());
	}

	static String newProvisionId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	@Test
	void theRightTokenInTheQueryRefreshesTheNumber() {
		String id = mirroredFlowrouteNumber("Seattle before");
		renameAtFlowroute(id, "Seattle after");
		String provisionId = newProvisionId();

		Reply reply = withQueryToken(TOKEN, status(provisionId, "complete", id));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().get("status").stringValue()).isEqualTo("refreshed");
		assertThat(mirrorName(ProviderKind.FLOWROUTE, id)).isEqualTo("Seattle after");
		assertThat(webhookEvents(ProviderKind.FLOWROUTE, id)).containsExactly("name: Seattle before → Seattle after");
		assertThat(delivered(CarrierWebhooks.FLOWROUTE, provisionId + ":complete")).isTrue();
		assertThat(reply.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void theRightTokenInTheHeaderRefreshesTheNumber() {
		String id = mirroredFlowrouteNumber("Austin before");
		renameAtFlowroute(id, "Austin after");

		Reply reply = post(PATH, status(newProvisionId(), "failed", "+" + id),
				Map.of(WebhooksProperties.TOKEN_HEADER, TOKEN));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(mirrorName(ProviderKind.FLOWROUTE, id)).isEqualTo("Austin after");
	}

	@Test
	void aWrongOrMissingTokenIsRefusedAndChangesNothing() {
		String id = mirroredFlowrouteNumber("Kept");
		renameAtFlowroute(id, "Must not arrive");
		String provisionId = newProvisionId();
		byte[] body = status(provisionId, "complete", id);

		Reply wrong = withQueryToken("guess", body);
		Reply wrongHeader = post(PATH, body, Map.of(WebhooksProperties.TOKEN_HEADER, TOKEN + "x"));
		Reply missing = post(PATH, body, Map.of());

		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.body().get("error").stringValue()).isEqualTo("Invalid token.");
		assertThat(wrongHeader.status()).isEqualTo(401);
		assertThat(missing.status()).isEqualTo(401);
		assertThat(mirrorName(ProviderKind.FLOWROUTE, id)).isEqualTo("Kept");
		assertThat(webhookEvents(ProviderKind.FLOWROUTE, id)).isEmpty();
		assertThat(delivered(CarrierWebhooks.FLOWROUTE, provisionId + ":complete")).isFalse();
	}

	@Test
	void aReplayedStatusIsAcknowledgedButNotHandledAgainWhileANewStatusOfTheSameJobIs() {
		String id = mirroredFlowrouteNumber("One");
		String provisionId = newProvisionId();
		renameAtFlowroute(id, "Two");
		assertThat(withQueryToken(TOKEN, status(provisionId, "processing", id)).status()).isEqualTo(200);
		assertThat(mirrorName(ProviderKind.FLOWROUTE, id)).isEqualTo("Two");

		renameAtFlowroute(id, "Three");
		Reply replay = withQueryToken(TOKEN, status(provisionId, "processing", id));

		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.body().get("status").stringValue()).isEqualTo("replayed");
		assertThat(mirrorName(ProviderKind.FLOWROUTE, id)).isEqualTo("Two");

		// the same job moving on is news
		Reply complete = withQueryToken(TOKEN, status(provisionId, "complete", id));
		assertThat(complete.body().get("status").stringValue()).isEqualTo("refreshed");
		assertThat(mirrorName(ProviderKind.FLOWROUTE, id)).isEqualTo("Three");
		assertThat(webhookEvents(ProviderKind.FLOWROUTE, id)).containsExactly("name: One → Two", "name: Two → Three");
	}

	@Test
	void whenTheCarrierCannotBeReadTheStatusIsNotRecordedSoItsRetryIsHandled() {
		String id = mirroredFlowrouteNumber("Before the outage");
		renameAtFlowroute(id, "After the outage");
		String provisionId = newProvisionId();
		byte[] body = status(provisionId, "complete", id);

		faults.set(SandboxApi.FLOWROUTE, "get", Fault.serverErrors(1.0));
		Reply during = withQueryToken(TOKEN, body);
		faults.clearAll();

		assertThat(during.status()).as("the carrier may send it again").isEqualTo(503);
		assertThat(during.body().get("error").stringValue()).contains("Flowroute");
		assertThat(delivered(CarrierWebhooks.FLOWROUTE, provisionId + ":complete")).isFalse();
		assertThat(mirrorName(ProviderKind.FLOWROUTE, id)).isEqualTo("Before the outage");

		Reply retry = withQueryToken(TOKEN, body);
		assertThat(retry.body().get("status").stringValue()).as("not mistaken for a replay").isEqualTo("refreshed");
		assertThat(mirrorName(ProviderKind.FLOWROUTE, id)).isEqualTo("After the outage");
	}

	@Test
	void anAuthenticBodyThatIsNotAProvisioningStatusIsABadRequest() {
		assertThat(withQueryToken(TOKEN, utf8("not json")).status()).isEqualTo(400);
		assertThat(withQueryToken(TOKEN, utf8("{\"data\": []}")).status()).isEqualTo(400);
		assertThat(withQueryToken(TOKEN, utf8("""
				{"data": {"type": "number", "id": "12065550100", "attributes": {"status": "complete", "tn": "12065550100"}}}""")).status())
			.isEqualTo(400);
		assertThat(withQueryToken(TOKEN, status(newProvisionId(), "complete", "2065550100")).status()).as("10 digits")
			.isEqualTo(400);
		assertThat(withQueryToken(TOKEN, utf8("""
				{"data": {"type": "message_provisioning_status", "id": "x", "attributes": {"tn": "12065550100"}}}""")).status())
			.as("no status")
			.isEqualTo(400);
	}
}

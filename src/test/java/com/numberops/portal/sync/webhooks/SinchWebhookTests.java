package com.numberops.portal.sync.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.sandbox.SandboxProperties;
import com.numberops.portal.support.SandboxSinchProject;

/**
 * POST /webhooks/sinch against the running portal and the simulated Sinch: a correctly signed
 * callback re-reads the number and the mirror shows what changed at the carrier, with a WEBHOOK
 * event; anything not signed with the secret over the exact bytes is a 401 that changes nothing;
 * an eventId is handled once; and the sandbox's own callbacks reach the mirror with no sync run.
 */
class SinchWebhookTests extends WebhookTest {

	static final String PATH = "/webhooks/sinch";

	@Autowired
	SandboxProperties sandboxProperties;

	/** In sandbox mode with no SINCH_CALLBACK_SECRET, the portal accepts the sandbox's own secret. */
	String secret() {
		return sandboxProperties.sinchCallbackSecret();
	}

	static byte[] event(String eventId, String resourceType, String projectId, String number) {
		return utf8("""
				{"eventId":"%s","timestamp":"2026-11-22T10:00:00.000Z","projectId":"%s","resourceId":"%s",\
				"resourceType":"%s","eventType":"PROVISIONING_TO_SMS_PLATFORM","status":"SUCCEEDED","failureCode":null}"""
			.formatted(eventId, projectId, number, resourceType));
	}

	static byte[] activeEvent(String eventId, String number) {
		return event(eventId, "ACTIVE_NUMBER", PROJECT, number);
	}

	Reply signed(byte[] body) {
		return post(PATH, body, Map.of(SinchSignature.HEADER, SinchSignature.sign(body, secret())));
	}

	static String newEventId() {
		return UUID.randomUUID().toString();
	}

	@Test
	void aSignedCallbackRefreshesTheNumberAndRecordsAWebhookEvent() {
		String number = mirroredSinchNumber("ACTIVE", "Before the callback");
		renameAtSinch(number, "Renamed in the Sinch dashboard");
		String eventId = newEventId();

		Reply reply = signed(activeEvent(eventId, number));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().get("status").stringValue()).isEqualTo("refreshed");
		assertThat(mirrorName(ProviderKind.SINCH, number)).isEqualTo("Renamed in the Sinch dashboard");
		assertThat(webhookEvents(ProviderKind.SINCH, number))
			.containsExactly("name: Before the callback → Renamed in the Sinch dashboard");
		assertThat(delivered(CarrierWebhooks.SINCH, eventId)).isTrue();
		assertThat(reply.headers().firstValue("Set-Cookie")).as("no session for a carrier").isEmpty();
	}

	@Test
	void aCallbackSignedWithAnotherSecretIsRefusedAndChangesNothing() {
		String number = mirroredSinchNumber("ACTIVE", "Kept");
		renameAtSinch(number, "Must not arrive");
		String eventId = newEventId();
		byte[] body = activeEvent(eventId, number);

		Reply reply = post(PATH, body, Map.of(SinchSignature.HEADER, SinchSignature.sign(body, "not-the-secret")));

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.body().get("error").stringValue()).contains("X-Sinch-Signature");
		assertThat(mirrorName(ProviderKind.SINCH, number)).isEqualTo("Kept");
		assertThat(webhookEvents(ProviderKind.SINCH, number)).isEmpty();
		assertThat(delivered(CarrierWebhooks.SINCH, eventId)).as("no webhook_events row").isFalse();
	}

	@Test
	void aCallbackWithoutSignatureIsRefusedAndChangesNothing() {
		String number = mirroredSinchNumber("ACTIVE", "Kept");
		renameAtSinch(number, "Must not arrive");
		String eventId = newEventId();

		Reply missing = post(PATH, activeEvent(eventId, number), Map.of());
		Reply empty = post(PATH, activeEvent(eventId, number), Map.of(SinchSignature.HEADER, ""));
		Reply notHex = post(PATH, activeEvent(eventId, number), Map.of(SinchSignature.HEADER, "zz-not-hex"));

		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.body().get("error").stringValue()).contains("Missing");
		assertThat(empty.status()).isEqualTo(401);
		assertThat(notHex.status()).isEqualTo(401);
		assertThat(mirrorName(ProviderKind.SINCH, number)).isEqualTo("Kept");
		assertThat(webhookEvents(ProviderKind.SINCH, number)).isEmpty();
		assertThat(delivered(CarrierWebhooks.SINCH, eventId)).isFalse();
	}

	@Test
	void theSignatureCoversTheExactBytesNotTheJsonMeaning() {
		String number = mirroredSinchNumber("ACTIVE", "Kept");
		renameAtSinch(number, "Must not arrive");
		String eventId = newEventId();
		byte[] signedBody = activeEvent(eventId, number);
		// the same JSON, pretty-printed: a proxy or a re-serialisation would do this
		byte[] sentBody = utf8(new String(signedBody, java.nio.charset.StandardCharsets.UTF_8).replace(",", ", "));

		Reply reply = post(PATH, sentBody, Map.of(SinchSignature.HEADER, SinchSignature.sign(signedBody, secret())));

		assertThat(reply.status()).isEqualTo(401);
		assertThat(mirrorName(ProviderKind.SINCH, number)).isEqualTo("Kept");
		assertThat(delivered(CarrierWebhooks.SINCH, eventId)).isFalse();
	}

	@Test
	void anUpperCaseHexSignatureIsTheSameSignature() {
		String number = mirroredSinchNumber("ACTIVE", "Before");
		renameAtSinch(number, "After");
		byte[] body = activeEvent(newEventId(), number);

		Reply reply = post(PATH, body, Map.of(SinchSignature.HEADER, SinchSignature.sign(body, secret()).toUpperCase()));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(mirrorName(ProviderKind.SINCH, number)).isEqualTo("After");
	}

	@Test
	void aReplayedEventIdIsAcknowledgedButNotHandledAgain() {
		String number = mirroredSinchNumber("ACTIVE", "First");
		renameAtSinch(number, "Second");
		String eventId = newEventId();
		assertThat(signed(activeEvent(eventId, number)).status()).isEqualTo(200);
		assertThat(mirrorName(ProviderKind.SINCH, number)).isEqualTo("Second");

		renameAtSinch(number, "Third");
		Reply replay = signed(activeEvent(eventId, number));

		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.body().get("status").stringValue()).isEqualTo("replayed");
		assertThat(mirrorName(ProviderKind.SINCH, number)).as("the replay did not re-read the number").isEqualTo("Second");
		assertThat(webhookEvents(ProviderKind.SINCH, number)).containsExactly("name: First → Second");

		// only the replay was ignored: a new event about the same number is handled
		assertThat(signed(activeEvent(newEventId(), number)).body().get("status").stringValue()).isEqualTo("refreshed");
		assertThat(mirrorName(ProviderKind.SINCH, number)).isEqualTo("Third");
	}

	@Test
	void anImportedNumberIsRefreshedThroughTheImportedNumbersAccount() {
		String number = mirroredSinchNumber("IMPORTED", "Imported before");
		renameAtSinch(number, "Imported after");

		Reply reply = signed(event(newEventId(), "IMPORTED_NUMBER", PROJECT, number));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(mirrorName(ProviderKind.SINCH_IMPORTED, number)).isEqualTo("Imported after");
		assertThat(mirrored(ProviderKind.SINCH, number)).as("not mistaken for an active number").isFalse();
		assertThat(webhookEvents(ProviderKind.SINCH_IMPORTED, number))
			.containsExactly("name: Imported before → Imported after");
	}

	/**
	 * Sinch sends one callback per provisioning part (SMS platform, campaign, voice), so several
	 * about one number arrive together; for a number the mirror does not hold yet each of them
	 * would create it. Every one is handled, and the mirror ends with one row.
	 */
	@Test
	void callbacksArrivingTogetherAboutANewNumberAreAllHandled() throws Exception {
		String number = sinchNumber("ACTIVE", "Arrives by callback");
		List<Callable<Reply>> deliveries = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			byte[] body = activeEvent(newEventId(), number);
			deliveries.add(() -> signed(body));
		}
		ExecutorService pool = Executors.newFixedThreadPool(deliveries.size());
		try {
			List<Integer> statuses = new ArrayList<>();
			for (Future<Reply> reply : pool.invokeAll(deliveries)) {
				statuses.add(reply.get().status());
			}
			assertThat(statuses).containsOnly(200);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(mirrorName(ProviderKind.SINCH, number)).isEqualTo("Arrives by callback");
	}

	@Test
	void aNumberTheCarrierDoesNotKnowIsAcknowledgedAndNotMirrored() {
		String unknown = "+15580000001";

		Reply reply = signed(activeEvent(newEventId(), unknown));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().get("status").stringValue()).isEqualTo("unchanged");
		assertThat(mirrored(ProviderKind.SINCH, unknown)).isFalse();
	}

	@Test
	void aSignedEventAboutAnAccountOrResourceThePortalDoesNotFollowIsAcknowledgedAndNotRecorded() {
		String number = mirroredSinchNumber("ACTIVE", "Kept");
		renameAtSinch(number, "Must not arrive");
		String otherProject = newEventId();
		String otherType = newEventId();

		Reply unknownProject = signed(event(otherProject, "ACTIVE_NUMBER", "someone-elses-project", number));
		Reply unknownType = signed(event(otherType, "SHORT_CODE", PROJECT, number));

		assertThat(unknownProject.status()).isEqualTo(200);
		assertThat(unknownProject.body().get("status").stringValue()).isEqualTo("ignored");
		assertThat(unknownType.status()).isEqualTo(200);
		assertThat(unknownType.body().get("status").stringValue()).isEqualTo("ignored");
		assertThat(mirrorName(ProviderKind.SINCH, number)).isEqualTo("Kept");
		assertThat(delivered(CarrierWebhooks.SINCH, otherProject)).isFalse();
		assertThat(delivered(CarrierWebhooks.SINCH, otherType)).isFalse();
	}

	@Test
	void aSignedBodyThatIsNotTheCallbackIsABadRequest() {
		assertThat(signed(utf8("{\"eventId\": ")).status()).as("unreadable JSON").isEqualTo(400);
		assertThat(signed(utf8("[1, 2]")).status()).as("not an object").isEqualTo(400);
		assertThat(signed(new byte[0]).status()).as("empty").isEqualTo(400);
		Reply noResource = signed(utf8("{\"eventId\":\"" + newEventId() + "\",\"projectId\":\"" + PROJECT
				+ "\",\"resourceType\":\"ACTIVE_NUMBER\"}"));
		assertThat(noResource.status()).isEqualTo(400);
		assertThat(noResource.body().get("error").stringValue()).contains("resourceId");
		assertThat(signed(event(newEventId(), "ACTIVE_NUMBER", PROJECT, "12065550100")).status()).as("not E.164")
			.isEqualTo(400);
	}

	@Test
	void theWebhookIsOutsideThePortalLogin() {
		// no login redirect, no CSRF refusal for a POST without a token or session: only the signature decides
		Reply anonymous = post(PATH, utf8("{}"), Map.of());
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Location")).isEmpty();
		// and a portal session's credentials are no substitute for the signature
		Reply basic = post(PATH, utf8("{}"), Map.of("Authorization",
				"Basic " + Base64.getEncoder().encodeToString(utf8("admin:demo"))));
		assertThat(basic.status()).isEqualTo(401);
		Reply get = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH)).GET());
		assertThat(get.status()).isEqualTo(405);
	}

	/**
	 * End to end, with nothing but the sandbox's defaults: a plan change made at the carrier on a
	 * number without a callbackUrl settles, the sandbox calls this portal's /webhooks/sinch with a
	 * signed event, and the mirror shows the applied plan, without any sync being run.
	 */
	@Test
	void aPlanAppliedAtTheSandboxReachesTheMirrorThroughItsDefaultCallback() {
		String number = mirroredSinchNumber("ACTIVE", "Waiting for a plan");
		assertThat(mirrorColumn(ProviderKind.SINCH, number, "sms_service_plan_id")).isNull();
		long runsBefore = jdbc.queryForObject("select count(*) from sync_runs", Long.class);
		String plan = "sp-webhook-" + number.substring(5);
		SandboxSinchProject.has(sandbox.jdbc(), plan, "");

		Reply patched = sinchPatch(number, "{\"smsConfiguration\": {\"servicePlanId\": \"" + plan + "\"}}");
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.body().path("callbackUrl").stringValue()).as("the number has no callback URL").isEmpty();

		until(Duration.ofSeconds(15), "the mirror shows plan " + plan,
				() -> plan.equals(mirrorColumn(ProviderKind.SINCH, number, "sms_service_plan_id")));
		assertThat(webhookEvents(ProviderKind.SINCH, number)).anyMatch(event -> event.startsWith("sms_service_plan_id: ")
				&& event.endsWith("→ " + plan));
		assertThat(jdbc.queryForObject("select count(*) from sync_runs", Long.class)).as("no sync ran")
			.isEqualTo(runsBefore);
	}

	Reply sinchPatch(String number, String body) {
		String basic = "Basic " + Base64.getEncoder().encodeToString(utf8("sandbox-key:sandbox-secret"));
		return send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/sandbox/sinch/v1/projects/" + PROJECT
					+ "/activeNumbers/" + number))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", basic)
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
	}
}

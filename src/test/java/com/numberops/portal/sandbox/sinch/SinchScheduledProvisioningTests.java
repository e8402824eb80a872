package com.numberops.portal.sandbox.sinch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.numberops.portal.sandbox.Fault;
import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxProperties;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/**
 * Scheduled provisioning over HTTP (test delays: WAITING 200 ms, IN_PROGRESS 300 ms): a change of
 * service plan, campaign or voice app shows WAITING → IN_PROGRESS → applied, or ends FAILED with
 * errorCodes (deterministic hooks, the fault registry's provisioningFailureRate); the sweeper
 * settles jobs nobody asks about; callbacks are signed with HMAC-SHA1.
 */
class SinchScheduledProvisioningTests extends SinchSandboxTest {

	private static final Duration DEADLINE = Duration.ofSeconds(10);

	@Autowired
	SandboxProperties properties;

	JsonNode number(String phoneNumber) {
		Reply reply = get(active("/activeNumbers/" + phoneNumber));
		assertThat(reply.status()).isEqualTo(200);
		return reply.body();
	}

	static String smsStatus(JsonNode number) {
		JsonNode job = number.get("smsConfiguration").get("scheduledProvisioning");
		return job.isNull() ? "NONE" : job.get("status").stringValue();
	}

	static String voiceStatus(JsonNode number) {
		JsonNode job = number.get("voiceConfiguration").get("scheduledVoiceProvisioning");
		return job.isNull() ? "NONE" : job.get("status").stringValue();
	}

	/** Polls until the job has disappeared or failed, recording each status seen in order. */
	List<String> statusesUntilSettled(String phoneNumber, java.util.function.Function<JsonNode, String> status) {
		List<String> seen = new ArrayList<>();
		await(DEADLINE, () -> {
			String now = status.apply(number(phoneNumber));
			if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(now)) {
				seen.add(now);
			}
			return now;
		}, s -> s.equals("NONE") || s.equals("FAILED"), "the job of " + phoneNumber + " to settle");
		return seen;
	}

	/** So that jobs here end as the hooks and faults decide, not because a made-up id is unknown. */
	@BeforeEach
	void thePlansAndCampaignsLinkedHereAreTheProjects() {
		projectHas("sp-flow", "CFLOW", "sp-to", "CTO", "sp-ok", "CGOOD", "sp-doomed", "sp-fine", "CDOOMED", "sp-swept", "sp-cb");
	}

	@Test
	void aLinkGoesWaitingThenInProgressThenIsApplied() {
		String number = createUsNumber("", "");
		Instant before = Instant.now();
		Reply reply = patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {"servicePlanId": "sp-flow", "campaignId": "CFLOW"}}""");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(smsStatus(reply.body())).isEqualTo("WAITING");
		JsonNode job = reply.body().get("smsConfiguration").get("scheduledProvisioning");
		assertThat(Instant.parse(job.get("lastUpdatedTime").stringValue())).isAfterOrEqualTo(before.minusSeconds(1));

		List<String> statuses = statusesUntilSettled(number, SinchScheduledProvisioningTests::smsStatus);
		assertThat(statuses).containsSubsequence("IN_PROGRESS", "NONE").doesNotContain("FAILED");

		JsonNode sms = number(number).get("smsConfiguration");
		assertThat(sms.get("servicePlanId").stringValue()).isEqualTo("sp-flow");
		assertThat(sms.get("campaignId").stringValue()).isEqualTo("CFLOW");
		assertThat(sms.get("scheduledProvisioning").isNull()).isTrue();
	}

	@Test
	void whileInProgressTheOldValuesStayDirectlyUnderSmsConfiguration() {
		String number = createUsNumber("sp-before", "");
		patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {"servicePlanId": ""}}""");
		JsonNode inProgress = await(DEADLINE, () -> number(number), n -> smsStatus(n).equals("IN_PROGRESS")
				|| smsStatus(n).equals("NONE"), "IN_PROGRESS");
		assertThat(smsStatus(inProgress)).isEqualTo("IN_PROGRESS");
		assertThat(inProgress.get("smsConfiguration").get("servicePlanId").stringValue()).isEqualTo("sp-before");
		assertThat(inProgress.get("smsConfiguration").get("scheduledProvisioning").get("servicePlanId").stringValue())
			.isEmpty();
	}

	@Test
	void reassigningIsUnlinkThenWaitThenLink() {
		String number = createUsNumber("sp-from", "CFROM");
		assertThat(patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {"servicePlanId": "sp-to", "campaignId": "CTO"}}""").status()).isEqualTo(400);
		assertThat(patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {"servicePlanId": "", "campaignId": ""}}""").status()).isEqualTo(200);
		statusesUntilSettled(number, SinchScheduledProvisioningTests::smsStatus);
		assertThat(number(number).get("smsConfiguration").get("servicePlanId").stringValue()).isEmpty();

		assertThat(patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {"servicePlanId": "sp-to", "campaignId": "CTO"}}""").status()).isEqualTo(200);
		statusesUntilSettled(number, SinchScheduledProvisioningTests::smsStatus);
		JsonNode sms = number(number).get("smsConfiguration");
		assertThat(sms.get("servicePlanId").stringValue()).isEqualTo("sp-to");
		assertThat(sms.get("campaignId").stringValue()).isEqualTo("CTO");
	}

	@Test
	void linkingCampaignCfailed1AlwaysFailsWithCampaignNotAvailable() {
		String number = createUsNumber("sp-ok", "");
		patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {"servicePlanId": "sp-ok", "campaignId": "CFAILED1"}}""");
		List<String> statuses = statusesUntilSettled(number, SinchScheduledProvisioningTests::smsStatus);
		assertThat(statuses).endsWith("FAILED");

		JsonNode sms = number(number).get("smsConfiguration");
		JsonNode job = sms.get("scheduledProvisioning");
		assertThat(job.get("status").stringValue()).isEqualTo("FAILED");
		assertThat(job.get("errorCodes").get(0).stringValue()).isEqualTo("CAMPAIGN_NOT_AVAILABLE");
		assertThat(job.get("campaignId").stringValue()).isEqualTo("CFAILED1");
		// nothing was applied
		assertThat(sms.get("campaignId").stringValue()).isEmpty();

		// a failed job does not block the next change: linking another campaign works
		Reply retry = patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {"servicePlanId": "sp-ok", "campaignId": "CGOOD"}}""");
		assertThat(retry.status()).isEqualTo(200);
		assertThat(smsStatus(retry.body())).isEqualTo("WAITING");
		statusesUntilSettled(number, SinchScheduledProvisioningTests::smsStatus);
		assertThat(number(number).get("smsConfiguration").get("campaignId").stringValue()).isEqualTo("CGOOD");
	}

	@Test
	void theProvisioningFailureRateFailsPlanChangesWithSmsProvisioningFailed() {
		faults.set(SandboxApi.SINCH, "patch", Fault.provisioningFailures(1.0));
		String number = createUsNumber("", "");
		patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {"servicePlanId": "sp-doomed"}}""");
		statusesUntilSettled(number, SinchScheduledProvisioningTests::smsStatus);
		JsonNode job = number(number).get("smsConfiguration").get("scheduledProvisioning");
		assertThat(job.get("status").stringValue()).isEqualTo("FAILED");
		assertThat(job.get("errorCodes").get(0).stringValue()).isEqualTo("SMS_PROVISIONING_FAILED");
		assertThat(number(number).get("smsConfiguration").get("servicePlanId").stringValue()).isEmpty();
	}

	@Test
	void theApiWideFailureRateFailsCampaignLinksWithCampaignNotAvailable() {
		faults.setAll(SandboxApi.SINCH, Fault.provisioningFailures(1.0));
		String number = createUsNumber("sp-fine", "");
		patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {"servicePlanId": "sp-fine", "campaignId": "CDOOMED"}}""");
		statusesUntilSettled(number, SinchScheduledProvisioningTests::smsStatus);
		assertThat(number(number).get("smsConfiguration").get("scheduledProvisioning").get("errorCodes").get(0)
			.stringValue()).isEqualTo("CAMPAIGN_NOT_AVAILABLE");
	}

	@Test
	void aVoiceAppGoesThroughScheduledVoiceProvisioning() {
		String number = createNumber("US", "LOCAL", List.of("SMS", "VOICE"), "", "", "app-old", "Voice");
		Reply reply = patch(active("/activeNumbers/" + number), """
				{"voiceConfiguration": {"appId": "app-new"}}""");
		assertThat(reply.status()).isEqualTo(200);
		JsonNode job = reply.body().get("voiceConfiguration").get("scheduledVoiceProvisioning");
		assertThat(job.get("appId").stringValue()).isEqualTo("app-new");
		assertThat(job.get("status").stringValue()).isEqualTo("WAITING");
		assertThat(reply.body().get("voiceConfiguration").get("appId").stringValue()).isEqualTo("app-old");

		List<String> statuses = statusesUntilSettled(number, SinchScheduledProvisioningTests::voiceStatus);
		assertThat(statuses).containsSubsequence("IN_PROGRESS", "NONE");
		JsonNode voice = number(number).get("voiceConfiguration");
		assertThat(voice.get("appId").stringValue()).isEqualTo("app-new");
		assertThat(voice.get("lastUpdatedTime").isString()).isTrue();
	}

	@Test
	void voiceApplicationVfailed1AlwaysFails() {
		String number = createNumber("US", "LOCAL", List.of("VOICE"), "", "", "", "Voice");
		patch(active("/activeNumbers/" + number), """
				{"voiceConfiguration": {"appId": "VFAILED1"}}""");
		statusesUntilSettled(number, SinchScheduledProvisioningTests::voiceStatus);
		JsonNode voice = number(number).get("voiceConfiguration");
		assertThat(voice.get("scheduledVoiceProvisioning").get("status").stringValue()).isEqualTo("FAILED");
		assertThat(voice.get("appId").stringValue()).isEmpty();
	}

	@Test
	void theSweeperSettlesJobsNobodyAsksAbout() {
		String number = createUsNumber("", "");
		patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {"servicePlanId": "sp-swept"}}""");
		// read the table directly, not through the API (which would settle the job itself)
		String plan = await(DEADLINE,
				() -> sandbox.jdbc()
					.sql("select sms_service_plan_id from sinch_numbers where phone_number = :n")
					.param("n", number)
					.query(String.class)
					.single(),
				"sp-swept"::equals, "the sweeper to apply the job");
		assertThat(plan).isEqualTo("sp-swept");
	}

	record Callback(String body, String signature, String contentType) {
	}

	@Test
	void settledJobsAreCalledBackWithAnHmacSha1Signature() throws Exception {
		BlockingQueue<Callback> received = new LinkedBlockingQueue<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		receiver.createContext("/sinch-events", exchange -> {
			try (exchange) {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				received.add(new Callback(body, exchange.getRequestHeaders().getFirst("X-Sinch-Signature"),
						exchange.getRequestHeaders().getFirst("Content-Type")));
				exchange.sendResponseHeaders(200, -1);
			}
			catch (IOException ignored) {
				// the sandbox only logs a failed callback
			}
		});
		receiver.start();
		try {
			String number = createUsNumber("", "");
			String url = "http://localhost:" + receiver.getAddress().getPort() + "/sinch-events";
			Reply reply = patch(active("/activeNumbers/" + number), """
					{"callbackUrl": "%s", "smsConfiguration": {"servicePlanId": "sp-cb", "campaignId": "CFAILED1"}}"""
				.formatted(url));
			assertThat(reply.status()).isEqualTo(200);

			List<JsonNode> events = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				Callback callback = received.poll(DEADLINE.toSeconds(), TimeUnit.SECONDS);
				assertThat(callback).as("callback %d", i + 1).isNotNull();
				assertThat(callback.contentType()).startsWith("application/json");
				assertThat(callback.signature()).isEqualTo(hmacSha1Hex(callback.body(), properties.sinchCallbackSecret()));
				events.add(json.readTree(callback.body()));
			}
			assertThat(events).extracting(e -> e.get("eventType").stringValue())
				.containsExactlyInAnyOrder("PROVISIONING_TO_SMS_PLATFORM", "PROVISIONING_TO_CAMPAIGN");
			for (JsonNode event : events) {
				assertThat(event.get("eventId").stringValue()).isNotBlank();
				assertThat(Instant.parse(event.get("timestamp").stringValue())).isBefore(Instant.now().plusSeconds(1));
				assertThat(event.get("projectId").stringValue()).isEqualTo(PROJECT);
				assertThat(event.get("resourceId").stringValue()).isEqualTo(number);
				assertThat(event.get("resourceType").stringValue()).isEqualTo("ACTIVE_NUMBER");
				assertThat(event.get("status").stringValue()).isEqualTo("FAILED");
			}
			JsonNode campaign = events.stream()
				.filter(e -> e.get("eventType").stringValue().equals("PROVISIONING_TO_CAMPAIGN"))
				.findFirst()
				.orElseThrow();
			assertThat(campaign.get("failureCode").stringValue()).isEqualTo("CAMPAIGN_NOT_AVAILABLE");
		}
		finally {
			receiver.stop(0);
		}
	}

	static String hmacSha1Hex(String body, String secret) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}
}

package com.numberops.portal.sandbox.sinch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The simulated Sinch must not be a way to make the portal's host call any address (server-side
 * request forgery): a callbackUrl is accepted only for this portal's own webhook or a host an admin
 * allowed ({@code portal.sandbox.callback-hosts}; the tests allow {@code localhost}, so that their
 * receivers can listen there). Everything else is Sinch's 400 and changes nothing; a callbackUrl
 * stored before (or written behind the API's back) is checked again when the callback is due, and
 * the event goes to the portal's own webhook instead.
 */
class SinchCallbacksStayInsideTests extends SinchSandboxTest {

	private HttpServer loopback;

	private final AtomicInteger received = new AtomicInteger();

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void loopbackListener() throws IOException {
		loopback = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		loopback.createContext("/", exchange -> {
			try (exchange) {
				received.incrementAndGet();
				exchange.sendResponseHeaders(200, -1);
			}
		});
		loopback.start();
	}

	@AfterEach
	void stopListener() {
		loopback.stop(0);
	}

	String loopbackUrl() {
		return "http://127.0.0.1:" + loopback.getAddress().getPort() + "/steal";
	}

	List<String> forbidden() {
		return List.of(loopbackUrl(), "http://127.0.0.1:" + port + "/webhooks/sinch-not-quite",
				"http://10.0.0.7/callback", "http://169.254.169.254/latest/meta-data/",
				"http://[::1]:" + loopback.getAddress().getPort() + "/", "https://localhost.attacker.example/cb",
				"http://localhost@127.0.0.1:" + loopback.getAddress().getPort() + "/",
				"https://hooks.example.com/sinch");
	}

	@Test
	void aPatchWithAForeignCallbackUrlIsSinchs400AndChangesNothing() {
		String number = createUsNumber("", "");
		for (String url : forbidden()) {
			Reply reply = patch(active("/activeNumbers/" + number), """
					{"callbackUrl": "%s", "smsConfiguration": {"servicePlanId": "sp-growth-01"}}""".formatted(url));
			assertThat(reply.status()).as(url).isEqualTo(400);
			assertThat(reply.body().get("error").get("status").stringValue()).isEqualTo("INVALID_ARGUMENT");
			assertThat(violationFields(reply)).as(url).containsExactly("callbackUrl");
		}
		Reply now = get(active("/activeNumbers/" + number));
		assertThat(now.body().get("callbackUrl").stringValue()).isEmpty();
		assertThat(now.body().get("smsConfiguration").get("scheduledProvisioning").isNull()).isTrue();
	}

	@Test
	void importedNumbersAndRentingRefuseItInTheirOwnBodies() {
		String number = createImportedNumber("sp-growth-01", "", "Imported SSRF");
		Reply importedReply = patch(imported("/importedNumbers/" + number), """
				{"callbackUrl": "%s"}""".formatted(loopbackUrl()));
		assertThat(importedReply.status()).isEqualTo(400);
		assertThat(importedReply.body().get("code").stringValue()).isEqualTo("400");
		assertThat(importedReply.body().get("status").stringValue()).isEqualTo("INVALID_ARGUMENT");
		assertThat(importedReply.body().get("message").stringValue()).contains("callbackUrl");

		String offer = get(active("/availableNumbers?regionCode=US&type=LOCAL&size=1")).body()
			.get("availableNumbers").get(0).get("phoneNumber").stringValue();
		Reply rent = post(active("/availableNumbers/" + offer + ":rent"), """
				{"callbackUrl": "%s", "smsConfiguration": {"servicePlanId": "sp-growth-01"}}""".formatted(loopbackUrl()));
		assertThat(rent.status()).isEqualTo(400);
		assertThat(violationFields(rent)).containsExactly("callbackUrl");
		assertThat(get(active("/availableNumbers/" + offer)).status()).as("still for rent").isEqualTo(200);
	}

	@Test
	void thePortalsOwnWebhookAndAllowedHostsAreAccepted() {
		String number = createUsNumber("", "");
		String own = "http://localhost:" + port + "/webhooks/sinch";
		Reply reply = patch(active("/activeNumbers/" + number), """
				{"callbackUrl": "%s"}""".formatted(own));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().get("callbackUrl").stringValue()).isEqualTo(own);
		Reply allowed = patch(active("/activeNumbers/" + number), """
				{"callbackUrl": "http://localhost:9/elsewhere"}""");
		assertThat(allowed.status()).isEqualTo(200);
		Reply cleared = patch(active("/activeNumbers/" + number), """
				{"callbackUrl": ""}""");
		assertThat(cleared.status()).isEqualTo(200);
		assertThat(cleared.body().get("callbackUrl").stringValue()).isEmpty();
	}

	@Test
	void aForeignCallbackUrlStoredBeforeIsNotCalledWhenTheJobSettles() {
		String number = createUsNumber("", "");
		sandbox.jdbc()
			.sql("update sinch_numbers set callback_url = :url where phone_number = :phone")
			.param("url", loopbackUrl())
			.param("phone", number)
			.update();
		double refusedBefore = refused();
		Reply reply = patch(active("/activeNumbers/" + number), """
				{"smsConfiguration": {"servicePlanId": "sp-growth-01"}}""");
		assertThat(reply.status()).isEqualTo(200);

		// the job settles with one event (PROVISIONING_TO_SMS_PLATFORM), which is refused its target
		await(Duration.ofSeconds(10), this::refused, count -> count >= refusedBefore + 1,
				"the stored callbackUrl to be refused");
		assertThat(get(active("/activeNumbers/" + number)).body().get("smsConfiguration").get("servicePlanId")
			.stringValue()).isEqualTo("sp-growth-01");
		assertThat(received.get()).as("requests the loopback listener received").isZero();
	}

	double refused() {
		var counter = meters.find(SinchCallbacks.REFUSED_METER).counter();
		return counter == null ? 0 : counter.count();
	}
}

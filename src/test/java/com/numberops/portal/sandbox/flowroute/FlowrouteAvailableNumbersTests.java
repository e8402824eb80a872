package com.numberops.portal.sandbox.flowroute;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.support.PortalIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Flowroute v2 numbers for sale over raw HTTP: {@code GET /v2/numbers/available} with its filters
 * and paging, {@code POST /v2/numbers/{id}} buying one, and every refusal in Flowroute's
 * {@code {"errors": [{detail, id, status, title}]}} body with the JSON:API media type.
 */
class FlowrouteAvailableNumbersTests extends PortalIntegrationTest {

	private static final String BASIC = "Basic "
			+ Base64.getEncoder().encodeToString("sandbox-access:sandbox-secret".getBytes(StandardCharsets.UTF_8));

	@LocalServerPort
	int port;

	@Autowired
	SandboxDatabase sandbox;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<String> created = new ArrayList<>();

	record Reply(int status, String contentType, JsonNode body) {

		JsonNode error() {
			return body.path("errors").get(0);
		}
	}

	@AfterEach
	void removeOwnNumbers() {
		if (!created.isEmpty()) {
			sandbox.jdbc().sql("delete from flowroute_available_numbers where id in (:ids)").param("ids", created).update();
			sandbox.jdbc().sql("delete from flowroute_numbers where id in (:ids)").param("ids", created).update();
		}
	}

	/** A number for sale only this test knows (area code 299 is no one else's). */
	String offer(String state, String rateCenter) {
		while (true) {
			String id = "1299" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
			int inserted = sandbox.jdbc()
				.sql("""
						insert into flowroute_available_numbers (id, number_type, rate_center, state, iso_country,
						    monthly_cost, setup_cost, inbound_rate, rate_type, tier)
						values (?, 'longcode', ?, ?, 'US', 1.25, 0.00, 0.0120, 'local', 'Standard')
						on conflict do nothing""")
				.params(id, rateCenter, state)
				.update();
			if (inserted == 1) {
				created.add(id);
				return id;
			}
		}
	}

	Reply send(String method, String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sandbox/flowroute" + path))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", "application/vnd.api+json")
			.header("Authorization", BASIC)
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body().isEmpty() ? json.missingNode() : json.readTree(response.body()));
		}
		catch (IOException failure) {
			throw new AssertionError(failure);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new AssertionError(interrupted);
		}
	}

	void assertFlowrouteError(Reply reply, int status, String title, String detail) {
		assertThat(reply.status()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/vnd.api+json");
		assertThat(reply.body().path("errors")).hasSize(1);
		assertThat(reply.error().path("status").asInt()).isEqualTo(status);
		assertThat(reply.error().path("title").asString()).isEqualTo(title);
		assertThat(reply.error().path("detail").asString()).contains(detail);
		assertThat(reply.error().path("id").asString()).isNotBlank();
	}

	@Test
	void listsNumbersForSaleWithCostsPlaceAndARelatedLink() {
		Reply reply = send("GET", "/v2/numbers/available?starts_with=206&limit=5");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.contentType()).startsWith("application/vnd.api+json");
		JsonNode data = reply.body().path("data");
		assertThat(data).hasSize(5);
		JsonNode first = data.get(0);
		assertThat(first.path("type").asString()).isEqualTo("number");
		assertThat(first.path("id").asString()).startsWith("1206");
		JsonNode attributes = first.path("attributes");
		assertThat(attributes.path("value").asString()).isEqualTo(first.path("id").asString());
		assertThat(attributes.path("monthly_cost").isNumber()).isTrue();
		assertThat(attributes.path("setup_cost").isNumber()).isTrue();
		assertThat(attributes.path("rate_center").asString()).isEqualTo("sttlwa0101");
		assertThat(attributes.path("state").asString()).isEqualTo("wa");
		assertThat(attributes.path("number_type").asString()).isEqualTo("longcode");
		assertThat(first.path("links").path("related").asString()).endsWith("/v2/numbers/" + first.path("id").asString());
		assertThat(reply.body().path("links").path("next").asString()).contains("offset=5");

		Reply next = send("GET", "/v2/numbers/available?starts_with=1206&limit=5&offset=5");
		assertThat(next.body().path("data").get(0).path("id").asString())
			.isGreaterThan(data.get(4).path("id").asString());
	}

	@Test
	void filtersByDigitsStateAndRateCenter() {
		String mine = offer("zz", "nowherezz01");
		assertThat(send("GET", "/v2/numbers/available?ends_with=" + mine.substring(7)).body().findValuesAsString("value"))
			.contains(mine);
		assertThat(send("GET", "/v2/numbers/available?contains=" + mine.substring(3, 9)).body().findValuesAsString("value"))
			.contains(mine);
		assertThat(send("GET", "/v2/numbers/available?state=zz&rate_center=nowherezz01&limit=200").body()
			.findValuesAsString("value")).containsExactly(mine);
		assertThat(send("GET", "/v2/numbers/available?state=tx&limit=200").body().path("data"))
			.allSatisfy(number -> assertThat(number.path("attributes").path("state").asString()).isEqualTo("tx"))
			.isNotEmpty();
	}

	@Test
	void badFiltersAreFlowroutes400() {
		assertFlowrouteError(send("GET", "/v2/numbers/available?rate_center=sttlwa0101"), 400, "Bad Request",
				"state is required");
		assertFlowrouteError(send("GET", "/v2/numbers/available?limit=500"), 400, "Bad Request", "limit");
		assertFlowrouteError(send("GET", "/v2/numbers/available?starts_with=2O6"), 400, "Bad Request", "starts_with");
		assertFlowrouteError(send("GET", "/v2/numbers/available?offset=-1"), 400, "Bad Request", "offset");
	}

	@Test
	void buyingMovesTheNumberToTheAccountOnce() {
		String id = offer("zz", "nowherezz01");
		Reply bought = send("POST", "/v2/numbers/" + id);
		assertThat(bought.status()).isEqualTo(201);
		assertThat(bought.body().path("data").path("id").asString()).isEqualTo(id);
		assertThat(bought.body().path("data").path("attributes").path("status").asString()).isEqualTo("PURCHASED");
		assertThat(send("GET", "/v2/numbers/" + id).status()).isEqualTo(200);
		assertThat(send("GET", "/v2/numbers/available?ends_with=" + id.substring(4)).body().findValuesAsString("value"))
			.doesNotContain(id);

		assertFlowrouteError(send("POST", "/v2/numbers/" + id), 409, "Conflict", "already on this account");
		assertFlowrouteError(send("POST", "/v2/numbers/12995550000"), 404, "Not Found", "not available for purchase");
		assertFlowrouteError(send("POST", "/v2/numbers/555"), 400, "Bad Request", "11-digit");
	}
}

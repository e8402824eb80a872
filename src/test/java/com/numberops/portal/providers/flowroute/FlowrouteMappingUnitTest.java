package com.numberops.portal.providers.flowroute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProviderNumber;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Seed 004's literal answers, mapped to the portal's provider-neutral number. */
class FlowrouteMappingUnitTest {

	/** "Example Responses, 200 OK" of the PATCH that renames. */
	static final String SEED_RENAMED = """
			{
			  "data": {
			    "attributes": {
			      "alias": "My NYC number",
			      "cnam_lookups_enabled": true,
			      "messaging_enabled": true,
			      "number_type": "longcode",
			      "rate_center": "nwyrcyzn01",
			      "state": "ny",
			      "value": "16463451234"
			    },
			    "id": "16463451234",
			    "links": {
			      "self": "https://api.flowroute.com/v2/numbers/16463451234"
			    },
			    "relationships": {
			      "cnam_preset": { "data": null },
			      "e911_address": { "data": null },
			      "failover_route": { "data": null },
			      "primary_route": { "data": { "id": "0", "type": "route" } }
			    },
			    "type": "number"
			  },
			  "included": [
			    {
			      "attributes": { "alias": "sip-reg", "route_type": "sip-reg", "value": null },
			      "id": "0",
			      "links": { "self": "https://api.flowroute.com/v2/routes/0" },
			      "type": "route"
			    }
			  ],
			  "links": { "self": "https://api.flowroute.com/v2/numbers/16463451234" }
			}""";

	/** "Example Response with Message Enablement". */
	static final String SEED_MESSAGING = """
			{
			  "data": {
			    "attributes": {
			      "alias": null,
			      "cnam_lookups_enabled": true,
			      "inbound_rate": 0.012,
			      "iso_country": "US",
			      "messaging_enabled": false,
			      "monthly_cost": 1.25,
			      "number_type": "longcode",
			      "rate_center": "wshngtnzn1",
			      "rate_type": "local",
			      "setup_cost": 1.0,
			      "state": "dc",
			      "status": "PURCHASED",
			      "tier": "Standard",
			      "value": "12023819746"
			    },
			    "id": "12023819746",
			    "links": { "self": "https://api.flowroute.com/v2/numbers/12023819746" },
			    "relationships": {
			      "cnam_preset": { "data": null },
			      "e911_address": { "data": null },
			      "failover_route": { "data": null },
			      "message_provision": { "data": { "id": "8afe0a20108c4219bc37cca866f7455e", "type": "message_provision" } },
			      "primary_route": { "data": { "id": "0", "type": "route" } }
			    },
			    "type": "number"
			  },
			  "included": [
			    {
			      "attributes": { "alias": "sip-reg", "edge_strategy_id": null, "route_type": "sip-reg", "value": null },
			      "id": "0",
			      "links": { "self": "https://api.flowroute.com/v2/routes/0" },
			      "type": "route"
			    },
			    {
			      "attributes": { "status": "processing", "tn": "12023819746" },
			      "id": "8afe0a20108c4219bc37cca866f7455e",
			      "links": { "self": "https://api.flowroute.com/v2/message-provision/status/8afe0a20108c4219bc37cca866f7455e" },
			      "type": "message_provisioning_status"
			    }
			  ],
			  "links": { "self": "https://api.flowroute.com/v2/numbers/12023819746" }
			}""";

	final JsonMapper json = JsonMapper.builder().build();

	ProviderNumber map(String document) {
		JsonNode root = json.readTree(document);
		List<JsonNode> included = new java.util.ArrayList<>();
		root.path("included").forEach(included::add);
		return FlowrouteMapping.number(root.get("data"), included);
	}

	@Test
	void theRenamedNumberOfTheSeed() {
		ProviderNumber number = map(SEED_RENAMED);
		assertThat(number.provider()).isEqualTo(ProviderKind.FLOWROUTE);
		assertThat(number.providerNumberId()).isEqualTo("16463451234");
		assertThat(number.number()).isEqualTo("+16463451234");
		assertThat(number.displayName()).isEqualTo("My NYC number");
		assertThat(number.type()).isEqualTo("LOCAL");
		assertThat(number.cnamLookupsEnabled()).isTrue();
		assertThat(number.messagingEnabled()).isTrue();
		assertThat(number.capabilities()).containsExactlyInAnyOrder("SMS", "VOICE");
		assertThat(number.rateCenter()).isEqualTo("nwyrcyzn01");
		assertThat(number.state()).isEqualTo("ny");
		// this answer carries neither country nor costs: unknown, not guessed
		assertThat(number.regionCode()).isNull();
		assertThat(number.monthlyAmount()).isNull();
		assertThat(number.currency()).isNull();
		assertThat(number.smsProvisioning()).isNull();
		assertThat(number.smsServicePlanId()).isNull();
		assertThat(number.voiceAppId()).isNull();
		assertThat(number.raw()).isEqualTo(json.readTree(SEED_RENAMED).get("data"));
	}

	@Test
	void theSeedsNumberWhoseMessagingIsBeingProvisioned() {
		ProviderNumber number = map(SEED_MESSAGING);
		assertThat(number.providerNumberId()).isEqualTo("12023819746");
		assertThat(number.number()).isEqualTo("+12023819746");
		assertThat(number.displayName()).isNull();
		assertThat(number.regionCode()).isEqualTo("US");
		assertThat(number.type()).isEqualTo("LOCAL");
		assertThat(number.monthlyAmount()).isEqualByComparingTo(new BigDecimal("1.25"));
		assertThat(number.currency()).isEqualTo("USD");
		assertThat(number.messagingEnabled()).isFalse();
		assertThat(number.capabilities()).containsExactly("VOICE");
		assertThat(number.providerStatus()).isEqualTo("PURCHASED");
		assertThat(number.smsProvisioning()).isNotNull();
		assertThat(number.smsProvisioning().status()).isEqualTo("IN_PROGRESS");
		assertThat(number.smsProvisioning().running()).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "longcode, LOCAL", "standard, LOCAL", "tollfree, TOLL_FREE", "TOLLFREE, TOLL_FREE", "satellite, " })
	void numberTypes(String flowroute, String portal) {
		assertThat(FlowrouteMapping.type(json.getNodeFactory().stringNode(flowroute))).isEqualTo(portal);
	}

	@Test
	void aCompleteOrFailedProvisionJob() {
		ObjectNode document = (ObjectNode) json.readTree(SEED_MESSAGING);
		((ObjectNode) document.path("included").get(1).path("attributes")).put("status", "complete");
		assertThat(map(document.toString()).smsProvisioning()).isNull();
		((ObjectNode) document.path("included").get(1).path("attributes")).put("status", "failed");
		assertThat(map(document.toString()).smsProvisioning().failed()).isTrue();
	}

	@Test
	void aResourceWithoutIdOrAttributesIsAMalformedAnswer() {
		for (String data : List.of("null", "[]", "{\"attributes\": {}}", "{\"id\": \"12023819746\"}",
				"{\"id\": \"12023819746\", \"attributes\": {\"value\": \"+1 202\"}}")) {
			ProviderError error = catchThrowableOfType(ProviderError.class,
					() -> map("{\"data\": " + data + "}"));
			assertThat(error).as(data).isNotNull();
			assertThat(error.providerCode()).isEqualTo("MALFORMED_RESPONSE");
			assertThat(error.retryable()).isTrue();
		}
	}

	@Test
	void aChangeSendsTheSeedsFlatBodyWithOnlyWhatChanges() {
		assertThat(json.writeValueAsString(new FlowrouteApi.NumberPatch("NYC Number", null, null)))
			.isEqualTo("{\"type\":\"number\",\"alias\":\"NYC Number\"}");
		assertThat(json.writeValueAsString(new FlowrouteApi.NumberPatch(null, true, null)))
			.isEqualTo("{\"type\":\"number\",\"cnam_lookups_enabled\":true}");
		assertThat(json.writeValueAsString(new FlowrouteApi.NumberPatch(null, null, true)))
			.isEqualTo("{\"type\":\"number\",\"messaging_enabled\":true}");
	}
}

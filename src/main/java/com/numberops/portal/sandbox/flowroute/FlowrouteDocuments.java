package com.numberops.portal.sandbox.flowroute;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders the simulated Flowroute's JSON:API documents exactly as seed 004 shows them: number
 * resources with their relationships, the route and message provisioning status in "included",
 * links that point back at the sandbox itself, and the {@code errors} array.
 */
final class FlowrouteDocuments {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private FlowrouteDocuments() {
	}

	/** GET/PATCH /v2/numbers/{id}: the number, its route and provision job, and a self link. */
	static ObjectNode number(String base, FlowrouteSandboxNumber number) {
		ObjectNode document = NODES.objectNode();
		document.set("data", resource(base, number));
		document.set("included", included(base, List.of(number)));
		document.putObject("links").put("self", numberUrl(base, number.id()));
		return document;
	}

	/** GET /v2/numbers: one page, {@code links.next} only when another page exists. */
	static ObjectNode list(String base, List<FlowrouteSandboxNumber> numbers, String self, String first,
			@Nullable String next) {
		ObjectNode document = NODES.objectNode();
		ArrayNode data = document.putArray("data");
		numbers.forEach(number -> data.add(resource(base, number)));
		document.set("included", included(base, numbers));
		ObjectNode links = document.putObject("links");
		links.put("self", self);
		links.put("first", first);
		if (next != null) {
			links.put("next", next);
		}
		return document;
	}

	/**
	 * GET /v2/numbers/available: numbers for sale, each with its costs and place, linked to the
	 * number resource it becomes once bought ({@code links.related}).
	 */
	static ObjectNode available(String base, List<FlowrouteOffer> offers, String self, String first,
			@Nullable String next) {
		ObjectNode document = NODES.objectNode();
		ArrayNode data = document.putArray("data");
		for (FlowrouteOffer offer : offers) {
			ObjectNode resource = data.addObject();
			ObjectNode attributes = resource.putObject("attributes");
			attributes.put("inbound_rate", money(offer.inboundRate()));
			attributes.put("iso_country", offer.isoCountry());
			attributes.put("monthly_cost", money(offer.monthlyCost()));
			attributes.put("number_type", offer.numberType());
			putNullable(attributes, "rate_center", offer.rateCenter());
			attributes.put("rate_type", offer.rateType());
			attributes.put("setup_cost", money(offer.setupCost()));
			putNullable(attributes, "state", offer.state());
			attributes.put("tier", offer.tier());
			attributes.put("value", offer.id());
			resource.put("id", offer.id());
			resource.putObject("links").put("related", numberUrl(base, offer.id()));
			resource.put("type", "number");
		}
		ObjectNode links = document.putObject("links");
		links.put("self", self);
		links.put("first", first);
		if (next != null) {
			links.put("next", next);
		}
		return document;
	}

	/** GET /v2/message-provision/status/{id}. */
	static ObjectNode provisioningStatusDocument(String base, FlowrouteSandboxNumber number) {
		ObjectNode document = NODES.objectNode();
		ObjectNode status = provisioningStatus(base, number);
		document.set("data", status);
		document.putObject("links").put("self", status.path("links").path("self").asString());
		return document;
	}

	static ObjectNode resource(String base, FlowrouteSandboxNumber number) {
		ObjectNode resource = NODES.objectNode();
		ObjectNode attributes = resource.putObject("attributes");
		if (number.alias() == null) {
			attributes.putNull("alias");
		}
		else {
			attributes.put("alias", number.alias());
		}
		attributes.put("cnam_lookups_enabled", number.cnamLookupsEnabled());
		attributes.put("inbound_rate", money(number.inboundRate()));
		attributes.put("iso_country", number.isoCountry());
		attributes.put("messaging_enabled", number.messagingEnabled());
		attributes.put("monthly_cost", money(number.monthlyCost()));
		attributes.put("number_type", number.numberType());
		putNullable(attributes, "rate_center", number.rateCenter());
		attributes.put("rate_type", number.rateType());
		attributes.put("setup_cost", money(number.setupCost()));
		putNullable(attributes, "state", number.state());
		attributes.put("status", number.status());
		attributes.put("tier", number.tier());
		attributes.put("value", number.id());
		resource.put("id", number.id());
		resource.putObject("links").put("self", numberUrl(base, number.id()));
		ObjectNode relationships = resource.putObject("relationships");
		relationships.putObject("cnam_preset").putNull("data");
		relationships.putObject("e911_address").putNull("data");
		relationships.putObject("failover_route").putNull("data");
		if (number.messageProvisionId() != null) {
			relationships.putObject("message_provision")
				.putObject("data")
				.put("id", number.messageProvisionId())
				.put("type", "message_provision");
		}
		relationships.putObject("primary_route")
			.putObject("data")
			.put("id", number.primaryRouteId())
			.put("type", "route");
		resource.put("type", "number");
		return resource;
	}

	/** Each route once, then the provision jobs, as JSON:API wants compound documents. */
	private static ArrayNode included(String base, List<FlowrouteSandboxNumber> numbers) {
		ArrayNode included = NODES.arrayNode();
		Map<String, Boolean> routes = new LinkedHashMap<>();
		numbers.forEach(number -> routes.put(number.primaryRouteId(), true));
		routes.keySet().forEach(route -> included.add(route(base, route)));
		numbers.stream()
			.filter(number -> number.messageProvisionId() != null)
			.forEach(number -> included.add(provisioningStatus(base, number)));
		return included;
	}

	private static ObjectNode route(String base, String id) {
		ObjectNode route = NODES.objectNode();
		// every sandbox number routes to the account's SIP registration, as in the seed
		route.putObject("attributes")
			.put("alias", "sip-reg")
			.putNull("edge_strategy_id")
			.put("route_type", "sip-reg")
			.putNull("value");
		route.put("id", id);
		route.putObject("links").put("self", base + "/v2/routes/" + id);
		route.put("type", "route");
		return route;
	}

	private static ObjectNode provisioningStatus(String base, FlowrouteSandboxNumber number) {
		ObjectNode status = NODES.objectNode();
		status.putObject("attributes").put("status", number.messageProvisionStatus()).put("tn", number.id());
		status.put("id", number.messageProvisionId());
		status.putObject("links").put("self", base + "/v2/message-provision/status/" + number.messageProvisionId());
		status.put("type", "message_provisioning_status");
		return status;
	}

	/** Flowroute's error body: one object per error, members in the seed's order. */
	static ObjectNode errors(int status, String title, String detail) {
		ObjectNode document = NODES.objectNode();
		document.set("errors", NODES.arrayNode().add(error(status, title, detail)));
		return document;
	}

	static ObjectNode error(int status, String title, String detail) {
		return NODES.objectNode()
			.put("detail", detail)
			.put("id", UUID.randomUUID().toString())
			.put("status", status)
			.put("title", title);
	}

	static String numberUrl(String base, String id) {
		return base + "/v2/numbers/" + id;
	}

	/** 1.00 → 1.0 and 0.0120 → 0.012, as the seed prints costs. */
	private static double money(BigDecimal amount) {
		return amount.doubleValue();
	}

	private static void putNullable(ObjectNode node, String name, @Nullable String value) {
		if (value == null) {
			node.putNull(name);
		}
		else {
			node.put(name, value);
		}
	}
}

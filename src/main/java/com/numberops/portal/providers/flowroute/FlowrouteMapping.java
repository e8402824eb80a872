package com.numberops.portal.providers.flowroute;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.Offer;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProviderNumber;
import com.numberops.portal.providers.ProvisioningState;

import tools.jackson.databind.JsonNode;

/**
 * A Flowroute number resource (JSON:API, seed 004) in the portal's terms: alias is the display
 * name, iso_country the region, longcode/tollfree the LOCAL/TOLL_FREE type, the 11-digit id
 * becomes E.164, costs are USD, and a message provision job still running (or failed) shows as
 * SMS provisioning. A resource without an id or attributes is a malformed answer.
 */
final class FlowrouteMapping {

	private static final ProviderKind FLOWROUTE = ProviderKind.FLOWROUTE;

	private FlowrouteMapping() {
	}

	static ProviderNumber number(@Nullable JsonNode resource, @Nullable List<JsonNode> included) {
		if (resource == null || !resource.isObject()) {
			throw malformed("no number resource in \"data\"");
		}
		String id = FlowrouteErrorReader.text(resource, "id");
		JsonNode attributes = resource.path("attributes");
		if (id == null || !attributes.isObject()) {
			throw malformed("a number resource without id or attributes");
		}
		String value = FlowrouteErrorReader.text(attributes, "value");
		String digits = value != null ? value : id;
		if (!digits.matches("[0-9]{11}")) {
			throw malformed("the number " + digits + " is not an 11-digit North American number");
		}
		BigDecimal monthly = decimal(attributes.path("monthly_cost"));
		Boolean messaging = bool(attributes.path("messaging_enabled"));
		String country = FlowrouteErrorReader.text(attributes, "iso_country");
		return new ProviderNumber(FLOWROUTE, id, "+" + digits, nullableText(attributes.path("alias")),
				country == null ? null : country.toUpperCase(Locale.ROOT), type(attributes.path("number_type")),
				Boolean.TRUE.equals(messaging) ? Set.of("SMS", "VOICE") : Set.of("VOICE"), monthly,
				monthly == null ? null : "USD", null, null, null, null, null, provisioning(resource, included), null,
				null, bool(attributes.path("cnam_lookups_enabled")), messaging,
				FlowrouteErrorReader.text(attributes, "rate_center"), FlowrouteErrorReader.text(attributes, "state"),
				FlowrouteErrorReader.text(attributes, "status"), resource);
	}

	/**
	 * One number for sale (GET /v2/numbers/available). Flowroute prices in US dollars; every number
	 * takes calls, and can be set up for messaging once bought.
	 */
	static Offer offer(JsonNode resource) {
		String id = FlowrouteErrorReader.text(resource, "id");
		JsonNode attributes = resource.path("attributes");
		String value = FlowrouteErrorReader.text(attributes, "value");
		String digits = value != null ? value : id;
		if (digits == null || !digits.matches("[0-9]{11}")) {
			throw malformed("an available number that is not an 11-digit North American number: " + digits);
		}
		BigDecimal monthly = decimal(attributes.path("monthly_cost"));
		BigDecimal setup = decimal(attributes.path("setup_cost"));
		String country = FlowrouteErrorReader.text(attributes, "iso_country");
		String type = type(attributes.path("number_type"));
		String rateCenter = FlowrouteErrorReader.text(attributes, "rate_center");
		String state = FlowrouteErrorReader.text(attributes, "state");
		return new Offer(FLOWROUTE, digits, "+" + digits, country == null ? "US" : country.toUpperCase(Locale.ROOT),
				type == null ? "LOCAL" : type, Set.of("SMS", "VOICE"), setup == null ? BigDecimal.ZERO : setup,
				monthly == null ? BigDecimal.ZERO : monthly, "USD", 1, false,
				rateCenter == null ? null : rateCenter + (state == null ? "" : ", " + state.toUpperCase(Locale.ROOT)));
	}

	static @Nullable String type(JsonNode numberType) {
		if (!numberType.isString()) {
			return null;
		}
		return switch (numberType.stringValue().toLowerCase(Locale.ROOT)) {
			// "standard" is what older Flowroute answers call a long code
			case "longcode", "standard" -> "LOCAL";
			case "tollfree", "toll-free", "toll_free" -> "TOLL_FREE";
			default -> null;
		};
	}

	/**
	 * The message provision job of the number, when it still runs ("processing" → IN_PROGRESS) or
	 * failed (FAILED); a complete job is not reported, as a finished Sinch job is not.
	 */
	static @Nullable ProvisioningState provisioning(JsonNode resource, @Nullable List<JsonNode> included) {
		String jobId = FlowrouteErrorReader.text(
				resource.path("relationships").path("message_provision").path("data"), "id");
		if (jobId == null || included == null) {
			return null;
		}
		for (JsonNode candidate : included) {
			if ("message_provisioning_status".equals(FlowrouteErrorReader.text(candidate, "type"))
					&& jobId.equals(FlowrouteErrorReader.text(candidate, "id"))) {
				String status = FlowrouteErrorReader.text(candidate.path("attributes"), "status");
				if (status == null) {
					return null;
				}
				return switch (status.toLowerCase(Locale.ROOT)) {
					case "processing", "pending", "queued" -> new ProvisioningState("IN_PROGRESS", null, null, null,
							List.of(), null);
					case "failed", "error" -> new ProvisioningState("FAILED", null, null, null, List.of(status), null);
					default -> null;
				};
			}
		}
		return null;
	}

	private static @Nullable String nullableText(JsonNode value) {
		return value.isString() ? value.stringValue() : null;
	}

	private static @Nullable Boolean bool(JsonNode value) {
		return value.isBoolean() ? value.booleanValue() : null;
	}

	private static @Nullable BigDecimal decimal(JsonNode value) {
		if (value.isNumber()) {
			return value.decimalValue();
		}
		if (value.isString()) {
			try {
				return new BigDecimal(value.stringValue().strip());
			}
			catch (NumberFormatException notANumber) {
				return null;
			}
		}
		return null;
	}

	static ProviderError malformed(String problem) {
		return ProviderError.malformed(FLOWROUTE, 200, "Flowroute number", new IllegalStateException(problem));
	}
}

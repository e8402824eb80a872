package com.numberops.portal.providers.sinch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.providers.Offer;
import com.numberops.portal.providers.OfferRegion;
import com.numberops.portal.providers.ProviderKind;

import tools.jackson.databind.JsonNode;

/**
 * Seed 002's available numbers and regions read into provider-neutral offers. Sinch leaves out
 * empty fields, so a missing list is an empty one; a missing phone number or price is an answer
 * of the wrong shape ({@link SinchJson.Unreadable}).
 */
final class SinchOffers {

	private SinchOffers() {
	}

	static List<Offer> offers(@Nullable JsonNode body) {
		List<Offer> offers = new ArrayList<>();
		JsonNode items = body == null ? null : body.get("availableNumbers");
		if (items != null && items.isArray()) {
			for (JsonNode item : items) {
				offers.add(offer(item));
			}
		}
		return offers;
	}

	static Offer offer(@Nullable JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new SinchJson.Unreadable("an available number that is not an object");
		}
		String phoneNumber = text(body, "phoneNumber");
		if (phoneNumber.isEmpty()) {
			throw new SinchJson.Unreadable("an available number without phoneNumber");
		}
		Set<String> capabilities = new LinkedHashSet<>();
		JsonNode capability = body.get("capability");
		if (capability != null && capability.isArray()) {
			capability.forEach(c -> capabilities.add(c.asString()));
		}
		JsonNode setup = body.get("setupPrice");
		JsonNode monthly = body.get("monthlyPrice");
		String currency = !text(monthly, "currencyCode").isEmpty() ? text(monthly, "currencyCode")
				: text(setup, "currencyCode");
		JsonNode interval = body.get("paymentIntervalMonths");
		JsonNode documents = body.get("supportingDocumentationRequired");
		return new Offer(ProviderKind.SINCH, phoneNumber, phoneNumber, text(body, "regionCode"), text(body, "type"),
				capabilities, amount(setup), amount(monthly), currency,
				interval == null || !interval.isNumber() ? 1 : interval.intValue(),
				documents != null && documents.asBoolean(false), null);
	}

	static List<OfferRegion> regions(@Nullable JsonNode body) {
		List<OfferRegion> regions = new ArrayList<>();
		JsonNode items = body == null ? null : body.get("availableRegions");
		if (items != null && items.isArray()) {
			for (JsonNode item : items) {
				List<String> types = new ArrayList<>();
				JsonNode listed = item.get("types");
				if (listed != null && listed.isArray()) {
					listed.forEach(type -> types.add(type.asString()));
				}
				regions.add(new OfferRegion(text(item, "regionCode"), text(item, "regionName"), types));
			}
		}
		return regions;
	}

	private static BigDecimal amount(@Nullable JsonNode money) {
		String amount = text(money, "amount");
		if (amount.isEmpty()) {
			return BigDecimal.ZERO;
		}
		try {
			return new BigDecimal(amount);
		}
		catch (NumberFormatException notAnAmount) {
			throw new SinchJson.Unreadable("a price that is not a decimal: " + amount, notAnAmount);
		}
	}

	private static String text(@Nullable JsonNode node, String field) {
		JsonNode value = node == null ? null : node.get(field);
		return value == null || value.isNull() ? "" : value.asString();
	}
}

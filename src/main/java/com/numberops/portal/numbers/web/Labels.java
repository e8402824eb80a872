package com.numberops.portal.numbers.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.numberops.portal.providers.ProviderKind;

/** Short words for stored codes, where the full ones would crowd a dense table. */
final class Labels {

	static final Map<String, String> PROVIDERS = Map.of(ProviderKind.SINCH.name(), "Sinch",
			ProviderKind.SINCH_IMPORTED.name(), "Sinch imported", ProviderKind.FLOWROUTE.name(), "Flowroute");

	static final Map<String, String> TYPES = ordered("LOCAL", "Local", "MOBILE", "Mobile", "TOLL_FREE", "Toll-free");

	static final Map<String, String> CAPABILITIES = ordered("SMS", "SMS", "VOICE", "Voice");

	/** The enablement filter's values, in the order the form offers them. */
	static final Map<String, String> ENABLEMENTS = ordered("ENABLED", "Enabled (effective)", "DISABLED",
			"Disabled (effective)", "OVERRIDDEN", "Admin override set", "NOT_OVERRIDDEN", "No override");

	static final Map<String, String> SOURCES = Map.of("PORTAL", "Portal", "PROVIDER_SYNC", "Provider sync", "WEBHOOK",
			"Webhook", "SCHEDULER", "Scheduler", "API", "API");

	private Labels() {
	}

	static String provider(String code) {
		return PROVIDERS.getOrDefault(code, code);
	}

	private static Map<String, String> ordered(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}
}

package com.numberops.portal.providers.sinch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.util.function.SingletonSupplier;

import com.numberops.portal.providers.ListScope;
import com.numberops.portal.providers.NumberPage;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProvidersProperties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sinch active numbers (rented from Sinch): listed per region × type (both are required
 * filters), renamed, linked to SMS service plans and 10DLC campaigns, assigned voice apps,
 * released.
 */
final class SinchActiveNumbers extends SinchAdapter {

	static final String REGION_CODE = "regionCode";

	static final String TYPE = "type";

	/** Scope filters passed on to the listing besides region and type (seed 002's query parameters). */
	private static final Set<String> FILTERS = Set.of(REGION_CODE, TYPE, "capability", "numberPattern.pattern",
			"numberPattern.searchPattern", "orderBy");

	private final SingletonSupplier<SinchActiveApi> api;

	SinchActiveNumbers(SinchAccount account, List<String> regions, List<String> types, ProvidersProperties.Http http,
			JsonMapper json) {
		super(ProviderKind.SINCH, account, scopes(regions, types), SinchErrorBodies::active, http, json);
		this.api = SingletonSupplier.of(() -> account.activeApi(http, errors()));
	}

	static List<ListScope> scopes(List<String> regions, List<String> types) {
		List<ListScope> scopes = new ArrayList<>();
		for (String region : regions) {
			for (String type : types) {
				scopes.add(new ListScope(region + " " + type, Map.of(REGION_CODE, region, TYPE, type),
						Map.of("country_code", region, "number_type", type)));
			}
		}
		return scopes;
	}

	@Override
	public NumberPage page(ListScope scope, @Nullable String pageToken, int pageSize) {
		Map<String, String> filters = scope.filters();
		if (!filters.containsKey(REGION_CODE) || !filters.containsKey(TYPE) || !FILTERS.containsAll(filters.keySet())) {
			throw new IllegalArgumentException("A Sinch active numbers scope needs regionCode and type, and may have "
					+ FILTERS + ": " + scope);
		}
		return page(scope, "activeNumbers",
				() -> api.obtain()
					.list(account().projectId(), filters.get(REGION_CODE), filters.get(TYPE), filters.get("capability"),
							filters.get("numberPattern.pattern"), filters.get("numberPattern.searchPattern"),
							filters.get("orderBy"), pageSize > 0 ? pageSize : null,
							pageToken == null || pageToken.isEmpty() ? null : pageToken));
	}

	@Override
	public void release(String providerNumberId) {
		write("release " + providerNumberId, () -> api.obtain().release(account().projectId(), providerNumberId));
	}

	@Override
	JsonNode fetch(String phoneNumber) {
		return api.obtain().get(account().projectId(), phoneNumber);
	}

	@Override
	JsonNode patch(String phoneNumber, SinchNumberUpdate update) {
		return api.obtain().update(account().projectId(), phoneNumber, update);
	}
}

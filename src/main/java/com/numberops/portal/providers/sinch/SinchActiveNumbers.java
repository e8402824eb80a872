package com.numberops.portal.providers.sinch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.util.function.SingletonSupplier;

import com.numberops.portal.providers.ListScope;
import com.numberops.portal.providers.NumberShop;
import com.numberops.portal.providers.Offer;
import com.numberops.portal.providers.OfferRegion;
import com.numberops.portal.providers.OfferSearch;
import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderNumber;
import com.numberops.portal.providers.RentSetup;
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
final class SinchActiveNumbers extends SinchAdapter implements NumberShop {

	static final String REGION_CODE = "regionCode";

	static final String TYPE = "type";

	/** Scope filters passed on to the listing besides region and type (seed 002's query parameters). */
	private static final Set<String> FILTERS = Set.of(REGION_CODE, TYPE, "capability", "numberPattern.pattern",
			"numberPattern.searchPattern", "orderBy");

	/** Country calling codes of the regions people search most, to turn an area code into an E.164 start. */
	private static final Map<String, String> CALLING_CODES = Map.of("US", "1", "CA", "1", "GB", "44", "SE", "46",
			"DE", "49", "FR", "33", "AU", "61", "NL", "31", "ES", "34", "IE", "353");

	private final SingletonSupplier<SinchActiveApi> api;

	private final SingletonSupplier<SinchAvailableApi> shop;

	SinchActiveNumbers(SinchAccount account, List<String> regions, List<String> types, ProvidersProperties.Http http,
			JsonMapper json) {
		super(ProviderKind.SINCH, account, scopes(regions, types), SinchErrorBodies::active, http, json);
		this.api = SingletonSupplier.of(() -> account.activeApi(http, errors()));
		this.shop = SingletonSupplier.of(() -> account.availableApi(http, errors()));
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
	public List<OfferRegion> regions(@Nullable String type) {
		return read("list available regions", () -> SinchOffers.regions(shop.obtain().regions(account().projectId(), type)));
	}

	@Override
	public List<Offer> search(OfferSearch search) {
		String pattern = search.pattern() == null || search.pattern().isBlank() ? null : search.pattern().strip();
		if (pattern != null && search.match() == OfferSearch.Match.STARTS && !pattern.startsWith("+")) {
			// seed 002: START compares with the whole E.164 number; people type an area code ("206")
			pattern = "+" + CALLING_CODES.getOrDefault(search.regionCode(), "") + pattern;
		}
		String where = pattern == null ? null : switch (search.match()) {
			case STARTS -> "START";
			case CONTAINS -> "CONTAINS";
			case ENDS -> "END";
		};
		List<String> capabilities = search.capabilities().isEmpty() ? null : search.capabilities().stream().sorted().toList();
		String sent = pattern;
		return read("search available numbers", () -> SinchOffers.offers(shop.obtain()
			.search(account().projectId(), search.regionCode(), search.type(), capabilities, sent, where,
					search.limit() > 0 ? search.limit() : null)));
	}

	@Override
	public Optional<Offer> offer(String number) {
		try {
			return Optional.of(read("check available number " + number,
					() -> SinchOffers.offer(shop.obtain().get(account().projectId(), number))));
		}
		catch (ProviderError error) {
			if (error.httpStatus() == 404) {
				return Optional.empty();
			}
			throw error;
		}
	}

	/** Sent once: an unanswered :rent may have bought the number (the outbox asks before it sends again). */
	@Override
	public ProviderNumber rent(String number, RentSetup setup) {
		SinchNumberUpdate body = new SinchNumberUpdate(null,
				setup.sms() ? new SinchNumberUpdate.Sms(setup.smsServicePlanId(), setup.campaignId()) : null,
				setup.voice() ? new SinchNumberUpdate.Voice(java.util.Objects.requireNonNull(setup.voiceAppId())) : null);
		return write("rent " + number, () -> shop.obtain().rent(account().projectId(), number, body));
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

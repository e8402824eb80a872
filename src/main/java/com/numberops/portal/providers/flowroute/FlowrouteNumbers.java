package com.numberops.portal.providers.flowroute;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import com.numberops.portal.providers.CarrierNumbers;
import com.numberops.portal.providers.ChangeResult;
import com.numberops.portal.providers.ListScope;
import com.numberops.portal.providers.NumberChange;
import com.numberops.portal.providers.NumberPage;
import com.numberops.portal.providers.NumberShop;
import com.numberops.portal.providers.Offer;
import com.numberops.portal.providers.OfferRegion;
import com.numberops.portal.providers.OfferSearch;
import com.numberops.portal.providers.RentSetup;
import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProviderNumber;
import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.providers.http.CarrierErrors;
import com.numberops.portal.providers.http.CarrierErrors.CodeAndMessage;
import com.numberops.portal.providers.http.CarrierHttp;
import com.numberops.portal.providers.http.CarrierRetry;

import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's Flowroute account (seed 004), over {@link FlowrouteApi} with Basic auth (access
 * key / secret key). One listing holds every number, paged by offset (the page token is the
 * offset, up to 200 per page). Reads are retried; writes are not (the outbox retries them). A 207
 * answer to a change is a partial success: the number as Flowroute now has it, and a retryable
 * error saying why messaging was not enabled.
 */
public class FlowrouteNumbers implements CarrierNumbers, NumberShop {

	static final int MAX_PAGE_SIZE = 200;

	private final ProvidersProperties.Flowroute account;

	private final CarrierErrors errors;

	private final CarrierRetry retry;

	private final Supplier<FlowrouteApi> api;

	/**
	 * @param baseUrl asked on first use, not now: the sandbox's address is known only once the
	 * web server has started
	 * @param interceptors see every HTTP attempt (tests time the retries with one)
	 */
	FlowrouteNumbers(ProvidersProperties.Flowroute account, ProvidersProperties.Http http, Supplier<String> baseUrl,
			JsonMapper json, List<ClientHttpRequestInterceptor> interceptors) {
		this.account = account;
		this.errors = new CarrierErrors(ProviderKind.FLOWROUTE, new FlowrouteErrorReader(), json);
		this.retry = new CarrierRetry("flowroute", http);
		this.api = SingletonSupplier.of(() -> {
			RestClient client = CarrierHttp.restClient(http, stripSlash(baseUrl.get()), errors)
				.defaultHeaders(headers -> headers.setBasicAuth(account.effectiveAccessKey(), account.effectiveSecretKey()))
				.requestInterceptors(list -> list.addAll(interceptors))
				.build();
			return CarrierHttp.httpInterface(client, FlowrouteApi.class);
		});
	}

	@Override
	public ProviderKind kind() {
		return ProviderKind.FLOWROUTE;
	}

	@Override
	public String accountRef() {
		return account.effectiveAccessKey();
	}

	@Override
	public boolean sandbox() {
		return !account.live();
	}

	/** Flowroute lists the whole account at once: no regions or types to walk. */
	@Override
	public List<ListScope> scopes() {
		return List.of(ListScope.all());
	}

	@Override
	public NumberPage page(ListScope scope, @Nullable String pageToken, int pageSize) {
		int offset = offset(pageToken);
		int limit = Math.max(1, Math.min(MAX_PAGE_SIZE, pageSize));
		FlowrouteApi.NumberList list = retry.call(() -> errors.translate("list Flowroute numbers",
				() -> api().list(limit, offset, scope.filters().get("starts_with"), scope.filters().get("contains"),
						scope.filters().get("ends_with"))));
		if (list == null || list.data() == null) {
			throw FlowrouteMapping.malformed("a number list without \"data\"");
		}
		List<ProviderNumber> numbers = list.data()
			.stream()
			.map(resource -> FlowrouteMapping.number(resource, list.included()))
			.toList();
		String next = list.links() == null ? null : list.links().next();
		// no next link, or an empty page (which must not loop forever): this was the last page
		String nextToken = next == null || numbers.isEmpty() ? null
				: String.valueOf(nextOffset(next, offset, offset + numbers.size()));
		return new NumberPage(numbers, nextToken, null);
	}

	@Override
	public ProviderNumber get(String providerNumberId) {
		FlowrouteApi.NumberDocument document = retry.call(() -> errors.translate(
				"get Flowroute number " + providerNumberId, () -> api().get(providerNumberId)));
		if (document == null) {
			throw FlowrouteMapping.malformed("an empty answer");
		}
		return FlowrouteMapping.number(document.data(), document.included());
	}

	@Override
	public ChangeResult apply(String providerNumberId, NumberChange change) {
		if (change.touchesSms() || change.voiceAppId() != null) {
			// refused before any call: Flowroute has no service plans, campaigns or voice apps
			throw new ProviderError(ProviderKind.FLOWROUTE, 400, "NOT_SUPPORTED",
					"SMS service plans, 10DLC campaigns and voice apps are not supported by Flowroute");
		}
		if (change.isEmpty()) {
			return ChangeResult.applied(get(providerNumberId));
		}
		FlowrouteApi.NumberPatch patch = new FlowrouteApi.NumberPatch(change.displayName(), change.cnamLookupsEnabled(),
				change.messagingEnabled());
		ResponseEntity<FlowrouteApi.NumberDocument> answer = errors.translate(
				"update Flowroute number " + providerNumberId, () -> api().update(providerNumberId, patch));
		FlowrouteApi.NumberDocument document = answer.getBody();
		if (document == null) {
			throw FlowrouteMapping.malformed("an empty answer to a change");
		}
		ProviderNumber number = FlowrouteMapping.number(document.data(), document.included());
		boolean multiStatus = answer.getStatusCode().value() == 207;
		CodeAndMessage failure = FlowrouteErrorReader.readErrors(document.errors());
		if (!multiStatus && failure == null) {
			return ChangeResult.applied(number);
		}
		if (failure == null) {
			failure = new CodeAndMessage("Multi-Status",
					"The number was updated, but message provisioning failed; messaging is not enabled");
		}
		return new ChangeResult(number, ProviderError.partial(ProviderKind.FLOWROUTE,
				answer.getStatusCode().value(), failure.code(), failure.message()));
	}

	@Override
	public void release(String providerNumberId) {
		errors.translate("release Flowroute number " + providerNumberId, () -> api().delete(providerNumberId));
	}

	/** Flowroute sells North American long codes and toll-free numbers; it has no regions endpoint. */
	@Override
	public List<OfferRegion> regions(@Nullable String type) {
		List<OfferRegion> regions = List.of(new OfferRegion("US", "United States", List.of("LOCAL", "TOLL_FREE")),
				new OfferRegion("CA", "Canada", List.of("LOCAL")));
		return type == null ? regions : regions.stream().filter(region -> region.types().contains(type)).toList();
	}

	/**
	 * Flowroute filters by digits of the 11-digit number: a pattern that starts it is taken as
	 * the digits after the country code 1 (an area code), as people type it. Region and type are
	 * kept to what Flowroute's answer says of each number.
	 */
	@Override
	public List<Offer> search(OfferSearch search) {
		String digits = search.pattern() == null ? null : search.pattern().replaceAll("[^0-9]", "");
		if (digits != null && digits.isEmpty()) {
			digits = null;
		}
		String startsWith = null;
		String contains = null;
		String endsWith = null;
		if (digits != null) {
			switch (search.match()) {
				case STARTS -> startsWith = digits.startsWith("1") && digits.length() > 3 ? digits : "1" + digits;
				case CONTAINS -> contains = digits;
				case ENDS -> endsWith = digits;
			}
		}
		int limit = Math.max(1, Math.min(MAX_PAGE_SIZE, search.limit() > 0 ? search.limit() : 20));
		String start = startsWith;
		String middle = contains;
		String end = endsWith;
		FlowrouteApi.NumberList list = retry.call(() -> errors.translate("search Flowroute available numbers",
				() -> api().available(limit, 0, start, middle, end, null, null)));
		if (list == null || list.data() == null) {
			throw FlowrouteMapping.malformed("an available number list without \"data\"");
		}
		return list.data()
			.stream()
			.map(FlowrouteMapping::offer)
			.filter(offer -> offer.regionCode().equals(search.regionCode()) && offer.type().equals(search.type()))
			.toList();
	}

	@Override
	public java.util.Optional<Offer> offer(String number) {
		String id = number.replaceAll("[^0-9]", "");
		FlowrouteApi.NumberList list = retry.call(() -> errors.translate("check Flowroute available number " + id,
				() -> api().available(1, 0, id, null, null, null, null)));
		if (list == null || list.data() == null) {
			return java.util.Optional.empty();
		}
		return list.data().stream().map(FlowrouteMapping::offer).filter(o -> o.providerNumberId().equals(id)).findFirst();
	}

	/** POST /v2/numbers/{id}, sent once; Flowroute has no SMS plan or voice app to set at purchase. */
	@Override
	public ProviderNumber rent(String number, RentSetup setup) {
		if (setup.sms() || setup.voice() || setup.campaignId() != null) {
			throw new ProviderError(ProviderKind.FLOWROUTE, 400, "NOT_SUPPORTED",
					"Flowroute numbers are bought without SMS service plans, 10DLC campaigns or voice apps");
		}
		String id = number.replaceAll("[^0-9]", "");
		FlowrouteApi.NumberDocument document = errors.translate("purchase Flowroute number " + id,
				() -> api().purchase(id));
		if (document == null) {
			throw FlowrouteMapping.malformed("an empty answer to a purchase");
		}
		return FlowrouteMapping.number(document.data(), document.included());
	}

	/** How many reads needed another attempt so far. */
	public long callsRetried() {
		return retry.callsRetried();
	}

	private FlowrouteApi api() {
		try {
			return api.get();
		}
		catch (IllegalStateException notStarted) {
			// the sandbox has no address before the web server runs: like a carrier not answering yet
			throw ProviderError.noAnswer(ProviderKind.FLOWROUTE, "reach Flowroute", notStarted);
		}
	}

	private static int offset(@Nullable String pageToken) {
		if (pageToken == null || pageToken.isBlank()) {
			return 0;
		}
		try {
			int offset = Integer.parseInt(pageToken.strip());
			if (offset >= 0) {
				return offset;
			}
		}
		catch (NumberFormatException notAnOffset) {
			// below
		}
		throw new IllegalArgumentException("A Flowroute page token is an offset, not " + pageToken);
	}

	/** The offset links.next asks for; where it names none (or goes backwards), the one after this page. */
	private static int nextOffset(String next, int current, int fallback) {
		try {
			String offset = UriComponentsBuilder.fromUriString(next).build().getQueryParams().getFirst("offset");
			int asked = offset == null ? fallback : Integer.parseInt(offset);
			return asked > current ? asked : fallback;
		}
		catch (RuntimeException unreadable) {
			return fallback;
		}
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}
}

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
public class FlowrouteNumbers implements CarrierNumbers {

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

package com.numberops.portal.providers.sinch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.util.function.SingletonSupplier;

import com.numberops.portal.providers.CarrierNumbers;
import com.numberops.portal.providers.ChangeResult;
import com.numberops.portal.providers.ListScope;
import com.numberops.portal.providers.NumberChange;
import com.numberops.portal.providers.NumberPage;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProviderNumber;
import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.providers.http.CarrierErrors;
import com.numberops.portal.providers.http.CarrierRetry;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sinch active numbers (rented from Sinch): listed per region × type (both are required
 * filters), renamed, linked to SMS service plans and 10DLC campaigns, assigned voice apps,
 * released.
 */
final class SinchActiveNumbers implements CarrierNumbers {

	static final String REGION_CODE = "regionCode";

	static final String TYPE = "type";

	/** Scope filters passed on to the listing besides region and type (seed 002's query parameters). */
	private static final Set<String> FILTERS = Set.of(REGION_CODE, TYPE, "capability", "numberPattern.pattern",
			"numberPattern.searchPattern", "orderBy");

	private final SinchAccount account;

	private final List<ListScope> scopes;

	private final JsonMapper json;

	private final SinchCalls calls;

	private final SingletonSupplier<SinchActiveApi> api;

	SinchActiveNumbers(SinchAccount account, List<String> regions, List<String> types, ProvidersProperties.Http http,
			JsonMapper json) {
		this.account = account;
		this.scopes = scopes(regions, types);
		this.json = json;
		CarrierErrors errors = new CarrierErrors(ProviderKind.SINCH, SinchErrorBodies::active, json);
		this.calls = new SinchCalls(ProviderKind.SINCH, errors, new CarrierRetry("sinch-active-numbers", http));
		this.api = SingletonSupplier.of(() -> account.activeApi(http, errors));
	}

	static List<ListScope> scopes(List<String> regions, List<String> types) {
		List<ListScope> scopes = new ArrayList<>();
		for (String region : regions) {
			for (String type : types) {
				scopes.add(new ListScope(region + " " + type, Map.of(REGION_CODE, region, TYPE, type)));
			}
		}
		return List.copyOf(scopes);
	}

	@Override
	public ProviderKind kind() {
		return ProviderKind.SINCH;
	}

	@Override
	public String accountRef() {
		return account.projectId();
	}

	@Override
	public boolean sandbox() {
		return account.sandbox();
	}

	@Override
	public List<ListScope> scopes() {
		return scopes;
	}

	@Override
	public NumberPage page(ListScope scope, @Nullable String pageToken, int pageSize) {
		Map<String, String> filters = scope.filters();
		if (!filters.containsKey(REGION_CODE) || !filters.containsKey(TYPE) || !FILTERS.containsAll(filters.keySet())) {
			throw new IllegalArgumentException("A Sinch active numbers scope needs regionCode and type, and may have "
					+ FILTERS + ": " + scope);
		}
		return calls.read("list active numbers " + scope.label(),
				() -> SinchJson.page(ProviderKind.SINCH,
						api.obtain()
							.list(account.projectId(), filters.get(REGION_CODE), filters.get(TYPE),
									filters.get("capability"), filters.get("numberPattern.pattern"),
									filters.get("numberPattern.searchPattern"), filters.get("orderBy"),
									pageSize > 0 ? pageSize : null,
									pageToken == null || pageToken.isEmpty() ? null : pageToken),
						"activeNumbers", json));
	}

	@Override
	public ProviderNumber get(String providerNumberId) {
		return calls.read("get " + providerNumberId, () -> SinchJson.number(ProviderKind.SINCH,
				api.obtain().get(account.projectId(), providerNumberId), json));
	}

	/**
	 * One PATCH with only what changes. An SMS link on a linked number is refused by Sinch (400
	 * INVALID_ARGUMENT, unlink first); a servicePlanId change answers at once with the job in
	 * {@code smsProvisioning}, the value itself appears once the job succeeded.
	 */
	@Override
	public ChangeResult apply(String providerNumberId, NumberChange change) {
		if (change.isEmpty()) {
			// nothing to send, and Sinch refuses empty configuration objects: report how it is
			return ChangeResult.applied(get(providerNumberId));
		}
		SinchNumberUpdate update = SinchNumberUpdate.of(ProviderKind.SINCH, change);
		return ChangeResult.applied(calls.write("update " + providerNumberId, () -> SinchJson.number(ProviderKind.SINCH,
				api.obtain().update(account.projectId(), providerNumberId, update), json)));
	}

	@Override
	public void release(String providerNumberId) {
		calls.write("release " + providerNumberId,
				() -> SinchJson.number(ProviderKind.SINCH, api.obtain().release(account.projectId(), providerNumberId), json));
	}

	@Override
	public String toString() {
		return "SinchActiveNumbers[" + account + "]";
	}
}

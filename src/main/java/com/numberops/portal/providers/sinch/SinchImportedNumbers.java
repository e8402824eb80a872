package com.numberops.portal.providers.sinch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.function.SingletonSupplier;

import com.numberops.portal.providers.ListScope;
import com.numberops.portal.providers.NumberPage;
import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProvidersProperties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sinch imported numbers (hosted elsewhere, SMS-enabled through Sinch): listed per service plan ×
 * campaign (Sinch requires both filters; an empty campaign lists the numbers without one),
 * renamed, relinked. They have no voice configuration and cannot be released through Sinch:
 * {@link #release} fails with 405 UNSUPPORTED_OPERATION without calling Sinch.
 */
final class SinchImportedNumbers extends SinchAdapter {

	static final String SERVICE_PLAN_ID = "servicePlanId";

	static final String CAMPAIGN_ID = "campaignId";

	/** What the sandbox seeds imported numbers with (sandbox/seed.sql), listed when no scopes are configured. */
	static final List<String> SANDBOX_SCOPES = List.of("sp-growth-01/CA1B2C3", "sp-growth-01/CB4D5E6", "sp-growth-01/",
			"sp-retention-02/CA1B2C3", "sp-retention-02/CB4D5E6", "sp-retention-02/");

	private final SingletonSupplier<SinchImportedApi> api;

	/** @param scopes "servicePlanId/campaignId" pairs, campaignId empty for numbers without a campaign */
	SinchImportedNumbers(SinchAccount account, List<String> scopes, ProvidersProperties.Http http, JsonMapper json) {
		super(ProviderKind.SINCH_IMPORTED, account, scopes(scopes.isEmpty() && account.sandbox() ? SANDBOX_SCOPES : scopes),
				SinchErrorBodies::imported, http, json);
		this.api = SingletonSupplier.of(() -> account.importedApi(http, errors()));
	}

	static List<ListScope> scopes(List<String> pairs) {
		List<ListScope> scopes = new ArrayList<>();
		for (String pair : pairs) {
			if (pair.isBlank()) {
				continue; // SINCH_IMPORTED_SCOPES left empty
			}
			int slash = pair.indexOf('/');
			if (slash <= 0) {
				throw new IllegalArgumentException("portal.providers.sinch.imported-scopes takes servicePlanId/campaignId "
						+ "pairs (campaignId empty for numbers without a campaign), not \"" + pair + "\"");
			}
			String plan = pair.substring(0, slash).strip();
			String campaign = pair.substring(slash + 1).strip();
			scopes.add(new ListScope(plan + " / " + (campaign.isEmpty() ? "no campaign" : campaign),
					Map.of(SERVICE_PLAN_ID, plan, CAMPAIGN_ID, campaign),
					Map.of("sms_service_plan_id", plan, "ten_dlc_campaign_id", campaign)));
		}
		return scopes;
	}

	@Override
	public NumberPage page(ListScope scope, @Nullable String pageToken, int pageSize) {
		String plan = scope.filters().get(SERVICE_PLAN_ID);
		String campaign = scope.filters().get(CAMPAIGN_ID);
		if (plan == null || campaign == null || scope.filters().size() != 2) {
			throw new IllegalArgumentException("A Sinch imported numbers scope is servicePlanId and campaignId: " + scope);
		}
		return page(scope, "importedNumbers", () -> api.obtain()
			.list(account().projectId(), plan, campaign, pageSize > 0 ? pageSize : null,
					pageToken == null || pageToken.isEmpty() ? null : pageToken));
	}

	/** Sinch has no release for imported numbers: they stay with their own carrier. */
	@Override
	public void release(String providerNumberId) {
		throw new ProviderError(ProviderKind.SINCH_IMPORTED, 405, "UNSUPPORTED_OPERATION",
				"Imported numbers cannot be released through Sinch: they are hosted, not rented (" + providerNumberId
						+ "); end the hosting with the number's own carrier");
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

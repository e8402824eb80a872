package com.numberops.portal.providers.sinch;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What both Sinch adapters share: one account, one error body per API, reads retried and writes
 * sent once (through {@link SinchCalls}), answers read by {@link SinchJson}, and changes sent as
 * one PATCH holding only what changes. The subclasses add their API's listing and release.
 */
abstract class SinchAdapter implements CarrierNumbers {

	private final ProviderKind kind;

	private final SinchAccount account;

	private final List<ListScope> scopes;

	private final JsonMapper json;

	private final CarrierErrors errors;

	private final SinchCalls calls;

	SinchAdapter(ProviderKind kind, SinchAccount account, List<ListScope> scopes, CarrierErrors.BodyReader errorBody,
			ProvidersProperties.Http http, JsonMapper json) {
		this.kind = kind;
		this.account = account;
		this.scopes = List.copyOf(scopes);
		this.json = json;
		this.errors = new CarrierErrors(kind, errorBody, json);
		this.calls = new SinchCalls(kind, errors, new CarrierRetry(kind.name().toLowerCase(Locale.ROOT), http));
	}

	/** The API's GET of one number. */
	abstract JsonNode fetch(String phoneNumber);

	/** The API's PATCH. */
	abstract JsonNode patch(String phoneNumber, SinchNumberUpdate update);

	@Override
	public final ProviderKind kind() {
		return kind;
	}

	@Override
	public final String accountRef() {
		return account.projectId();
	}

	@Override
	public final boolean sandbox() {
		return account.sandbox();
	}

	@Override
	public final List<ListScope> scopes() {
		return scopes;
	}

	@Override
	public final ProviderNumber get(String providerNumberId) {
		return calls.read("get " + providerNumberId, () -> SinchJson.number(kind, fetch(providerNumberId), json));
	}

	/**
	 * One PATCH with only what changes. An SMS link on a linked number is refused by Sinch (400
	 * INVALID_ARGUMENT: unlink first); a servicePlanId or appId change answers at once with the job
	 * in {@code smsProvisioning} / {@code voiceProvisioning}, the value itself appears once the job
	 * succeeded.
	 */
	@Override
	public final ChangeResult apply(String providerNumberId, NumberChange change) {
		if (change.isEmpty()) {
			// nothing to send, and Sinch refuses empty configuration objects: report how it is
			return ChangeResult.applied(get(providerNumberId));
		}
		SinchNumberUpdate update = SinchNumberUpdate.of(kind, change);
		return ChangeResult.applied(calls.write("update " + providerNumberId,
				() -> SinchJson.number(kind, patch(providerNumberId, update), json)));
	}

	/** A listing page, retried; {@code listField} names the array the API answers with. */
	final NumberPage page(ListScope scope, String listField, Supplier<JsonNode> list) {
		return calls.read("list " + scope.label(), () -> SinchJson.page(kind, list.get(), listField, json));
	}

	/** A read, retried, whose answer is typed by {@code call}. */
	final <T> T read(String what, Supplier<T> call) {
		return calls.read(what, call);
	}

	/** A write whose answer is the number, sent once. */
	final ProviderNumber write(String what, Supplier<JsonNode> call) {
		return calls.write(what, () -> SinchJson.number(kind, call.get(), json));
	}

	final SinchAccount account() {
		return account;
	}

	final CarrierErrors errors() {
		return errors;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + account + "]";
	}
}

package com.numberops.portal.providers.sinch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.http.client.ClientHttpRequestInterceptor;

import com.numberops.portal.providers.ProvidersProperties.SinchAuth;
import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.providers.SandboxAddress;
import com.numberops.portal.providers.http.CarrierErrors;
import com.numberops.portal.providers.http.CarrierHttp;

/**
 * The Sinch project the portal works on: its id, whether it is the built-in sandbox, where its
 * two APIs answer and how every request authenticates. Both adapters share one account, and so
 * one OAuth2 token. In sandbox mode the addresses are asked of {@link SandboxAddress} on first
 * use: the server's port is not known while beans are created.
 */
final class SinchAccount {

	static final String LIVE_BASE_URL = "https://numbers.api.sinch.com";

	/** Sinch serves imported numbers from their own host (Imported Numbers and Hosting Orders API). */
	static final String LIVE_IMPORTED_BASE_URL = "https://imported.numbers.api.sinch.com";

	static final String LIVE_TOKEN_URL = "https://auth.sinch.com/oauth2/token";

	private final String projectId;

	private final boolean sandbox;

	private final Supplier<String> activeBaseUrl;

	private final Supplier<String> importedBaseUrl;

	/** Authentication first, then any observers, so that these see requests as they leave. */
	private final List<ClientHttpRequestInterceptor> interceptors;

	private SinchAccount(String projectId, boolean sandbox, Supplier<String> activeBaseUrl,
			Supplier<String> importedBaseUrl, List<ClientHttpRequestInterceptor> interceptors) {
		this.projectId = projectId;
		this.sandbox = sandbox;
		this.activeBaseUrl = activeBaseUrl;
		this.importedBaseUrl = importedBaseUrl;
		this.interceptors = List.copyOf(interceptors);
	}

	static SinchAccount of(ProvidersProperties.Sinch sinch, ProvidersProperties.Http http,
			Supplier<SandboxAddress> sandboxAddress) {
		return of(sinch, http, sandboxAddress, SinchAuthentication.TOKEN_CLOCK_SKEW);
	}

	/** @param tokenClockSkew how long before its expiry a token is renewed (tests shorten it) */
	static SinchAccount of(ProvidersProperties.Sinch sinch, ProvidersProperties.Http http,
			Supplier<SandboxAddress> sandboxAddress, Duration tokenClockSkew) {
		boolean sandbox = !sinch.live();
		if (!sandbox && (sinch.projectId().isBlank() || sinch.keySecret().isBlank())) {
			throw new IllegalStateException(
					"SINCH_KEY_ID is set, so SINCH_PROJECT_ID and SINCH_KEY_SECRET must be set too");
		}
		Supplier<String> active = sandbox ? () -> sandboxAddress.get().url("sinch")
				: fixed(sinch.baseUrl(), LIVE_BASE_URL);
		Supplier<String> imported = sandbox ? () -> sandboxAddress.get().url("sinch-imported")
				: fixed(sinch.importedBaseUrl(), LIVE_IMPORTED_BASE_URL);
		Supplier<String> tokenUrl = sandbox ? () -> sandboxAddress.get().url("sinch-auth") + "/oauth2/token"
				: fixed(sinch.tokenUrl(), LIVE_TOKEN_URL);
		ClientHttpRequestInterceptor authentication = sinch.auth() == SinchAuth.OAUTH
				? SinchAuthentication.oauth(sinch.effectiveKeyId(), sinch.effectiveKeySecret(), tokenUrl, http,
						tokenClockSkew)
				: SinchAuthentication.basic(sinch.effectiveKeyId(), sinch.effectiveKeySecret());
		return new SinchAccount(sinch.effectiveProjectId(), sandbox, active, imported, List.of(authentication));
	}

	private static Supplier<String> fixed(String configured, String fallback) {
		String url = configured.isBlank() ? fallback : configured.strip();
		return () -> url;
	}

	/**
	 * The same account (same credentials, same token) with an observer of every attempt: each
	 * retry goes through it again. Tests watch attempts and their timing with it.
	 */
	SinchAccount observedBy(ClientHttpRequestInterceptor observer) {
		List<ClientHttpRequestInterceptor> observed = new ArrayList<>(interceptors);
		observed.add(observer);
		return new SinchAccount(projectId, sandbox, activeBaseUrl, importedBaseUrl, observed);
	}

	String projectId() {
		return projectId;
	}

	boolean sandbox() {
		return sandbox;
	}

	/** A typed client of the active numbers API; call on first use, not while beans are created. */
	SinchActiveApi activeApi(ProvidersProperties.Http http, CarrierErrors errors) {
		return client(activeBaseUrl.get(), http, errors, SinchActiveApi.class);
	}

	SinchAvailableApi availableApi(ProvidersProperties.Http http, CarrierErrors errors) {
		return client(activeBaseUrl.get(), http, errors, SinchAvailableApi.class);
	}

	SinchImportedApi importedApi(ProvidersProperties.Http http, CarrierErrors errors) {
		return client(importedBaseUrl.get(), http, errors, SinchImportedApi.class);
	}

	private <T> T client(String baseUrl, ProvidersProperties.Http http, CarrierErrors errors, Class<T> api) {
		return CarrierHttp.httpInterface(CarrierHttp.restClient(http, baseUrl, errors)
			.requestInterceptors(chain -> chain.addAll(interceptors))
			.build(), api);
	}

	@Override
	public String toString() {
		return "SinchAccount[projectId=" + projectId + ", sandbox=" + sandbox + "]";
	}
}

package com.numberops.portal.providers.sinch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.support.BasicAuthenticationInterceptor;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.providers.http.CarrierHttp;

/**
 * How requests to Sinch authenticate (seed 002: Basic or OAuth2 client credentials), as a
 * request interceptor of the adapters' RestClients. Key secrets stay inside the interceptors:
 * they are never logged and never put into a message.
 */
final class SinchAuthentication {

	static final String REGISTRATION_ID = "sinch";

	/**
	 * Renew a token this long before it expires, so that no request leaves with a token that
	 * expires on its way (Spring Security's default).
	 */
	static final Duration TOKEN_CLOCK_SKEW = Duration.ofSeconds(60);

	/**
	 * Whom the token belongs to: the portal itself, never the user who happens to be logged in,
	 * so one token serves every user and the background jobs, which have no security context.
	 */
	private static final Authentication PORTAL = UsernamePasswordAuthenticationToken.authenticated("numberops-portal",
			null, AuthorityUtils.NO_AUTHORITIES);

	private SinchAuthentication() {
	}

	static ClientHttpRequestInterceptor basic(String keyId, String keySecret) {
		return new BasicAuthenticationInterceptor(keyId, keySecret, StandardCharsets.UTF_8);
	}

	/**
	 * OAuth2 client credentials with Spring Security's client: the token is fetched on the first
	 * request (once, however many requests start together), reused until {@code clockSkew} before
	 * it expires, and dropped when Sinch answers 401 or 403 so that the next request fetches a
	 * fresh one. The token URL is asked for on the first fetch only (the sandbox's is known once
	 * the server runs).
	 */
	static ClientHttpRequestInterceptor oauth(String keyId, String keySecret, Supplier<String> tokenUrl,
			ProvidersProperties.Http http, Duration clockSkew) {
		ClientRegistrationRepository registrations = new OneRegistration(() -> ClientRegistration
			.withRegistrationId(REGISTRATION_ID)
			.clientId(keyId)
			.clientSecret(keySecret)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.tokenUri(tokenUrl.get())
			.build());
		OAuth2AuthorizedClientService tokens = new InMemoryOAuth2AuthorizedClientService(registrations);

		RestClientClientCredentialsTokenResponseClient tokenClient = new RestClientClientCredentialsTokenResponseClient();
		// Spring Security's own converters and error handler, plus the carriers' timeouts
		tokenClient.setRestClient(RestClient.builder()
			.requestFactory(CarrierHttp.requestFactory(http))
			.configureMessageConverters(converters -> converters.disableDefaults()
				.addCustomConverter(new FormHttpMessageConverter())
				.addCustomConverter(new StringHttpMessageConverter())
				.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build());
		ClientCredentialsOAuth2AuthorizedClientProvider clientCredentials = new ClientCredentialsOAuth2AuthorizedClientProvider();
		clientCredentials.setAccessTokenResponseClient(tokenClient);
		clientCredentials.setClockSkew(clockSkew);

		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, tokens);
		manager.setAuthorizedClientProvider(clientCredentials);

		// one caller at a time asks for the token: calls that start together (a sync's first pages,
		// the outbox) wait for the one fetch instead of each fetching a token of their own
		ReentrantLock fetching = new ReentrantLock();
		OAuth2AuthorizedClientManager oneFetch = request -> {
			fetching.lock();
			try {
				return manager.authorize(request);
			}
			finally {
				fetching.unlock();
			}
		};

		OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(oneFetch);
		interceptor.setClientRegistrationIdResolver(request -> REGISTRATION_ID);
		interceptor.setPrincipalResolver(request -> PORTAL);
		interceptor.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(tokens));
		return interceptor;
	}

	/**
	 * No token could be had. Spring Security wraps what happened; the cause tells it: no answer
	 * from the token endpoint (status 0), the endpoint answering an HTTP error (its status:
	 * retryable when 429 or 5xx, not when it refused the key), an unreadable answer
	 * (MALFORMED_RESPONSE), or an OAuth2 error body (400: the request was refused).
	 */
	static ProviderError failed(ProviderKind kind, String what, OAuth2AuthorizationException failure) {
		String fetching = what + " (OAuth2 token)";
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ResourceAccessException noAnswer) {
				return ProviderError.noAnswer(kind, fetching, noAnswer);
			}
			if (cause instanceof RestClientResponseException answered) {
				int status = answered.getStatusCode().value();
				boolean refused = status < 500 && status != 429;
				return new ProviderError(kind, status, refused ? "OAUTH2_TOKEN_REFUSED" : "OAUTH2_TOKEN_UNAVAILABLE",
						fetching + ": " + answered.getMessage(), null, failure);
			}
			if (cause instanceof RestClientException unreadable) {
				return ProviderError.malformed(kind, 200, fetching, unreadable);
			}
		}
		OAuth2Error error = failure.getError();
		String description = error.getDescription();
		return new ProviderError(kind, 400, "OAUTH2_" + error.getErrorCode().toUpperCase(Locale.ROOT),
				fetching + ": refused" + (description == null || description.isBlank() ? "" : " (" + description + ")"),
				null, failure);
	}

	/** The one client registration, built on first use. */
	private static final class OneRegistration implements ClientRegistrationRepository {

		private final SingletonSupplier<ClientRegistration> registration;

		OneRegistration(Supplier<ClientRegistration> registration) {
			this.registration = SingletonSupplier.of(registration);
		}

		@Override
		public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
			return REGISTRATION_ID.equals(registrationId) ? registration.obtain() : null;
		}
	}
}

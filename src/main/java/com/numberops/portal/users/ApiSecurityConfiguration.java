package com.numberops.portal.users;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.security.web.session.SessionInformationExpiredEvent;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.numberops.portal.system.ErrorDetail;
import com.numberops.portal.system.ThroughTheApi;

/**
 * The door of the JSON API, /api/**: a personal API token ({@code Authorization: Bearer np_…},
 * {@link ApiTokens}) or the session of a person signed in on the pages (Swagger UI in their
 * browser). Either way the request acts as a {@link PortalPrincipal} with its role and teams.
 * <ul>
 * <li>A token request is stateless: no session is made or read for it, and it needs no CSRF token
 * (a browser never adds an Authorization header by itself, so another site cannot forge one).</li>
 * <li>A session request keeps CSRF, exactly as the pages do; a request without a session has no
 * ambient credential to forge, so it is simply not signed in (401, not a CSRF refusal).</li>
 * <li>Refusals are problem details (the portal's error answer): 401 with a Bearer challenge, 403,
 * 413 for a body over the limit, 429 with Retry-After past a token's rate limit.</li>
 * </ul>
 * Pages never look at a bearer token: this chain is the only one that reads it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiAccessProperties.class)
class ApiSecurityConfiguration {

	/** The realm of the Bearer challenge (RFC 6750): what a client is asked to authenticate to. */
	static final String REALM = "number-portal-api";

	private static final RequestMatcher WITHOUT_SESSION = request -> request.getSession(false) == null;

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 20)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, SessionRegistry sessionRegistry,
			ApiAccessProperties properties) throws Exception {
		AuthenticationManager byToken = byToken(tokens);
		// the error dispatch of an /api request too: under the pages' chain, its session management
		// would make a session for the token's person on every error answered through /error
		http.securityMatcher(ThroughTheApi::request);
		// the only way in besides the session: no password manager behind it
		http.authenticationManager(byToken);
		http.authorizeHttpRequests(requests -> {
			requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
			requests.requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name());
			requests.anyRequest().authenticated();
		});
		http.oauth2ResourceServer(bearer -> bearer.authenticationManagerResolver(request -> byToken)
			.authenticationEntryPoint(ApiSecurityConfiguration::unauthorized)
			.accessDeniedHandler(refused()));
		// the resource server adds "no CSRF for bearer requests" to this
		http.csrf(csrf -> csrf.ignoringRequestMatchers(WITHOUT_SESSION));
		http.exceptionHandling(errors -> errors.authenticationEntryPoint(ApiSecurityConfiguration::unauthorized)
			.accessDeniedHandler(refused()));
		// a session an admin ended (user disabled, password reset) ends here too, as on the pages;
		// not through sessionManagement(): its session filter would make a session for every token request
		http.addFilter(new ConcurrentSessionFilter(sessionRegistry, ApiSecurityConfiguration::sessionEnded));
		http.requestCache(cache -> cache.disable());
		http.logout(logout -> logout.disable());
		http.headers(headers -> {
			headers.defaultsDisabled();
			SecurityHeaders.WRITERS.forEach(headers::addHeaderWriter);
		});
		http.addFilterBefore(new ApiBodyLimit(properties), SecurityContextHolderFilter.class);
		http.addFilterAfter(new ApiRateLimit(properties.rateLimit().requestsPerMinute()),
				BearerTokenAuthenticationFilter.class);
		return http.build();
	}

	/** A bearer token is one of ours, active, of an enabled user; or it is refused as invalid_token. */
	private static AuthenticationManager byToken(ApiTokens tokens) {
		return authentication -> {
			if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
				throw new ProviderNotFoundException("Only API tokens sign in on /api.");
			}
			try {
				return tokens.authenticate(bearer.getToken());
			}
			catch (ApiTokens.RefusedApiToken refused) {
				throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken(refused.getMessage()));
			}
		};
	}

	/**
	 * 401 as problem details with the Bearer challenge of RFC 6750: without a token, just the
	 * challenge; with a bad one, {@code error="invalid_token"} and why, which the problem says too.
	 */
	static void unauthorized(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException refused) throws IOException {
		StringBuilder challenge = new StringBuilder("Bearer realm=\"" + REALM + "\"");
		String detail = "Send a personal API token (Authorization: Bearer np_…); make one on the portal's API tokens page.";
		HttpStatus status = HttpStatus.UNAUTHORIZED;
		if (refused instanceof OAuth2AuthenticationException bad) {
			OAuth2Error error = bad.getError();
			challenge.append(", error=\"").append(error.getErrorCode()).append('"');
			if (error.getDescription() != null) {
				challenge.append(", error_description=\"").append(error.getDescription()).append('"');
				detail = error.getDescription();
			}
			if (error instanceof BearerTokenError bearerError) {
				status = bearerError.getHttpStatus();
			}
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge.toString());
		ErrorDetail.explain(request, detail);
		response.sendError(status.value());
	}

	/** 403 as problem details: a role that does not include the request, or a session request without its CSRF token. */
	private static AccessDeniedHandler refused() {
		return (request, response, denied) -> {
			if (denied instanceof CsrfException) {
				ErrorDetail.explain(request, "A request with a signed-in session needs its CSRF token (header "
						+ "X-CSRF-TOKEN, from a portal page); an API client sends its token instead: "
						+ "Authorization: Bearer np_…");
			}
			response.sendError(HttpStatus.FORBIDDEN.value());
		};
	}

	private static void sessionEnded(SessionInformationExpiredEvent event) throws IOException {
		HttpServletRequest request = event.getRequest();
		HttpServletResponse response = event.getResponse();
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
		ErrorDetail.explain(request, "This session was ended (the account changed): sign in again.");
		response.sendError(HttpStatus.UNAUTHORIZED.value());
	}
}

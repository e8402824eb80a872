package com.numberops.portal.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import com.numberops.portal.providers.ProvidersProperties;

import tools.jackson.databind.json.JsonMapper;

/**
 * In front of every sandbox endpoint, in the carrier's own manner: its authentication (Sinch:
 * Basic key id/secret or an OAuth2 bearer token; Flowroute: Basic access key/secret) with its own
 * 401 body, then the faults switched on for the endpoint. Credentials come before routing, as at
 * the carriers: any path under a simulated API's root needs them, even one the API does not have
 * (its catch-all handler answers the 404 only to an authenticated client).
 */
class SandboxGate implements HandlerInterceptor {

	private static final String SINCH_BASIC = basic(ProvidersProperties.SANDBOX_SINCH_KEY,
			ProvidersProperties.SANDBOX_SINCH_SECRET);

	private static final String FLOWROUTE_BASIC = basic(ProvidersProperties.SANDBOX_FLOWROUTE_KEY,
			ProvidersProperties.SANDBOX_FLOWROUTE_SECRET);

	private final SandboxFaults faults;

	private final SandboxTokens tokens;

	private final SandboxProperties properties;

	private final JsonMapper json;

	private final Set<SandboxApi> simulated;

	SandboxGate(SandboxFaults faults, SandboxTokens tokens, SandboxProperties properties, JsonMapper json,
			Set<SandboxApi> simulated) {
		this.simulated = Set.copyOf(simulated);
		this.faults = faults;
		this.tokens = tokens;
		this.properties = properties;
		this.json = json;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		SandboxEndpoint endpoint = handler instanceof HandlerMethod method
				? method.getMethodAnnotation(SandboxEndpoint.class) : null;
		SandboxApi root = SandboxApi.servingPath(request.getRequestURI().substring(request.getContextPath().length()));
		if (root != null && !simulated.contains(root)) {
			root = null;
		}
		SandboxApi api = endpoint != null ? endpoint.api() : root;
		if (api == null) {
			return true;
		}
		boolean needsCredentials = endpoint == null || endpoint.authenticated();
		if (needsCredentials && !authenticated(api, request.getHeader(HttpHeaders.AUTHORIZATION))) {
			if (api == SandboxApi.FLOWROUTE) {
				write(response, api, 401, "Authentication failed.");
			}
			else {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"sinch\"");
				write(response, api, 401, "Request had invalid authentication credentials.");
			}
			return false;
		}
		return endpoint == null || passFaults(api, endpoint.value(), request, response);
	}

	private boolean authenticated(SandboxApi api, String authorization) {
		if (authorization == null) {
			return false;
		}
		if (api == SandboxApi.FLOWROUTE) {
			return FLOWROUTE_BASIC.equals(authorization);
		}
		if (authorization.startsWith("Bearer ")) {
			return tokens.valid(authorization.substring("Bearer ".length()).strip());
		}
		return SINCH_BASIC.equals(authorization);
	}

	private boolean passFaults(SandboxApi api, String endpoint, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Fault fault = faults.of(api, endpoint);
		if (fault.none()) {
			return true;
		}
		try {
			if (fault.latencyMillis() > 0) {
				Thread.sleep(fault.latencyMillis());
			}
			if (faults.roll(fault.hangRate())) {
				Thread.sleep(properties.hangFor().toMillis());
				write(response, api, 504, "The sandbox held this request on purpose (hang fault).");
				return false;
			}
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return false;
		}
		if (faults.roll(fault.rateLimitRate())) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(fault.retryAfterSeconds()));
			write(response, api, 429, "Too many requests, slow down (sandbox rate-limit fault).");
			return false;
		}
		if (faults.roll(fault.serverErrorRate())) {
			write(response, api, 500, "Internal error (sandbox 5xx fault).");
			return false;
		}
		if (faults.roll(fault.malformedRate())) {
			response.setStatus(200);
			response.setContentType(api.contentType());
			response.getOutputStream().write("{\"data\": {\"id\": \"1".getBytes(StandardCharsets.UTF_8));
			return false;
		}
		if (faults.roll(fault.lostAnswerRate())) {
			// carried out as usual; SandboxLostAnswerFilter then holds the answer back and drops it
			request.setAttribute(SandboxLostAnswerFilter.LOSE_ANSWER, api);
		}
		return true;
	}

	private void write(HttpServletResponse response, SandboxApi api, int status, String message) throws IOException {
		response.setStatus(status);
		response.setContentType(api.contentType());
		response.getOutputStream().write(json.writeValueAsBytes(api.errorBody(status, message)));
	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}
}

package com.numberops.portal.sandbox;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import com.numberops.portal.sandbox.SandboxApi.FieldViolation;
import com.numberops.portal.system.NulCharacters;

import tools.jackson.databind.json.JsonMapper;

/**
 * A NUL character in a query parameter of a sandbox endpoint is the carrier's 400 in its own error
 * body (Sinch: with the parameter as field violation), as any other invalid value: PostgreSQL
 * cannot store it, so unchecked it would fail the sandbox's query with a 500. Runs after
 * {@link SandboxGate}: credentials first, as at the carriers. Bodies are checked where they are
 * read (Sinch's and Flowroute's request readers), with the same rule.
 */
class SandboxNulGuard implements HandlerInterceptor {

	private final JsonMapper json;

	SandboxNulGuard(JsonMapper json) {
		this.json = json;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		SandboxEndpoint endpoint = method.getMethodAnnotation(SandboxEndpoint.class);
		// the token endpoint checks client credentials only, and stores nothing it is sent
		if (endpoint == null || !endpoint.authenticated()) {
			return true;
		}
		String parameter = NulCharacters.parameterWithNul(request.getParameterMap());
		if (parameter == null) {
			return true;
		}
		SandboxApi api = endpoint.api();
		String description = parameter + " must not contain a NUL character (U+0000)";
		// in the words of each carrier's other 400s: Sinch's "field: description", Flowroute's sentence
		String message = api == SandboxApi.FLOWROUTE ? description + "." : parameter + ": " + description;
		response.setStatus(400);
		response.setContentType(api.contentType());
		response.getOutputStream()
			.write(json.writeValueAsBytes(
					api.errorBody(400, message, List.of(new FieldViolation(parameter, description)), null)));
		return false;
	}
}

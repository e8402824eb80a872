package com.numberops.portal.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 400 and before anything else runs, a request with a NUL character in any
 * parameter, name or value, of its query or its form ({@link NulCharacters}): such a value would
 * fail any query it reached with a 500, whichever field it was typed in. One check here stands for
 * every field of every form.
 * <p>
 * Not under /sandbox, which answers in its carriers' own error bodies (its own guard), nor under
 * /webhooks, which authenticate their raw body: reading a form's parameters here would use it up
 * (a wrong token or signature is their 401 anyway).
 */
final class NulCharacterFilter extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/sandbox/") || path.startsWith("/webhooks/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String refused = NulCharacters.parameterWithNul(request.getParameterMap());
		if (refused != null) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST, message(refused));
			return;
		}
		chain.doFilter(request, response);
	}

	static String message(String parameter) {
		return "\"" + parameter + "\" contains a NUL character (U+0000, sent as %00), which no text in the portal may"
				+ " contain. Nothing was changed.";
	}
}

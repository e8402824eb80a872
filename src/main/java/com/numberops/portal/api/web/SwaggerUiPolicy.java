package com.numberops.portal.api.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Swagger UI's own Content-Security-Policy: the portal's strict one (users/SecurityConfiguration),
 * plus the hash of the one {@code <style>} element swagger-ui-bundle.js inserts. Nothing else is
 * relaxed: no inline script, no other inline style, and only under /swagger-ui/. Set before Spring
 * Security's header writer, which leaves a policy already set alone. A new Swagger UI whose style
 * differs is refused by the browser and shows in SwaggerUiUnderTheContentSecurityPolicyIT.
 */
final class SwaggerUiPolicy extends OncePerRequestFilter {

	/** The style element of swagger-ui 5.32 (springdoc-openapi 3.1.1), by its SHA-256. */
	static final String SWAGGER_UI_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

	static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' " + SWAGGER_UI_STYLE + "; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", POLICY);
		chain.doFilter(request, response);
	}
}

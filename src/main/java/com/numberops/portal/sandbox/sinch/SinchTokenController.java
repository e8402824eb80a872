package com.numberops.portal.sandbox.sinch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxConditions;
import com.numberops.portal.sandbox.SandboxEndpoint;
import com.numberops.portal.sandbox.SandboxTokens;

/**
 * Sinch's OAuth2 token endpoint (client credentials, RFC 6749 §4.4) under
 * {@code /sandbox/sinch-auth}: the client authenticates with HTTP Basic or with
 * {@code client_id}/{@code client_secret} form fields, and gets a bearer token the Sinch
 * endpoints accept until it expires. Errors are RFC 6749 §5.2 bodies.
 */
@RestController
@RequestMapping("/sandbox/sinch-auth")
@Conditional(SandboxConditions.Sinch.class)
class SinchTokenController {

	private final SandboxTokens tokens;

	SinchTokenController(SandboxTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/oauth2/token")
	@SandboxEndpoint(api = SandboxApi.SINCH, value = "token", authenticated = false)
	ResponseEntity<Map<String, Object>> token(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestParam(name = "grant_type", required = false) @Nullable String grantType,
			@RequestParam(name = "client_id", required = false) @Nullable String clientId,
			@RequestParam(name = "client_secret", required = false) @Nullable String clientSecret) {
		String[] basic = authorization == null ? null : basic(authorization);
		if (authorization != null && basic == null) {
			return error(401, "invalid_client", "Unsupported or malformed Authorization header");
		}
		if (basic != null && (clientId != null || clientSecret != null)) {
			return error(400, "invalid_request", "Use one client authentication method, not both");
		}
		String id = basic != null ? basic[0] : clientId;
		String secret = basic != null ? basic[1] : clientSecret;
		if (id == null || secret == null || !same(id, ProvidersProperties.SANDBOX_SINCH_KEY)
				|| !same(secret, ProvidersProperties.SANDBOX_SINCH_SECRET)) {
			return error(401, "invalid_client", "Client authentication failed");
		}
		if (grantType == null || grantType.isBlank()) {
			return error(400, "invalid_request", "grant_type is required");
		}
		if (!"client_credentials".equals(grantType)) {
			return error(400, "unsupported_grant_type", "Only client_credentials is supported");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", tokens.issue());
		body.put("token_type", "bearer");
		body.put("expires_in", tokens.lifetimeSeconds());
		body.put("scope", "");
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.PRAGMA, "no-cache")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body);
	}

	/** {id, secret} of a Basic header; null when it is another scheme or not decodable. */
	static String @Nullable [] basic(String authorization) {
		if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
		}
		catch (IllegalArgumentException notBase64) {
			return null;
		}
	}

	private static boolean same(String given, String expected) {
		return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
	}

	private static ResponseEntity<Map<String, Object>> error(int status, String error, String description) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_JSON);
		if (status == 401) {
			// RFC 6749 §5.2: a 401 carries the challenge of the scheme the client used (Basic by default)
			response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"sinch\"");
		}
		return response.body(Map.of("error", error, "error_description", description));
	}
}

package com.numberops.portal.sync.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The carriers' callbacks. Thin: reads the raw body (the signature covers its exact bytes) and
 * the credentials, and turns the service's outcome into a status with a small JSON body:
 * 2xx acknowledged (refreshed, unchanged, replayed, ignored), 400 unreadable, 401 not authentic,
 * 413 too large, 503/500 not handled (the carrier may send it again).
 */
@RestController
@RequestMapping(path = "/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
class WebhooksController {

	/** Callbacks are a few hundred bytes; nothing bigger is read before it is authenticated. */
	static final int MAX_BODY_BYTES = 64 * 1024;

	private final CarrierWebhooks webhooks;

	WebhooksController(CarrierWebhooks webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping("/sinch")
	ResponseEntity<Map<String, String>> sinch(HttpServletRequest request,
			@RequestHeader(name = SinchSignature.HEADER, required = false) @Nullable String signature)
			throws IOException {
		byte[] body = body(request);
		if (body == null) {
			return tooLarge();
		}
		return answer(webhooks.sinch(body, signature));
	}

	@PostMapping("/flowroute/message-provisioning")
	ResponseEntity<Map<String, String>> flowrouteMessageProvisioning(HttpServletRequest request,
			@RequestHeader(name = WebhooksProperties.TOKEN_HEADER, required = false) @Nullable String headerToken)
			throws IOException {
		byte[] body = body(request);
		if (body == null) {
			return tooLarge();
		}
		String token = headerToken != null && !headerToken.isBlank() ? headerToken : queryToken(request);
		return answer(webhooks.flowrouteMessageProvisioning(body, token));
	}

	/** The raw bytes as sent; null when longer than {@link #MAX_BODY_BYTES}. */
	private static byte @Nullable [] body(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			return null;
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
			return body.length > MAX_BODY_BYTES ? null : body;
		}
	}

	/**
	 * {@code ?token=} from the query string itself, never through getParameter(), which would
	 * consume a form-encoded body before it could be read raw.
	 */
	private static @Nullable String queryToken(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query == null) {
			return null;
		}
		String raw = UriComponentsBuilder.newInstance().query(query).build().getQueryParams().getFirst("token");
		return raw == null ? null : UriUtils.decode(raw, StandardCharsets.UTF_8);
	}

	private static ResponseEntity<Map<String, String>> answer(WebhookResult result) {
		HttpStatus status = switch (result.outcome()) {
			case REFRESHED, UNCHANGED, REPLAYED, IGNORED -> HttpStatus.OK;
			case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
			case MALFORMED -> HttpStatus.BAD_REQUEST;
			case CARRIER_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
			case FAILED -> HttpStatus.INTERNAL_SERVER_ERROR;
		};
		Map<String, String> body = new LinkedHashMap<>();
		if (status.is2xxSuccessful()) {
			body.put("status", result.outcome().name().toLowerCase(Locale.ROOT));
			body.put("detail", result.detail());
		}
		else {
			body.put("error", result.detail());
		}
		return ResponseEntity.status(status).body(body);
	}

	private static ResponseEntity<Map<String, String>> tooLarge() {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(Map.of("error", "The body is larger than " + MAX_BODY_BYTES + " bytes."));
	}
}

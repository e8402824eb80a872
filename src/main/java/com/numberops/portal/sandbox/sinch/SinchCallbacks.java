package com.numberops.portal.sandbox.sinch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import com.numberops.portal.sandbox.SandboxConditions;
import com.numberops.portal.sandbox.SandboxProperties;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends Sinch number callbacks: a JSON event POSTed to the callback URL with
 * {@code X-Sinch-Signature} = lower-case hex HMAC-SHA1 of the raw body, keyed with
 * {@code portal.sandbox.sinch-callback-secret}. Fire and forget, like the real carrier: never
 * blocks the request or the sweeper that settled the job, and a receiver that is down is logged,
 * not retried.
 */
@Component
@Conditional(SandboxConditions.Sinch.class)
class SinchCallbacks {

	static final String SIGNATURE_HEADER = "X-Sinch-Signature";

	private static final Logger log = LoggerFactory.getLogger(SinchCallbacks.class);

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final JsonMapper json;

	private final SandboxProperties properties;

	SinchCallbacks(JsonMapper json, SandboxProperties properties) {
		this.json = json;
		this.properties = properties;
	}

	void send(String url, Map<String, Object> event) {
		try {
			byte[] body = json.writeValueAsBytes(event);
			HttpRequest request = HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(5))
				.header("Content-Type", "application/json")
				.header(SIGNATURE_HEADER, sign(body, properties.sinchCallbackSecret()))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build();
			http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
				if (failure != null) {
					log.warn("Sinch sandbox callback {} to {} failed: {}", event.get("eventType"), url, failure.toString());
				}
				else if (response.statusCode() >= 300) {
					log.warn("Sinch sandbox callback {} to {} answered {}", event.get("eventType"), url,
							response.statusCode());
				}
			});
		}
		catch (RuntimeException unusable) {
			// a malformed callback URL must not break the job that settled
			log.warn("Sinch sandbox callback to {} not sent: {}", url, unusable.toString());
		}
	}

	static String sign(byte[] body, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException(impossible);
		}
	}
}

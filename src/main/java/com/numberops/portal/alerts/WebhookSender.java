package com.numberops.portal.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Posts an alert to a webhook: a Slack-compatible JSON body (its {@code text} is what Slack and
 * most chat tools show; {@code alert} holds the details), signed (HMAC-SHA256 with the channel's
 * secret, {@link WebhookSignature}), with the delivery's id so a receiver can drop a repeat.
 * Any 2xx is delivered; anything else, or no answer in time, is tried again.
 */
@Component
class WebhookSender {

	/** How a post ended: the HTTP status (none: no answer), and an error to log when it failed. */
	record Outcome(boolean delivered, @Nullable Integer status,
			@Nullable String error) {
	}

	private final HttpClient http;

	private final JsonMapper json;

	private final AlertsProperties properties;

	WebhookSender(JsonMapper json, AlertsProperties properties) {
		this.json = json;
		this.properties = properties;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.sendTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	String body(Alert alert) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("id", alert.id());
		details.put("rule", alert.ruleName());
		details.put("kind", alert.kind().name());
		details.put("title", alert.title());
		details.put("found", alert.found());
		details.put("windowStart", alert.windowStart().toString());
		details.put("firedAt", alert.firedAt().toString());
		details.put("link", properties.absolute(alert.link()));
		details.put("items", alert.items()
			.stream()
			.map(item -> Map.of("label", item.label(), "detail", item.detail() == null ? "" : item.detail(), "link",
					properties.absolute(item.link())))
			.toList());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("text", alert.title() + " <" + properties.absolute(alert.link()) + ">");
		body.put("alert", details);
		return json.writeValueAsString(body);
	}

	Outcome send(String url, String secret, long deliveryId, Alert alert) {
		String body = body(alert);
		long timestamp = Instant.now().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(properties.sendTimeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "number-portal-alerts")
			.header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
			.header(WebhookSignature.HEADER, WebhookSignature.sign(secret, timestamp, body))
			.header(WebhookSignature.DELIVERY, Long.toString(deliveryId))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			int status = response.statusCode();
			return status >= 200 && status < 300 ? new Outcome(true, status, null)
					: new Outcome(false, status, "HTTP " + status);
		}
		catch (IOException failed) {
			return new Outcome(false, null, failed.getClass().getSimpleName()
					+ (failed.getMessage() == null ? "" : ": " + failed.getMessage()));
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return new Outcome(false, null, "Interrupted");
		}
	}
}

package com.numberops.portal.sandbox.sinch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import com.numberops.portal.providers.SandboxAddress;
import com.numberops.portal.sandbox.SandboxConditions;
import com.numberops.portal.sandbox.SandboxProperties;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends Sinch number callbacks: a JSON event POSTed to the callback URL with
 * {@code X-Sinch-Signature} = lower-case hex HMAC-SHA1 of the raw body, keyed with
 * {@code portal.sandbox.sinch-callback-secret}. Fire and forget, like the real carrier: never
 * blocks the request or the sweeper that settled the job, and a receiver that is down is logged,
 * not retried.
 *
 * <p>Only to {@link CallbackTargets allowed targets}: a PATCH naming another is refused, and a
 * number's stored callbackUrl is checked again at call time (it may predate the rule or have been
 * written behind the API's back); a refused one is counted ({@value #REFUSED_METER}), logged, and
 * the event goes where a number without a callbackUrl sends it. Redirects are never followed, so an
 * allowed host cannot bounce the call elsewhere.
 */
@Component
@Conditional(SandboxConditions.Sinch.class)
class SinchCallbacks {

	static final String SIGNATURE_HEADER = "X-Sinch-Signature";

	/** The portal's own Sinch webhook (sync.webhooks): where callbacks go unless told otherwise. */
	static final String PORTAL_WEBHOOK = "/webhooks/sinch";

	/** Callbacks not sent to a number's stored callbackUrl because it is not an allowed target. */
	static final String REFUSED_METER = "portal.sandbox.callbacks.refused";

	private static final Logger log = LoggerFactory.getLogger(SinchCallbacks.class);

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final JsonMapper json;

	private final SandboxProperties properties;

	private final SandboxAddress address;

	private final Counter refused;

	SinchCallbacks(JsonMapper json, SandboxProperties properties, SandboxAddress address, MeterRegistry meters) {
		this.json = json;
		this.properties = properties;
		this.address = address;
		this.refused = Counter.builder(REFUSED_METER)
			.description("Sinch sandbox callbacks not sent to a stored callbackUrl that is not an allowed target")
			.register(meters);
	}

	/** Whether a callbackUrl may be set: this portal's own webhook, or a host allowed by configuration. */
	boolean allowed(String url) {
		List<String> own = new ArrayList<>();
		if (!properties.sinchCallbackUrl().isBlank()) {
			own.add(properties.sinchCallbackUrl());
		}
		try {
			own.add(address.portalUrl(PORTAL_WEBHOOK));
		}
		catch (IllegalStateException notStarted) {
			// no own address yet: only configured targets
		}
		return CallbackTargets.allowed(url, own, properties.callbackHosts());
	}

	/**
	 * Sends an event about a number: to its own callbackUrl when that is allowed, else to the
	 * sandbox-wide one, else to this portal's own webhook, so that the mirror follows the simulated
	 * Sinch out of the box.
	 */
	void send(@Nullable String numberCallbackUrl, Map<String, Object> event) {
		String url = null;
		if (numberCallbackUrl != null && !numberCallbackUrl.isBlank()) {
			if (allowed(numberCallbackUrl)) {
				url = numberCallbackUrl;
			}
			else {
				refused.increment();
				log.warn("Sinch sandbox callback {} for {} not sent to its stored callbackUrl {}: not an allowed target "
						+ "(portal.sandbox.callback-hosts); sent to the default instead", event.get("eventType"),
						event.get("resourceId"), numberCallbackUrl);
			}
		}
		if (url == null) {
			url = properties.sinchCallbackUrl();
		}
		if (url.isBlank()) {
			try {
				url = address.portalUrl(PORTAL_WEBHOOK);
			}
			catch (IllegalStateException notStarted) {
				log.info("Sinch sandbox callback {} for {} not sent: the portal is not listening yet",
						event.get("eventType"), event.get("resourceId"));
				return;
			}
		}
		post(url, event);
	}

	private void post(String url, Map<String, Object> event) {
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

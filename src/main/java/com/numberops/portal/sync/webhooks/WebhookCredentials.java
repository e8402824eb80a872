package com.numberops.portal.sync.webhooks;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.sandbox.SandboxProperties;

/**
 * What each webhook checks deliveries against. A carrier served by the sandbox gets the sandbox's
 * own value when none is configured, so callbacks work out of the box; a live carrier without a
 * configured value gets none, and its webhook refuses every delivery (fail closed).
 */
@Component
class WebhookCredentials {

	private static final Logger log = LoggerFactory.getLogger(WebhookCredentials.class);

	private final Optional<String> sinchSecret;

	private final Optional<String> flowrouteToken;

	WebhookCredentials(ProvidersProperties providers, WebhooksProperties webhooks,
			ObjectProvider<SandboxProperties> sandbox) {
		this.sinchSecret = sinchSecret(providers.sinch(), sandbox.getIfAvailable());
		this.flowrouteToken = flowrouteToken(providers.flowroute(), webhooks);
		if (sinchSecret.isEmpty()) {
			log.warn("SINCH_CALLBACK_SECRET is not set: POST /webhooks/sinch refuses every callback");
		}
		if (flowrouteToken.isEmpty()) {
			log.warn("FLOWROUTE_WEBHOOK_TOKEN is not set: POST /webhooks/flowroute/message-provisioning refuses every callback");
		}
	}

	/** The key of X-Sinch-Signature; empty: no callback can be valid. */
	Optional<String> sinchSecret() {
		return sinchSecret;
	}

	/** The token Flowroute's callbacks must carry; empty: none can be valid. */
	Optional<String> flowrouteToken() {
		return flowrouteToken;
	}

	static Optional<String> sinchSecret(ProvidersProperties.Sinch sinch, @Nullable SandboxProperties sandbox) {
		if (!sinch.callbackSecret().isBlank()) {
			return Optional.of(sinch.callbackSecret());
		}
		if (!sinch.live() && sandbox != null && !sandbox.sinchCallbackSecret().isBlank()) {
			return Optional.of(sandbox.sinchCallbackSecret());
		}
		return Optional.empty();
	}

	static Optional<String> flowrouteToken(ProvidersProperties.Flowroute flowroute, WebhooksProperties webhooks) {
		if (!webhooks.flowrouteToken().isBlank()) {
			return Optional.of(webhooks.flowrouteToken());
		}
		return flowroute.live() ? Optional.empty() : Optional.of(WebhooksProperties.SANDBOX_FLOWROUTE_TOKEN);
	}
}

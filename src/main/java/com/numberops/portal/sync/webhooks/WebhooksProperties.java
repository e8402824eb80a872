package com.numberops.portal.sync.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.webhooks.*}. The Sinch callback secret is a Sinch setting
 * ({@code portal.providers.sinch.callback-secret}, {@code SINCH_CALLBACK_SECRET}).
 *
 * @param flowrouteToken the shared token Flowroute's callback URL carries ({@code ?token=} or
 * {@value WebhooksProperties#TOKEN_HEADER}); blank with a simulated Flowroute:
 * {@value #SANDBOX_FLOWROUTE_TOKEN}; blank with a live Flowroute: every callback is refused
 */
@ConfigurationProperties("portal.webhooks")
public record WebhooksProperties(@DefaultValue("") String flowrouteToken) {

	/** What the Flowroute webhook accepts while Flowroute is the sandbox: fixed, so it works out of the box. */
	public static final String SANDBOX_FLOWROUTE_TOKEN = "sandbox-flowroute-webhook-token";

	/** The header that may carry the token instead of the query parameter. */
	public static final String TOKEN_HEADER = "X-Webhook-Token";

	@Override
	public String toString() {
		return "WebhooksProperties[flowrouteToken=" + (flowrouteToken.isBlank() ? "" : "***") + "]";
	}
}

package com.numberops.portal.alerts;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * portal.alerts.*: how often rules are evaluated and deliveries tried, the retries' backoff, the
 * sender of e-mails and the portal's own address (links in webhooks and e-mails are absolute).
 *
 * @param evaluateEvery how often the evaluate-alerts task runs
 * @param deliverEvery how often the deliver-alerts task looks for due deliveries
 * @param firstRetry the wait after a delivery's first failure (doubling after each)
 * @param maxRetry the longest wait between two attempts
 * @param maxAttempts attempts before a delivery fails for good
 * @param claimFor how long a claimed delivery is another run's to leave alone (longer than a send)
 * @param sendTimeout the webhook's connect and answer timeout
 * @param mailFrom the From of alert e-mails
 * @param baseUrl the portal's address as people reach it (links in webhooks and e-mails)
 */
@ConfigurationProperties("portal.alerts")
public record AlertsProperties(@DefaultValue("1m") Duration evaluateEvery, @DefaultValue("10s") Duration deliverEvery,
		@DefaultValue("30s") Duration firstRetry, @DefaultValue("1h") Duration maxRetry,
		@DefaultValue("10") int maxAttempts, @DefaultValue("2m") Duration claimFor,
		@DefaultValue("10s") Duration sendTimeout, @DefaultValue("portal@localhost") String mailFrom,
		@DefaultValue("http://localhost:8080") String baseUrl) {

	public Backoff backoff() {
		return new Backoff(firstRetry, maxRetry);
	}

	/** An address of the portal as an absolute URL. */
	public String absolute(@Nullable String path) {
		String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		return path == null ? base : base + (path.startsWith("/") ? path : "/" + path);
	}
}

package com.numberops.portal.providers.http;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import com.numberops.portal.providers.ProviderKind;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * Times every HTTP attempt at a carrier ({@value #NAME}: latency, and errors by their status),
 * tagged with the carrier, the method, the HTTP status (or {@code IO_ERROR} when no answer came:
 * a timeout, a refused connection) and the outcome. Never the number or the path: one series per
 * carrier, method and status, whatever the fleet's size.
 * <p>
 * It records into Micrometer's global registry, to which Spring Boot adds the portal's own: the
 * carrier clients are built by plain constructors (the adapters, and the tests that build them
 * around an observer), so no bean could hand each of them the registry.
 */
final class CarrierCallTimer implements ClientHttpRequestInterceptor {

	static final String NAME = "portal.carrier.requests";

	private final String carrier;

	private final MeterRegistry registry;

	CarrierCallTimer(ProviderKind carrier) {
		this(carrier, Metrics.globalRegistry);
	}

	CarrierCallTimer(ProviderKind carrier, MeterRegistry registry) {
		this.carrier = carrier.name().toLowerCase(Locale.ROOT);
		this.registry = registry;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		long start = System.nanoTime();
		String status = "IO_ERROR";
		String outcome = "IO_ERROR";
		try {
			ClientHttpResponse response = execution.execute(request, body);
			int code = response.getStatusCode().value();
			status = String.valueOf(code);
			outcome = outcome(code);
			return response;
		}
		finally {
			Timer.builder(NAME)
				.description("HTTP calls to the carriers' APIs, each attempt (retries included)")
				.tag("carrier", carrier)
				.tag("method", request.getMethod().name())
				.tag("status", status)
				.tag("outcome", outcome)
				.register(registry)
				.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
	}

	/** Micrometer's usual outcome names, so dashboards built for http.client.requests read these alike. */
	static String outcome(int status) {
		if (status == 429) {
			// told to slow down: neither the portal's mistake nor the carrier's failure
			return "THROTTLED";
		}
		return switch (status / 100) {
			case 1 -> "INFORMATIONAL";
			case 2 -> "SUCCESS";
			case 3 -> "REDIRECTION";
			case 4 -> "CLIENT_ERROR";
			case 5 -> "SERVER_ERROR";
			default -> "UNKNOWN";
		};
	}
}

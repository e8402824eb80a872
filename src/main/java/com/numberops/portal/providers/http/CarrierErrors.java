package com.numberops.portal.providers.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderKind;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a carrier's failure into a {@link ProviderError}. Each API has its own error body (see
 * the seeds); a {@link BodyReader} per API reads out code and message, and anything unreadable
 * still becomes a clear error with the HTTP status and the start of the body.
 */
public final class CarrierErrors {

	/** Reads the provider code and message from a parsed error body, or returns null. */
	@FunctionalInterface
	public interface BodyReader {

		@Nullable CodeAndMessage read(JsonNode body);
	}

	public record CodeAndMessage(String code, String message) {
	}

	private final ProviderKind provider;

	private final BodyReader reader;

	private final JsonMapper json;

	public CarrierErrors(ProviderKind provider, BodyReader reader, JsonMapper json) {
		this.provider = provider;
		this.reader = reader;
		this.json = json;
	}

	/** The carrier whose answers these are. */
	public ProviderKind provider() {
		return provider;
	}

	/** For RestClient's status handler: builds and throws the error of a 4xx/5xx answer. */
	public void raise(HttpRequest request, ClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		String body = read(response.getBody());
		Duration retryAfter = retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
		CodeAndMessage parsed = null;
		try {
			parsed = body.isBlank() ? null : reader.read(json.readTree(body));
		}
		catch (RuntimeException unreadable) {
			// not the documented error shape: fall through to the plain description
		}
		if (parsed == null) {
			parsed = new CodeAndMessage("HTTP_" + status,
					body.isBlank() ? response.getStatusText() : abbreviate(body));
		}
		throw new ProviderError(provider, status, parsed.code(), parsed.message(), retryAfter, null);
	}

	/** Runs a call, turning transport failures and unreadable answers into {@link ProviderError}s. */
	public <T> T translate(String what, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (ProviderError error) {
			throw error;
		}
		catch (ResourceAccessException noAnswer) {
			throw ProviderError.noAnswer(provider, what, noAnswer);
		}
		catch (RestClientException unreadable) {
			throw ProviderError.malformed(provider, 200, what, unreadable);
		}
		catch (tools.jackson.core.JacksonException unreadable) {
			throw ProviderError.malformed(provider, 200, what, unreadable);
		}
	}

	static @Nullable Duration retryAfter(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
		}
		catch (NumberFormatException notSeconds) {
			try {
				Instant at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(Instant.now(), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	private static String read(InputStream body) throws IOException {
		return new String(body.readNBytes(16 * 1024), StandardCharsets.UTF_8);
	}

	private static String abbreviate(String body) {
		String oneLine = body.replaceAll("\\s+", " ").strip();
		return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
	}
}

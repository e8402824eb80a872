package com.numberops.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A client of the portal's JSON API over real HTTP, as another system would call it: a bearer
 * token in every request, no cookies, JSON in and out. Redirects are not followed (the API has
 * none; a redirect would be a finding). Mint a token with {@link TestTokens}.
 */
public final class ApiClient {

	private final String base;

	private final @Nullable String token;

	private final HttpClient client;

	private ApiClient(int port, @Nullable String token) {
		this.base = "http://localhost:" + port;
		this.token = token;
		this.client = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** Every request with {@code Authorization: Bearer <token>}. */
	public static ApiClient withToken(int port, String token) {
		return new ApiClient(port, token);
	}

	/** No credentials at all. */
	public static ApiClient anonymous(int port) {
		return new ApiClient(port, null);
	}

	/** A request to a path of the portal (the path and query exactly as given), with the token and Accept: application/json. */
	public HttpRequest.Builder request(String pathAndQuery) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	public HttpResponse<String> get(String path) {
		return get(path, Map.of());
	}

	public HttpResponse<String> get(String path, Map<String, String> headers) {
		return send(with(request(path), headers).GET());
	}

	public HttpResponse<String> put(String path, String json) {
		return put(path, json, Map.of());
	}

	public HttpResponse<String> put(String path, String json, Map<String, String> headers) {
		return send(with(request(path), headers).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	public HttpResponse<String> post(String path, String json) {
		return post(path, json, Map.of());
	}

	public HttpResponse<String> post(String path, String json, Map<String, String> headers) {
		return send(with(request(path), headers).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	public HttpResponse<String> delete(String path) {
		return delete(path, Map.of());
	}

	public HttpResponse<String> delete(String path, Map<String, String> headers) {
		return send(with(request(path), headers).DELETE());
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(interrupted);
		}
	}

	private static HttpRequest.Builder with(HttpRequest.Builder request, Map<String, String> headers) {
		headers.forEach(request::setHeader);
		return request;
	}
}

package com.numberops.portal.providers.sinch;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Every attempt an adapter makes, as it leaves and as it is answered (status 0: no answer), in
 * order: how tests see retries, their spacing and the credentials used, whatever the endpoint.
 */
final class Attempts implements ClientHttpRequestInterceptor {

	record Attempt(String method, String path, @Nullable String authScheme, Instant sent, Instant answered, int status) {
	}

	private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

	private volatile Consumer<Attempt> afterEach = attempt -> {
	};

	/** Runs after each answered attempt, before the adapter sees the answer (to switch a fault off, say). */
	Attempts afterEach(Consumer<Attempt> action) {
		this.afterEach = action;
		return this;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		String scheme = authorization == null ? null : authorization.split(" ", 2)[0];
		Instant sent = Instant.now();
		try {
			ClientHttpResponse response = execution.execute(request, body);
			Attempt attempt = new Attempt(request.getMethod().name(), request.getURI().getRawPath(), scheme, sent,
					Instant.now(), response.getStatusCode().value());
			attempts.add(attempt);
			afterEach.accept(attempt);
			return response;
		}
		catch (IOException noAnswer) {
			attempts.add(new Attempt(request.getMethod().name(), request.getURI().getRawPath(), scheme, sent,
					Instant.now(), 0));
			throw noAnswer;
		}
	}

	List<Attempt> all() {
		return List.copyOf(attempts);
	}

	List<Integer> statuses() {
		return attempts.stream().map(Attempt::status).toList();
	}

	/** From the answer of attempt {@code i} to the sending of the next one. */
	Duration pauseAfter(int i) {
		return Duration.between(attempts.get(i).answered(), attempts.get(i + 1).sent());
	}
}

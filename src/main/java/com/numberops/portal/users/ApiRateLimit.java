package com.numberops.portal.users;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.numberops.portal.system.ErrorDetail;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * The per-token rate limit of /api (Bucket4j): each token has a bucket of
 * {@code requests-per-minute} requests, refilled evenly over a minute, so a client may burst up to
 * the limit and then goes on at the refill rate. Past it: 429 with {@code Retry-After}, the
 * seconds until the next request is allowed. Requests from a signed-in browser session (Swagger
 * UI) are not counted: a person clicking is not the load this guards against.
 * <p>
 * The buckets live in this instance's memory: with several instances each grants the limit, and a
 * restart forgets the counts (issue 18 reviews per-instance state). One small bucket per token
 * used since the start, kept until the next: tokens are few (people make them by hand).
 */
final class ApiRateLimit extends OncePerRequestFilter {

	private final int perMinute;

	private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

	ApiRateLimit(int perMinute) {
		this.perMinute = perMinute;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof ApiTokenAuthentication token)) {
			chain.doFilter(request, response);
			return;
		}
		ConsumptionProbe probe = buckets.computeIfAbsent(token.tokenId(), id -> bucket()).tryConsumeAndReturnRemaining(1);
		response.setHeader("RateLimit-Limit", Integer.toString(perMinute));
		response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		ErrorDetail.explain(request, "Too many requests with this API token: at most " + perMinute
				+ " a minute. Try again in " + seconds + (seconds == 1 ? " second." : " seconds."));
		response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
	}

	private Bucket bucket() {
		return Bucket.builder()
			.addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
			.build();
	}
}

package com.numberops.portal.api.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.numberops.portal.api.IdempotencyKeys;
import com.numberops.portal.system.BodyReadAlready;
import com.numberops.portal.users.PortalPrincipal;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on every POST under /api, for every controller at once: a retry with the
 * same key (per user) gets the first answer again (status, Location, ETag, body, plus
 * {@code Idempotent-Replayed: true}) and changes nothing.
 *
 * <p>The whole request runs in one transaction that the controller's services join: the key is
 * claimed first (IdempotencyKeys, a row inserted under a primary key), the change is made, the
 * answer is recorded, and only then does the transaction commit and the client see the answer. So
 * the change and its remembered answer commit together, a duplicate sent meanwhile waits for that
 * commit and replays the answer, and a request that was refused (any answer that is not 2xx)
 * rolls back its claim along with whatever it did: the key stays free for a corrected request.
 *
 * <p>Refused here, before anything runs: a key that is empty, longer than {@value #KEY_MAX}
 * characters or not printable ASCII (400); the key of another request: another body, method or
 * address (422, as the IETF Idempotency-Key draft says).
 */
final class IdempotencyKeyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	static final int KEY_MAX = 255;

	/** The largest body kept to compare retries with; the API's own limit is far below it. */
	static final int BODY_MAX = 1024 * 1024;

	/** The headers of an answer a replay repeats; the rest are the container's or the security filters'. */
	private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG,
			HttpHeaders.CONTENT_LOCATION, HttpHeaders.RETRY_AFTER);

	private final IdempotencyKeys keys;

	private final PlatformTransactionManager transactions;

	private final JsonMapper json;

	IdempotencyKeyFilter(IdempotencyKeys keys, PlatformTransactionManager transactions, JsonMapper json) {
		this.keys = keys;
		this.transactions = transactions;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<String> sent = Collections.list(request.getHeaders(HEADER));
		String key = sent.get(0);
		if (sent.size() > 1 || !wellFormed(key)) {
			problem(request, response, HttpStatus.BAD_REQUEST, "The Idempotency-Key header must be sent once, with 1 to "
					+ KEY_MAX + " printable ASCII characters (a UUID is a good key). Nothing was changed.");
			return;
		}
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn == null || !(signedIn.getPrincipal() instanceof PortalPrincipal user)) {
			// nobody to keep the key for: the security rules answer such a request before it gets here
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(BODY_MAX + 1);
		if (body.length > BODY_MAX) {
			problem(request, response, HttpStatus.CONTENT_TOO_LARGE, "The request body is too large.");
			return;
		}
		String path = request.getRequestURI();
		byte[] digest = digest(request.getMethod(), path, body);
		TransactionStatus transaction = transactions.getTransaction(new DefaultTransactionDefinition());
		try {
			IdempotencyKeys.Claim claim = keys.claim(user.getUserId(), key, digest, request.getMethod(), path);
			if (claim instanceof IdempotencyKeys.Answered answered) {
				transactions.commit(transaction);
				replay(answered.answer(), response);
				return;
			}
			if (claim instanceof IdempotencyKeys.Unanswered) {
				transactions.rollback(transaction);
				problem(request, response, HttpStatus.CONFLICT, "A request with this Idempotency-Key is still being "
						+ "answered. Send it again in a moment to get its answer.");
				return;
			}
			if (claim instanceof IdempotencyKeys.OtherRequest other) {
				transactions.rollback(transaction);
				problem(request, response, HttpStatus.UNPROCESSABLE_CONTENT,
						"This Idempotency-Key was already used for another request (" + other.method() + " " + other.path()
								+ " with another body). Use a new key for a new request. Nothing was changed.");
				return;
			}
			ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
			chain.doFilter(new BodyReadAlready(request, body), answer);
			int status = answer.getStatus();
			if (!HttpStatusCode.valueOf(status).is2xxSuccessful() || answer.isCommitted()) {
				transactions.rollback(transaction);
				answer.copyBodyToResponse();
				return;
			}
			if (transaction.isRollbackOnly()) {
				// a service refused, and the controller still answered success: the refusal wins
				transactions.rollback(transaction);
				failed(request, answer);
				return;
			}
			keys.answer(user.getUserId(), key, new IdempotencyKeys.StoredAnswer(status, kept(answer),
					answer.getContentAsByteArray()));
			try {
				transactions.commit(transaction);
			}
			catch (RuntimeException notCommitted) {
				logger.warn("An idempotent request's transaction did not commit; nothing was changed", notCommitted);
				failed(request, answer);
				return;
			}
			answer.copyBodyToResponse();
		}
		catch (IOException | ServletException | RuntimeException | Error failure) {
			if (!transaction.isCompleted()) {
				transactions.rollback(transaction);
			}
			throw failure;
		}
	}

	private static boolean wellFormed(String key) {
		return !key.isEmpty() && key.length() <= KEY_MAX && key.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
	}

	/** Method, path and body, each length-prefixed so that no two requests give the same bytes. */
	static byte[] digest(String method, String path, byte[] body) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (byte[] part : List.of(method.getBytes(StandardCharsets.UTF_8), path.getBytes(StandardCharsets.UTF_8),
					body)) {
				sha.update(String.valueOf(part.length).getBytes(StandardCharsets.US_ASCII));
				sha.update((byte) ':');
				sha.update(part);
			}
			return sha.digest();
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private static Map<String, String> kept(ContentCachingResponseWrapper answer) {
		Map<String, String> headers = new LinkedHashMap<>();
		String type = answer.getContentType();
		if (type != null) {
			headers.put(HttpHeaders.CONTENT_TYPE, type);
		}
		for (String name : KEPT_HEADERS) {
			String value = answer.getHeader(name);
			if (value != null) {
				headers.put(name, value);
			}
		}
		return headers;
	}

	private static void replay(IdempotencyKeys.StoredAnswer answer, HttpServletResponse response) throws IOException {
		response.setStatus(answer.status());
		answer.headers().forEach(response::setHeader);
		response.setHeader(REPLAYED, "true");
		response.setContentLength(answer.body().length);
		response.getOutputStream().write(answer.body());
	}

	/** The change did not commit: the answer the controller wrote is not true, so it is replaced. */
	private void failed(HttpServletRequest request, ContentCachingResponseWrapper answer) throws IOException {
		// status, Location, ETag and body all go: none of them is true any more
		answer.reset();
		problem(request, answer, HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed and nothing was "
				+ "changed. Send it again with the same Idempotency-Key.");
		answer.copyBodyToResponse();
	}

	private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		byte[] bytes = json.writeValueAsBytes(problem);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}
}

package com.numberops.portal.users;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.numberops.portal.system.BodyReadAlready;
import com.numberops.portal.system.ErrorDetail;

/**
 * Request bodies to /api are small JSON documents: one larger than {@code portal.api.max-body-size}
 * (or its address's own limit, for those that take batches) is refused with 413 before anything
 * reads it, signed in or not. A declared length is checked as
 * it stands; a chunked body (no length) is read up to the limit here, so nothing past the limit is
 * ever parsed, and handed on from memory.
 */
final class ApiBodyLimit extends OncePerRequestFilter {

	private final ApiAccessProperties limits;

	ApiBodyLimit(ApiAccessProperties limits) {
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = limits.maxBodySize(request.getRequestURI().substring(request.getContextPath().length())).toBytes();
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			refuse(request, response, limit);
			return;
		}
		if (declared >= 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) limit + 1);
		if (body.length > limit) {
			refuse(request, response, limit);
			return;
		}
		chain.doFilter(new BodyReadAlready(request, body), response);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit)
			throws IOException {
		ErrorDetail.explain(request, "The request body is larger than the API takes: at most " + limit
				+ " bytes. Nothing was changed.");
		response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
	}
}

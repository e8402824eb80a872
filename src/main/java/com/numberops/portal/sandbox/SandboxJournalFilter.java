package com.numberops.portal.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/** Writes every sandbox request, reads included, into the {@link SandboxJournal}. */
class SandboxJournalFilter extends OncePerRequestFilter {

	private static final int MAX_BODY = 64 * 1024;

	private final SandboxJournal journal;

	private final Clock clock;

	SandboxJournalFilter(SandboxJournal journal, Clock clock) {
		this.journal = journal;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/sandbox/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingRequestWrapper cached = new ContentCachingRequestWrapper(request, MAX_BODY);
		try {
			chain.doFilter(cached, response);
		}
		finally {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			journal.record(new SandboxJournal.Entry(clock.instant(), request.getMethod(), path,
					new String(cached.getContentAsByteArray(), StandardCharsets.UTF_8), response.getStatus()));
		}
	}
}

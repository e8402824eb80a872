package com.numberops.portal.sandbox;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import tools.jackson.databind.json.JsonMapper;

/**
 * The "lost answer" fault: a request the {@link SandboxGate} marked is carried out as usual (its
 * change committed), then its answer is held back for the sandbox's hang time and dropped, so
 * the client never learns the outcome: it times out, or, when still listening, gets the 504 a
 * carrier's gateway would answer. Answers are buffered only while some endpoint may lose them,
 * so a healthy sandbox streams as before.
 */
class SandboxLostAnswerFilter extends OncePerRequestFilter {

	/** Request attribute the gate sets (to the {@link SandboxApi}) when this request's answer is to be lost. */
	static final String LOSE_ANSWER = SandboxLostAnswerFilter.class.getName() + ".api";

	private final SandboxFaults faults;

	private final SandboxProperties properties;

	private final JsonMapper json;

	SandboxLostAnswerFilter(SandboxFaults faults, SandboxProperties properties, JsonMapper json) {
		this.faults = faults;
		this.properties = properties;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/sandbox/") || !faults.losesAnswers();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, held);
		if (!(request.getAttribute(LOSE_ANSWER) instanceof SandboxApi api)) {
			held.copyBodyToResponse();
			return;
		}
		try {
			Thread.sleep(properties.hangFor().toMillis());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return;
		}
		response.reset();
		response.setStatus(504);
		response.setContentType(api.contentType());
		response.getOutputStream()
			.write(json.writeValueAsBytes(api.errorBody(504, "The sandbox carried this request out and then held "
					+ "its answer on purpose (lost-answer fault).")));
	}
}

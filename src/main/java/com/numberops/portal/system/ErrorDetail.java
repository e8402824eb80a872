package com.numberops.portal.system;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The words for an error answer, given by the code that refuses a request before it sends the
 * error ({@code response.sendError(status)}): the error answer ({@link ErrorAnswers}) shows them
 * instead of its own text for the status. Only for text written for the person (or the client's
 * developer), never a framework's or an exception's message, which may name internals.
 */
public final class ErrorDetail {

	private static final String ATTRIBUTE = ErrorDetail.class.getName();

	private ErrorDetail() {
	}

	/** Says why this request is refused; the error answer that follows shows it. */
	public static void explain(HttpServletRequest request, String detail) {
		request.setAttribute(ATTRIBUTE, detail);
	}

	static Optional<String> of(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) instanceof String detail && !detail.isBlank() ? Optional.of(detail)
				: Optional.empty();
	}
}

package com.numberops.portal.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What is a request to the JSON API: an address under {@code /api}, or the error dispatch of one.
 * The API's security chain is matched by it, and what a person changes through the API (with a
 * token or a session alike) is recorded as made through the API, not in the portal's pages.
 */
public final class ThroughTheApi {

	private ThroughTheApi() {
	}

	public static boolean request(HttpServletRequest request) {
		String path = request.getDispatcherType() == DispatcherType.ERROR
				&& request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed ? failed
						: request.getRequestURI();
		String api = request.getContextPath() + "/api";
		return path.equals(api) || path.startsWith(api + "/");
	}

	/** Whether the request this thread serves is one to the API; no request (a job): not. */
	public static boolean now() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return attributes instanceof ServletRequestAttributes servlet && request(servlet.getRequest());
	}
}

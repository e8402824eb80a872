package com.numberops.portal.system;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Whether the request this thread serves is one to the JSON API ({@code /api/…}, with a token or a
 * session alike), so that what a person changes through it is recorded as made through the API,
 * not in the portal's pages. No request (a job): not the API.
 */
public final class ThroughTheApi {

	static final String PREFIX = "/api/";

	private ThroughTheApi() {
	}

	public static boolean now() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			return false;
		}
		HttpServletRequest request = servlet.getRequest();
		return request.getRequestURI().startsWith(request.getContextPath() + PREFIX);
	}
}

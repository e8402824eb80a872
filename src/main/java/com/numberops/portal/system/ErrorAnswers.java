package com.numberops.portal.system;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error answer of the portal, whatever refused the request (Spring MVC, the servlet
 * container, Spring Security's firewall or access rules, a filter): the servlet container sends
 * them all to /error. A browser gets the portal's own page ({@code templates/error/<status>.html},
 * else {@code error/error.html}) in the layout, a client that asks for JSON gets problem details
 * (RFC 9457), and so does every client of the JSON API (/api), whatever it accepts. Takes the place of Spring Boot's BasicErrorController, whose HTML fell back to the
 * whitelabel page and whose JSON was a map of its own. Opened directly, /error is not a page: 404.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorAnswers implements ErrorController {

	private final List<ErrorViewResolver> templates;

	ErrorAnswers(List<ErrorViewResolver> templates) {
		this.templates = templates;
	}

	@RequestMapping
	Object answer(HttpServletRequest request) {
		HttpStatus status = status(request);
		String detail = detail(status, request);
		if (api(request) || AnswerFormat.prefersJson(request.getHeader(HttpHeaders.ACCEPT))) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
			problem.setInstance(requested(request));
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("status", status.value());
		model.put("error", status.getReasonPhrase());
		model.put("message", detail);
		for (ErrorViewResolver resolver : templates) {
			ModelAndView page = resolver.resolveErrorView(request, status, model);
			if (page != null) {
				page.setStatus(status);
				return page;
			}
		}
		return new ModelAndView("error/error", model, status);
	}

	/** A request to the JSON API: its clients read problem details, never a page (curl sends {@code *}{@code /*}). */
	private static boolean api(HttpServletRequest request) {
		String api = request.getContextPath() + "/api";
		return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path
				&& (path.equals(api) || path.startsWith(api + "/"));
	}

	/** The address that was refused (as sent, still encoded), not /error. */
	private static @Nullable URI requested(HttpServletRequest request) {
		if (!(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path)) {
			return null;
		}
		try {
			return URI.create(path);
		}
		catch (IllegalArgumentException notAUri) {
			return null;
		}
	}

	private static HttpStatus status(HttpServletRequest request) {
		if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
			return HttpStatus.NOT_FOUND;
		}
		HttpStatus status = HttpStatus.resolve(code);
		return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

	/**
	 * What to tell the person. Not signed in, not allowed, not found and the wrong method are said
	 * in the portal's words (the frameworks' are about their internals: "No static resource ...");
	 * another refusal says why when whoever refused it said so (a NUL, the firewall, a malformed
	 * parameter); a failure on our side never shows its message, which may name internals. Words
	 * the refusing code gave for the person ({@link ErrorDetail}) come first.
	 */
	static String detail(HttpStatus status, HttpServletRequest request) {
		Optional<String> explained = ErrorDetail.of(request);
		if (explained.isPresent()) {
			return explained.get();
		}
		switch (status) {
			case UNAUTHORIZED:
				return "Sign in first: this address needs a signed-in session.";
			case FORBIDDEN:
				return "Your role does not include this. If you need it, ask an admin.";
			case NOT_FOUND:
				return "This address does not exist, or what it pointed to is not yours to see.";
			case METHOD_NOT_ALLOWED:
				return "This address does not take " + request.getMethod() + " requests.";
			default:
				break;
		}
		if (!status.is4xxClientError()) {
			return "Something went wrong on our side, not in what you did. Try again; if it keeps happening, tell an admin.";
		}
		if (request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String message && !message.isBlank()
				&& !message.equalsIgnoreCase(status.getReasonPhrase())) {
			return message;
		}
		return status == HttpStatus.BAD_REQUEST
				? "The request could not be read: a parameter or a part of the address is malformed."
				: "That request could not be handled (" + status.getReasonPhrase() + ").";
	}
}

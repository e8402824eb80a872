package com.numberops.portal.sandbox.sinch;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxConditions;

/**
 * Renders refusals of the simulated Sinch in the body of the API that was called, found from the
 * path: seed 001's nested error under {@code /sandbox/sinch}, seed 000's flat one under
 * {@code /sandbox/sinch-imported}. An unexpected failure is Sinch's 500, not the portal's page.
 */
@RestControllerAdvice(assignableTypes = { SinchActiveNumbersController.class, SinchImportedNumbersController.class,
		SinchUnknownPaths.class })
@Conditional(SandboxConditions.Sinch.class)
class SinchSandboxErrors {

	private static final Logger log = LoggerFactory.getLogger(SinchSandboxErrors.class);

	@ExceptionHandler(SinchSandboxException.class)
	ResponseEntity<Map<String, Object>> refused(SinchSandboxException refusal, HttpServletRequest request) {
		return ResponseEntity.status(refusal.status())
			.contentType(MediaType.APPLICATION_JSON)
			.body(refusal.body(api(request)));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> failed(Exception failure, HttpServletRequest request) {
		log.error("Sinch sandbox failed on {} {}", request.getMethod(), request.getRequestURI(), failure);
		return ResponseEntity.status(500)
			.contentType(MediaType.APPLICATION_JSON)
			.body(api(request).errorBody(500, "Internal error"));
	}

	static SandboxApi api(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/sandbox/sinch-imported/") ? SandboxApi.SINCH_IMPORTED : SandboxApi.SINCH;
	}
}

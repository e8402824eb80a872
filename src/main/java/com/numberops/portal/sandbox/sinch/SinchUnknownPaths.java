package com.numberops.portal.sandbox.sinch;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.numberops.portal.sandbox.SandboxConditions;

/**
 * Any path or method the simulated Sinch APIs do not have: Sinch's 404 in the called API's body,
 * not the portal's error page. Reached only with valid credentials (SandboxGate checks them first,
 * as Sinch does); every real endpoint's mapping is more specific and wins.
 */
@RestController
@RequestMapping({ "/sandbox/sinch/**", "/sandbox/sinch-imported/**" })
@Conditional(SandboxConditions.Sinch.class)
class SinchUnknownPaths {

	@RequestMapping
	Map<String, Object> unknown(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		throw SinchSandboxException.notFound("Path", path,
				"No such endpoint: " + request.getMethod() + " " + path);
	}
}

package com.numberops.portal.sandbox.flowroute;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.numberops.portal.sandbox.SandboxConditions;

import tools.jackson.databind.node.ObjectNode;

/**
 * Any path or method the simulated Flowroute does not have: Flowroute's 404 {@code errors} body,
 * not the portal's error page. Reached only with valid credentials (SandboxGate checks them
 * first, as Flowroute does); every real endpoint's mapping is more specific and wins.
 */
@RestController
@RequestMapping("/sandbox/flowroute/**")
@Conditional(SandboxConditions.Flowroute.class)
class FlowrouteUnknownPaths {

	@RequestMapping
	ResponseEntity<ObjectNode> unknown(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return ResponseEntity.status(404)
			.contentType(FlowrouteSandboxController.JSON_API)
			.body(FlowrouteDocuments.errors(404, "Not Found", "No such endpoint: " + request.getMethod() + " " + path));
	}
}

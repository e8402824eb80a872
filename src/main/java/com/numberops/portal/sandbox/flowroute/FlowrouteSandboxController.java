package com.numberops.portal.sandbox.flowroute;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxConditions;
import com.numberops.portal.sandbox.SandboxEndpoint;

import tools.jackson.databind.node.ObjectNode;

/**
 * Flowroute v2 over HTTP at {@code /sandbox/flowroute}. Thin on purpose: the rules are in
 * {@link FlowrouteSandbox}; SandboxGate has checked Basic auth and applied faults before any of
 * these run. Parameters and the PATCH body arrive raw so that every refusal, even of a malformed
 * request, is answered in Flowroute's own error body rather than Spring's.
 */
@RestController
@RequestMapping("/sandbox/flowroute/v2")
@Conditional(SandboxConditions.Flowroute.class)
class FlowrouteSandboxController {

	static final MediaType JSON_API = MediaType.parseMediaType("application/vnd.api+json");

	private final FlowrouteSandbox sandbox;

	FlowrouteSandboxController(FlowrouteSandbox sandbox) {
		this.sandbox = sandbox;
	}

	@GetMapping("/numbers")
	@SandboxEndpoint(api = SandboxApi.FLOWROUTE, value = "list")
	ResponseEntity<ObjectNode> list(@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String offset,
			@RequestParam(name = "starts_with", required = false) @Nullable String startsWith,
			@RequestParam(required = false) @Nullable String contains,
			@RequestParam(name = "ends_with", required = false) @Nullable String endsWith, HttpServletRequest request) {
		return ok(sandbox.list(base(request), limit, offset, startsWith, contains, endsWith));
	}

	@GetMapping("/numbers/available")
	@SandboxEndpoint(api = SandboxApi.FLOWROUTE, value = "available")
	ResponseEntity<ObjectNode> available(@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String offset,
			@RequestParam(name = "starts_with", required = false) @Nullable String startsWith,
			@RequestParam(required = false) @Nullable String contains,
			@RequestParam(name = "ends_with", required = false) @Nullable String endsWith,
			@RequestParam(name = "rate_center", required = false) @Nullable String rateCenter,
			@RequestParam(required = false) @Nullable String state, HttpServletRequest request) {
		return ok(sandbox.available(base(request), limit, offset, startsWith, contains, endsWith, rateCenter, state));
	}

	@PostMapping("/numbers/{id}")
	@SandboxEndpoint(api = SandboxApi.FLOWROUTE, value = "purchase")
	ResponseEntity<ObjectNode> purchase(@PathVariable String id, HttpServletRequest request) {
		return ResponseEntity.status(201).contentType(JSON_API).body(sandbox.purchase(base(request), id));
	}

	@GetMapping("/numbers/{id}")
	@SandboxEndpoint(api = SandboxApi.FLOWROUTE, value = "get")
	ResponseEntity<ObjectNode> get(@PathVariable String id, HttpServletRequest request) {
		return ok(sandbox.get(base(request), id));
	}

	@PatchMapping("/numbers/{id}")
	@SandboxEndpoint(api = SandboxApi.FLOWROUTE, value = "patch")
	ResponseEntity<ObjectNode> patch(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
			@RequestBody(required = false) byte @Nullable [] body, HttpServletRequest request) {
		FlowrouteSandbox.Answer answer = sandbox.patch(base(request), id, contentType, body);
		return ResponseEntity.status(answer.status()).contentType(JSON_API).body(answer.body());
	}

	@DeleteMapping("/numbers/{id}")
	@SandboxEndpoint(api = SandboxApi.FLOWROUTE, value = "delete")
	ResponseEntity<Void> delete(@PathVariable String id) {
		sandbox.release(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/message-provision/status/{id}")
	@SandboxEndpoint(api = SandboxApi.FLOWROUTE, value = "provisioning")
	ResponseEntity<ObjectNode> provisioningStatus(@PathVariable String id, HttpServletRequest request) {
		return ok(sandbox.provisioningStatus(base(request), id));
	}

	@ExceptionHandler(FlowrouteSandboxError.class)
	ResponseEntity<ObjectNode> refused(FlowrouteSandboxError error) {
		return ResponseEntity.status(error.status())
			.contentType(JSON_API)
			.body(FlowrouteDocuments.errors(error.status(), error.title(), error.detail()));
	}

	private static ResponseEntity<ObjectNode> ok(ObjectNode document) {
		return ResponseEntity.ok().contentType(JSON_API).body(document);
	}

	/** Links point back at the sandbox as the client reached it, as Flowroute's point at api.flowroute.com. */
	private static String base(HttpServletRequest request) {
		return ServletUriComponentsBuilder.fromContextPath(request).path("/sandbox/flowroute").build().toUriString();
	}
}

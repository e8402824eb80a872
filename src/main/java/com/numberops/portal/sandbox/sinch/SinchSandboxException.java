package com.numberops.portal.sandbox.sinch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxApi.FieldViolation;

/**
 * A refusal of the simulated Sinch API, rendered by {@link SinchSandboxErrors} in the error body
 * of the API that was called (active numbers: nested with details; imported numbers: flat).
 */
final class SinchSandboxException extends RuntimeException {

	private final int status;

	private final List<FieldViolation> violations;

	private final @Nullable Map<String, Object> resourceInfo;

	private SinchSandboxException(int status, String message, List<FieldViolation> violations,
			@Nullable Map<String, Object> resourceInfo) {
		super(message, null, false, false);
		this.status = status;
		this.violations = List.copyOf(violations);
		this.resourceInfo = resourceInfo;
	}

	static SinchSandboxException invalid(List<FieldViolation> violations) {
		String message = violations.stream()
			.map(v -> v.field() + ": " + v.description())
			.collect(Collectors.joining("; "));
		return new SinchSandboxException(400, message, violations, null);
	}

	static SinchSandboxException invalid(String field, String description) {
		return invalid(List.of(new FieldViolation(field, description)));
	}

	/** A body that is not JSON at all: no field to point at. */
	static SinchSandboxException malformed(String message) {
		return new SinchSandboxException(400, message, List.of(), null);
	}

	/** 404 with the seed's ResourceInfo detail (resourceType, resourceName, owner, description). */
	static SinchSandboxException notFound(String resourceType, String resourceName, String message) {
		Map<String, Object> info = new LinkedHashMap<>();
		info.put("type", "ResourceInfo");
		info.put("resourceType", resourceType);
		info.put("resourceName", resourceName);
		info.put("owner", "");
		info.put("description", message);
		return new SinchSandboxException(404, message, List.of(), info);
	}

	static SinchSandboxException alreadyExists(String message) {
		return new SinchSandboxException(409, message, List.of(), null);
	}

	int status() {
		return status;
	}

	List<FieldViolation> violations() {
		return violations;
	}

	/** The body of {@code api}: seed 001's nested error for active numbers, seed 000's flat one for imported. */
	Map<String, Object> body(SandboxApi api) {
		if (api == SandboxApi.SINCH) {
			return api.errorBody(status, getMessage(), violations, resourceInfo);
		}
		return api.errorBody(status, getMessage());
	}
}

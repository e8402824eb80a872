package com.numberops.portal.sandbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The simulated carrier APIs, each with its own error body, exactly as its seed document shows:
 * Sinch active numbers (seed 001/002), Sinch imported numbers (seed 000), Flowroute v2 (seed 004).
 */
public enum SandboxApi {

	SINCH, SINCH_IMPORTED, FLOWROUTE;

	/** A field violation of a Sinch 400 INVALID_ARGUMENT answer. */
	public record FieldViolation(String field, String description) {
	}

	/** The canonical Google-style status names Sinch uses for each HTTP status. */
	static String sinchStatus(int httpStatus) {
		return switch (httpStatus) {
			case 400 -> "INVALID_ARGUMENT";
			case 401 -> "UNAUTHENTICATED";
			case 403 -> "PERMISSION_DENIED";
			case 404 -> "NOT_FOUND";
			case 409 -> "ALREADY_EXISTS";
			case 429 -> "RESOURCE_EXHAUSTED";
			case 503 -> "UNAVAILABLE";
			default -> httpStatus >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
		};
	}

	static String flowrouteTitle(int httpStatus) {
		return switch (httpStatus) {
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 422 -> "Unprocessable Entity";
			case 429 -> "Too Many Requests";
			default -> httpStatus >= 500 ? "Internal Server Error" : "Error";
		};
	}

	/** The error body this API answers with, for any status. */
	public Map<String, Object> errorBody(int httpStatus, String message) {
		return errorBody(httpStatus, message, List.of(), null);
	}

	public Map<String, Object> errorBody(int httpStatus, String message, List<FieldViolation> violations,
			@Nullable Map<String, Object> notFoundDetail) {
		return switch (this) {
			case SINCH -> {
				List<Object> details;
				if (!violations.isEmpty()) {
					details = List.of(Map.of("type", "BadRequest", "fieldViolations",
							violations.stream().map(v -> Map.of("field", v.field(), "description", v.description())).toList()));
				}
				else if (notFoundDetail != null) {
					details = List.of(notFoundDetail);
				}
				else {
					details = List.of();
				}
				yield Map.of("error", Map.of("code", httpStatus, "message", message, "status", sinchStatus(httpStatus),
						"details", details));
			}
			// seed 000: a flat object whose code is a string
			case SINCH_IMPORTED -> Map.of("code", String.valueOf(httpStatus), "message", message, "status",
					sinchStatus(httpStatus));
			case FLOWROUTE -> Map.of("errors", List.of(Map.of("detail", message, "id", UUID.randomUUID().toString(),
					"status", httpStatus, "title", flowrouteTitle(httpStatus))));
		};
	}

	/** The endpoint names faults can be switched on for ({@link SandboxEndpoint#value()}). */
	public List<String> endpoints() {
		return switch (this) {
			case SINCH -> List.of("list", "get", "patch", "release", "available", "rent", "regions", "token");
			case SINCH_IMPORTED -> List.of("list", "get", "patch");
			case FLOWROUTE -> List.of("list", "get", "patch", "delete", "provisioning", "available", "purchase");
		};
	}

	/** Where the API is served, e.g. {@code /sandbox/sinch}: every path under it belongs to it. */
	public String root() {
		return switch (this) {
			case SINCH -> "/sandbox/sinch";
			case SINCH_IMPORTED -> "/sandbox/sinch-imported";
			case FLOWROUTE -> "/sandbox/flowroute";
		};
	}

	/** The API whose root holds the path (within the portal's context path), or null. */
	public static @Nullable SandboxApi servingPath(String path) {
		for (SandboxApi api : values()) {
			if (path.equals(api.root()) || path.startsWith(api.root() + "/")) {
				return api;
			}
		}
		return null;
	}

	public String contentType() {
		return this == FLOWROUTE ? "application/vnd.api+json" : "application/json";
	}
}

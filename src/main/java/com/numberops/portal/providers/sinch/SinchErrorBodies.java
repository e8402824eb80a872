package com.numberops.portal.providers.sinch;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.providers.http.CarrierErrors.CodeAndMessage;

import tools.jackson.databind.JsonNode;

/**
 * The two Sinch error bodies, read into the provider's code and message. Active numbers (seed
 * 001) nest them: {@code {"error": {"code": 400, "message", "status": "INVALID_ARGUMENT",
 * "details": [{"type": "BadRequest", "fieldViolations": [{field, description}]}]}}}; the field
 * violations say what was wrong, so they are kept in the message. Imported numbers (seed 000)
 * answer flat: {@code {"code": "404", "message", "status": "NOT_FOUND"}}. The provider code is
 * the status name in both, so callers can tell INVALID_ARGUMENT from NOT_FOUND whatever the API.
 * A body of another shape gives null, and CarrierErrors falls back to the HTTP status.
 */
final class SinchErrorBodies {

	private SinchErrorBodies() {
	}

	static @Nullable CodeAndMessage active(JsonNode body) {
		JsonNode error = body.get("error");
		if (error == null || !error.isObject()) {
			return null;
		}
		String code = codeOf(error);
		if (code == null) {
			return null;
		}
		List<String> violations = new ArrayList<>();
		for (JsonNode detail : error.path("details")) {
			for (JsonNode violation : detail.path("fieldViolations")) {
				String field = text(violation, "field");
				String description = text(violation, "description");
				if (field != null || description != null) {
					violations.add((field == null ? "" : field + ": ") + (description == null ? "" : description));
				}
			}
		}
		String message = orEmpty(text(error, "message"));
		String said = message;
		// a message that already spells out a violation does not need it twice
		List<String> unsaid = violations.stream().filter(violation -> !said.contains(violation)).toList();
		if (!unsaid.isEmpty()) {
			String listed = String.join("; ", unsaid);
			message = message.isBlank() ? listed : message + " (" + listed + ")";
		}
		return new CodeAndMessage(code, message.isBlank() ? code : message);
	}

	static @Nullable CodeAndMessage imported(JsonNode body) {
		if (!body.isObject()) {
			return null;
		}
		String code = codeOf(body);
		if (code == null) {
			return null;
		}
		String message = orEmpty(text(body, "message"));
		return new CodeAndMessage(code, message.isBlank() ? code : message);
	}

	/** The status name (NOT_FOUND), else the numeric code as HTTP_404, else null: not a Sinch error. */
	private static @Nullable String codeOf(JsonNode error) {
		String status = text(error, "status");
		if (status != null && !status.isBlank()) {
			return status;
		}
		String code = text(error, "code");
		return code == null || code.isBlank() ? null : "HTTP_" + code;
	}

	/** A scalar's text (numbers too: the active API's code is an integer, the imported one's a string). */
	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || !value.isValueNode() || value.isNull() ? null : value.asString();
	}

	private static String orEmpty(@Nullable String text) {
		return text == null ? "" : text.strip();
	}
}

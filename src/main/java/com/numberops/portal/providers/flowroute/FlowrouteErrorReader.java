package com.numberops.portal.providers.flowroute;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.providers.http.CarrierErrors;
import com.numberops.portal.providers.http.CarrierErrors.CodeAndMessage;

import tools.jackson.databind.JsonNode;

/**
 * Reads Flowroute's error body, {@code {"errors": [{status, title, detail, id}]}} (seed 004):
 * the first error's title is the code ("Unauthorized", "ActionNotAuthorizedError"), and the
 * message is each error's detail, or its title where the detail is empty (the seed's 403 has
 * {@code "detail": ""}).
 */
final class FlowrouteErrorReader implements CarrierErrors.BodyReader {

	@Override
	public @Nullable CodeAndMessage read(JsonNode body) {
		return fromArray(body.path("errors"));
	}

	/** From the errors array itself (also found next to "data" in a 207). */
	static @Nullable CodeAndMessage readErrors(@Nullable JsonNode errors) {
		return errors == null ? null : fromArray(errors);
	}

	private static @Nullable CodeAndMessage fromArray(JsonNode errors) {
		if (!errors.isArray() || errors.isEmpty()) {
			return null;
		}
		String code = null;
		List<String> messages = new ArrayList<>();
		for (JsonNode error : errors) {
			String title = text(error, "title");
			String detail = text(error, "detail");
			if (code == null && title != null) {
				code = title;
			}
			String message = detail != null ? detail : title;
			if (message != null && !messages.contains(message)) {
				messages.add(message);
			}
		}
		if (messages.isEmpty()) {
			return null;
		}
		if (code == null) {
			// no title anywhere: the error's own status is the next best code
			String status = text(errors.get(0), "status");
			code = status != null ? "HTTP_" + status : "ERROR";
		}
		return new CodeAndMessage(code, String.join("; ", messages));
	}

	/** A non-blank string or number member, else null. */
	static @Nullable String text(JsonNode node, String member) {
		JsonNode value = node.path(member);
		if (!(value.isString() || value.isNumber())) {
			return null;
		}
		String text = value.asString().strip();
		return text.isEmpty() ? null : text;
	}
}

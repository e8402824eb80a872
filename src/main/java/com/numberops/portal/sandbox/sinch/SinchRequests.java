package com.numberops.portal.sandbox.sinch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.sandbox.SandboxApi.FieldViolation;
import com.numberops.portal.system.NulCharacters;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads PATCH and {@code :rent} bodies the way the real API does: JSON objects with the seed's
 * field names; anything that is not JSON is a 400; a field the resource does not have is a 400
 * (so a misspelt field name in a client shows up in contract tests instead of being ignored);
 * read-only fields of the resource are accepted and ignored, as Sinch's gateway does; JSON null
 * means "not sent"; a NUL character in any name or string is a 400 with that field.
 */
final class SinchRequests {

	/** The body shapes, with their writable fields and the read-only ones that are ignored. */
	enum Shape {

		/** Seed 001 PATCH active number. */
		ACTIVE_PATCH(Set.of("displayName", "smsConfiguration", "voiceConfiguration", "callbackUrl"),
				Set.of("phoneNumber", "projectId", "regionCode", "type", "capability", "money", "paymentIntervalMonths",
						"nextChargeDate", "expireAt")),

		/** Seed 000 PATCH imported number (its request lists phoneNumber, projectId, regionCode too). */
		IMPORTED_PATCH(Set.of("displayName", "smsConfiguration", "callbackUrl"),
				Set.of("phoneNumber", "projectId", "regionCode")),

		/** Seed 002 RentNumberRequest. */
		RENT(Set.of("smsConfiguration", "voiceConfiguration"), Set.of());

		final Set<String> writable;

		final Set<String> readOnly;

		Shape(Set<String> writable, Set<String> readOnly) {
			this.writable = writable;
			this.readOnly = readOnly;
		}
	}

	private static final Set<String> SMS_FIELDS = Set.of("servicePlanId", "campaignId");

	private static final Set<String> SMS_READ_ONLY = Set.of("scheduledProvisioning", "migrateToSinchTmo");

	private static final Set<String> VOICE_FIELDS = Set.of("appId");

	private static final Set<String> VOICE_READ_ONLY = Set.of("scheduledVoiceProvisioning", "lastUpdatedTime");

	private final ObjectReader reader;

	SinchRequests(JsonMapper json) {
		this.reader = json.reader()
			.with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
	}

	/** An empty body reads as {@code {}}, as the real gateway treats it. */
	SinchChangeRequest read(@Nullable String body, Shape shape) {
		if (body == null || body.isBlank()) {
			return new SinchChangeRequest(null, null, null, null);
		}
		JsonNode root;
		try {
			root = reader.readTree(body);
		}
		catch (JacksonException notJson) {
			// the parser's own message names internals; the position is what a client can act on
			var where = notJson.getLocation();
			throw SinchSandboxException.malformed("Invalid JSON payload received"
					+ (where == null ? "." : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")."));
		}
		if (root == null || !root.isObject()) {
			throw SinchSandboxException.malformed("Invalid JSON payload received: the body must be a JSON object");
		}
		String withNul = NulCharacters.fieldWithNul(root);
		if (withNul != null) {
			throw SinchSandboxException.invalid(withNul, withNul + " must not contain a NUL character (U+0000)");
		}
		List<FieldViolation> violations = new ArrayList<>();
		unknownFields(root, "", shape.writable, shape.readOnly, violations);
		String displayName = string(root, "displayName", "displayName", violations);
		String callbackUrl = string(root, "callbackUrl", "callbackUrl", violations);
		SinchChangeRequest.Sms sms = null;
		JsonNode smsNode = object(root, "smsConfiguration", violations);
		if (smsNode != null && shape.writable.contains("smsConfiguration")) {
			unknownFields(smsNode, "smsConfiguration.", SMS_FIELDS, SMS_READ_ONLY, violations);
			sms = new SinchChangeRequest.Sms(
					string(smsNode, "servicePlanId", "smsConfiguration.servicePlanId", violations),
					string(smsNode, "campaignId", "smsConfiguration.campaignId", violations));
		}
		SinchChangeRequest.Voice voice = null;
		JsonNode voiceNode = object(root, "voiceConfiguration", violations);
		if (voiceNode != null && shape.writable.contains("voiceConfiguration")) {
			unknownFields(voiceNode, "voiceConfiguration.", VOICE_FIELDS, VOICE_READ_ONLY, violations);
			voice = new SinchChangeRequest.Voice(string(voiceNode, "appId", "voiceConfiguration.appId", violations));
		}
		SinchRules.throwIfAny(violations);
		return new SinchChangeRequest(displayName, sms, voice, callbackUrl);
	}

	private static void unknownFields(JsonNode node, String prefix, Set<String> writable, Set<String> readOnly,
			List<FieldViolation> violations) {
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			if (!writable.contains(field.getKey()) && !readOnly.contains(field.getKey())) {
				violations.add(new FieldViolation(prefix + field.getKey(), "Unknown field " + prefix + field.getKey()));
			}
		}
	}

	private static @Nullable String string(JsonNode node, String name, String field, List<FieldViolation> violations) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			violations.add(new FieldViolation(field, field + " must be a string"));
			return null;
		}
		return value.stringValue();
	}

	private static @Nullable JsonNode object(JsonNode node, String name, List<FieldViolation> violations) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			violations.add(new FieldViolation(name, name + " must be an object"));
			return null;
		}
		return value;
	}
}

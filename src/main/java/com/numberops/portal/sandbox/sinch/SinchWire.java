package com.numberops.portal.sandbox.sinch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The response bodies, written field by field from the seeds (not from the adapters' types, so
 * that a misreading on either side shows up in the contract tests). Like Sinch's gateway, every
 * field is present: unset strings as {@code ""}, unset objects and timestamps as {@code null}.
 * Timestamps are ISO-8601 UTC with milliseconds.
 */
final class SinchWire {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	/** Seed 000 types the imported job's status as an integer: the enum's position in seed 001. */
	private static final List<String> PROVISIONING_STATUSES = List.of("PROVISIONING_STATUS_UNSPECIFIED",
			"WAITING", "IN_PROGRESS", "FAILED");

	private SinchWire() {
	}

	static @Nullable String timestamp(@Nullable Instant instant) {
		return instant == null ? null : TIMESTAMP.format(instant);
	}

	static Map<String, Object> money(String currency, BigDecimal amount) {
		Map<String, Object> money = new LinkedHashMap<>();
		money.put("currencyCode", currency);
		money.put("amount", amount.setScale(2, RoundingMode.HALF_UP).toPlainString());
		return money;
	}

	/** Seed 002 ActiveNumberResponse (+ callbackUrl, seed 001). */
	static Map<String, Object> activeNumber(SinchNumber number) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("phoneNumber", number.phoneNumber());
		body.put("projectId", number.projectId());
		body.put("displayName", orEmpty(number.displayName()));
		body.put("regionCode", number.regionCode());
		body.put("type", number.type());
		body.put("capability", number.capabilities());
		body.put("money", money(number.currency(), number.amount()));
		body.put("paymentIntervalMonths", number.paymentIntervalMonths());
		body.put("nextChargeDate", timestamp(number.nextChargeDate()));
		body.put("expireAt", timestamp(number.expireAt()));
		Map<String, Object> sms = new LinkedHashMap<>();
		sms.put("servicePlanId", number.servicePlanId());
		sms.put("scheduledProvisioning", smsJob(number.smsJob(), false));
		sms.put("campaignId", number.campaignId());
		body.put("smsConfiguration", sms);
		Map<String, Object> voice = new LinkedHashMap<>();
		voice.put("appId", number.voiceAppId());
		voice.put("scheduledVoiceProvisioning", voiceJob(number.voiceJob()));
		voice.put("lastUpdatedTime", timestamp(number.voiceLastUpdated()));
		body.put("voiceConfiguration", voice);
		body.put("callbackUrl", orEmpty(number.callbackUrl()));
		return body;
	}

	/** Seed 000's imported number response. */
	static Map<String, Object> importedNumber(SinchNumber number) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("phoneNumber", number.phoneNumber());
		body.put("projectId", number.projectId());
		body.put("regionCode", number.regionCode());
		body.put("displayName", orEmpty(number.displayName()));
		Map<String, Object> sms = new LinkedHashMap<>();
		sms.put("servicePlanId", number.servicePlanId());
		sms.put("scheduledProvisioning", smsJob(number.smsJob(), true));
		sms.put("campaignId", number.campaignId());
		sms.put("migrateToSinchTmo", number.migrateToSinchTmo());
		body.put("smsConfiguration", sms);
		body.put("callbackUrl", orEmpty(number.callbackUrl()));
		return body;
	}

	private static @Nullable Map<String, Object> smsJob(SinchNumber.@Nullable SmsJob job, boolean numericStatus) {
		if (job == null) {
			return null;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("servicePlanId", job.servicePlanId());
		body.put("campaignId", job.campaignId());
		body.put("status", numericStatus ? PROVISIONING_STATUSES.indexOf(job.status()) : job.status());
		body.put("lastUpdatedTime", timestamp(job.lastUpdated()));
		body.put("errorCodes", job.errorCodes());
		return body;
	}

	private static @Nullable Map<String, Object> voiceJob(SinchNumber.@Nullable VoiceJob job) {
		if (job == null) {
			return null;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("appId", job.appId());
		body.put("status", job.status());
		body.put("lastUpdatedTime", timestamp(job.lastUpdated()));
		return body;
	}

	/** Seed 002 AvailableNumber. */
	static Map<String, Object> availableNumber(AvailableNumber number) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("phoneNumber", number.phoneNumber());
		body.put("regionCode", number.regionCode());
		body.put("type", number.type());
		body.put("capability", number.capabilities());
		body.put("setupPrice", money(number.currency(), number.setupAmount()));
		body.put("monthlyPrice", money(number.currency(), number.monthlyAmount()));
		body.put("paymentIntervalMonths", number.paymentIntervalMonths());
		body.put("supportingDocumentationRequired", number.supportingDocumentationRequired());
		return body;
	}

	/** A list page: {@code items} under {@code listName}, then nextPageToken ("" on the last page) and totalSize. */
	static Map<String, Object> page(String listName, List<Map<String, Object>> items, @Nullable PageToken next,
			long totalSize) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put(listName, items);
		body.put("nextPageToken", next == null ? "" : next.encode());
		body.put("totalSize", totalSize);
		return body;
	}

	static Map<String, Object> regions(List<SinchRules.Region> regions) {
		return Map.of("availableRegions", regions.stream().map(region -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("regionCode", region.regionCode());
			body.put("regionName", region.regionName());
			body.put("types", region.types());
			return body;
		}).toList());
	}

	/**
	 * A Sinch number callback (provisioning / deprovisioning event), the fields of Sinch's
	 * callback payload: eventId, timestamp, projectId, resourceId, resourceType, eventType,
	 * status, failureCode.
	 */
	static Map<String, Object> callback(String eventId, Instant at, SinchNumber.Kind kind, String projectId,
			String phoneNumber, SinchRules.Event event) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("eventId", eventId);
		body.put("timestamp", timestamp(at));
		body.put("projectId", projectId);
		body.put("resourceId", phoneNumber);
		body.put("resourceType", kind == SinchNumber.Kind.ACTIVE ? "ACTIVE_NUMBER" : "IMPORTED_NUMBER");
		body.put("eventType", event.eventType());
		body.put("status", event.succeeded() ? "SUCCEEDED" : "FAILED");
		body.put("failureCode", event.failureCode());
		return body;
	}

	private static String orEmpty(@Nullable String value) {
		return value == null ? "" : value;
	}
}

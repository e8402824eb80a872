package com.numberops.portal.providers.sinch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.numberops.portal.providers.NumberPage;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProviderNumber;
import com.numberops.portal.providers.ProvisioningState;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Sinch answers: first into records shaped like the wire (seed 002's ActiveNumberResponse,
 * seed 000's imported number, which is a subset of it plus {@code migrateToSinchTmo}), then into
 * the provider-neutral {@link ProviderNumber}, keeping the raw tree. A type mismatch surfaces as
 * Jackson's exception, missing identity or an unreadable amount or date as {@link Unreadable};
 * both become MALFORMED_RESPONSE in {@link SinchCalls}.
 */
final class SinchJson {

	/** Seed 001's provisioning status enum, by position: seed 000 documents the status as an integer. */
	private static final List<String> PROVISIONING_STATUSES = List.of("PROVISIONING_STATUS_UNSPECIFIED", "WAITING",
			"IN_PROGRESS", "FAILED");

	private SinchJson() {
	}

	/** An answer that parsed as JSON but is not the documented shape. */
	static final class Unreadable extends IllegalArgumentException {

		Unreadable(String message) {
			super(message);
		}

		Unreadable(String message, Throwable cause) {
			super(message, cause);
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record NumberResource(@Nullable String phoneNumber, @Nullable String projectId, @Nullable String displayName,
			@Nullable String regionCode, @Nullable String type, @Nullable List<String> capability,
			@Nullable Money money, @Nullable Integer paymentIntervalMonths, @Nullable String nextChargeDate,
			@Nullable String expireAt, @Nullable Sms smsConfiguration, @Nullable Voice voiceConfiguration,
			@Nullable String callbackUrl) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Money(@Nullable String currencyCode, @Nullable String amount) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Sms(@Nullable String servicePlanId, @Nullable String campaignId,
			@Nullable SmsProvisioning scheduledProvisioning, @Nullable Boolean migrateToSinchTmo) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record SmsProvisioning(@Nullable String servicePlanId, @Nullable String campaignId, @Nullable String status,
			@Nullable String lastUpdatedTime, @Nullable List<String> errorCodes) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Voice(@Nullable String appId, @Nullable String lastUpdatedTime,
			@Nullable VoiceProvisioning scheduledVoiceProvisioning) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record VoiceProvisioning(@Nullable String appId, @Nullable String status, @Nullable String lastUpdatedTime) {
	}

	/**
	 * One page of a listing: {@code listField} ("activeNumbers" or "importedNumbers") may be
	 * missing when the page is empty (Sinch leaves out empty fields), and an empty
	 * {@code nextPageToken} means this was the last page.
	 */
	static NumberPage page(ProviderKind kind, @Nullable JsonNode body, String listField, JsonMapper json) {
		JsonNode page = object(body, "a page of numbers");
		JsonNode items = page.get(listField);
		List<ProviderNumber> numbers = new ArrayList<>();
		if (items != null && !items.isNull()) {
			if (!items.isArray()) {
				throw new Unreadable("\"" + listField + "\" is not a list");
			}
			for (JsonNode item : items) {
				numbers.add(number(kind, item, json));
			}
		}
		String next = SinchErrorBodies.text(page, "nextPageToken");
		return new NumberPage(numbers, next == null || next.isEmpty() ? null : next, totalSize(page));
	}

	static ProviderNumber number(ProviderKind kind, @Nullable JsonNode body, JsonMapper json) {
		JsonNode raw = object(body, "a number");
		NumberResource number = json.treeToValue(raw, NumberResource.class);
		if (number.phoneNumber() == null || number.phoneNumber().isBlank()) {
			throw new Unreadable("a number without phoneNumber");
		}
		Money money = number.money();
		Sms sms = number.smsConfiguration();
		Voice voice = number.voiceConfiguration();
		return new ProviderNumber(kind, number.phoneNumber(), number.phoneNumber(), blankToNull(number.displayName()),
				blankToNull(number.regionCode()), blankToNull(number.type()), capabilities(kind, number.capability()),
				money == null ? null : amount(money.amount()), money == null ? null : blankToNull(money.currencyCode()),
				number.paymentIntervalMonths(), instant(number.nextChargeDate()), instant(number.expireAt()),
				sms == null ? null : blankToNull(sms.servicePlanId()), sms == null ? null : blankToNull(sms.campaignId()),
				sms == null ? null : provisioning(sms.scheduledProvisioning()),
				voice == null ? null : blankToNull(voice.appId()),
				voice == null ? null : provisioning(voice.scheduledVoiceProvisioning()), null, null, null, null, null,
				raw);
	}

	/**
	 * Imported numbers exist at Sinch only to send SMS (their answer has no capability list), so
	 * they are SMS-capable unless the answer says otherwise.
	 */
	private static Set<String> capabilities(ProviderKind kind, @Nullable List<String> capability) {
		if (capability == null) {
			return kind == ProviderKind.SINCH_IMPORTED ? Set.of("SMS") : Set.of();
		}
		Set<String> capabilities = new LinkedHashSet<>();
		for (String each : capability) {
			if (each != null && !each.isBlank()) {
				capabilities.add(each);
			}
		}
		return capabilities;
	}

	/** A job that succeeded is no longer reported; an empty or UNSPECIFIED one is no job either. */
	static @Nullable ProvisioningState provisioning(@Nullable SmsProvisioning job) {
		if (job == null) {
			return null;
		}
		String status = status(job.status());
		if (status == null) {
			return null;
		}
		return new ProvisioningState(status, blankToNull(job.servicePlanId()), blankToNull(job.campaignId()), null,
				job.errorCodes() == null ? List.of() : job.errorCodes().stream().filter(code -> code != null).toList(),
				instant(job.lastUpdatedTime()));
	}

	static @Nullable ProvisioningState provisioning(@Nullable VoiceProvisioning job) {
		if (job == null) {
			return null;
		}
		String status = status(job.status());
		if (status == null) {
			return null;
		}
		return new ProvisioningState(status, null, null, blankToNull(job.appId()), List.of(),
				instant(job.lastUpdatedTime()));
	}

	private static @Nullable String status(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		String name = status.strip();
		if (name.chars().allMatch(Character::isDigit)) {
			int position = Integer.parseInt(name);
			if (position >= PROVISIONING_STATUSES.size()) {
				throw new Unreadable("unknown provisioning status " + name);
			}
			name = PROVISIONING_STATUSES.get(position);
		}
		return PROVISIONING_STATUSES.get(0).equals(name) ? null : name;
	}

	private static @Nullable BigDecimal amount(@Nullable String amount) {
		if (amount == null || amount.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(amount.strip());
		}
		catch (NumberFormatException notAnAmount) {
			throw new Unreadable("money.amount is not a decimal: " + amount, notAnAmount);
		}
	}

	/** RFC 3339 as Sinch writes it (Z or an offset); a bare date is taken as its start, UTC. */
	static @Nullable Instant instant(@Nullable String timestamp) {
		if (timestamp == null || timestamp.isBlank()) {
			return null;
		}
		String text = timestamp.strip();
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException notWithOffset) {
			try {
				return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			catch (DateTimeParseException notADate) {
				throw new Unreadable("not a timestamp: " + text, notWithOffset);
			}
		}
	}

	private static @Nullable Integer totalSize(JsonNode page) {
		String total = SinchErrorBodies.text(page, "totalSize");
		if (total == null || total.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(total.strip());
		}
		catch (NumberFormatException notANumber) {
			throw new Unreadable("totalSize is not a number: " + total, notANumber);
		}
	}

	private static JsonNode object(@Nullable JsonNode body, String what) {
		if (body == null || !body.isObject()) {
			throw new Unreadable("expected " + what + " as a JSON object, got " + (body == null ? "no body" : body.getNodeType()));
		}
		return body;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text;
	}
}

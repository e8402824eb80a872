package com.numberops.portal.numbers;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.providers.ProviderNumber;
import com.numberops.portal.providers.ProvisioningState;

/**
 * The mirror columns a carrier owns, for one number, in a fixed order: what a sync writes. Values
 * are kept in canonical form (trimmed text, amounts without trailing zeros, instants to the
 * microsecond Postgres stores) so that what was read back from the database compares equal to
 * what the carrier says when nothing changed.
 */
final class ProviderState {

	/** Column name → human label, in write order. */
	static final Map<String, String> COLUMNS;

	static {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("number", "Number");
		columns.put("name", "Name");
		columns.put("country_code", "Region");
		columns.put("number_type", "Type");
		columns.put("cap_sms", "SMS capability");
		columns.put("cap_voice", "Voice capability");
		columns.put("provider_status", "Provider status");
		columns.put("provider_expire_at", "Expires");
		columns.put("sms_service_plan_id", "SMS service plan");
		columns.put("ten_dlc_campaign_id", "10DLC campaign");
		columns.put("sms_provisioning_status", "SMS provisioning");
		columns.put("sms_provisioning_error_codes", "SMS provisioning errors");
		columns.put("sms_provisioning_target_plan_id", "SMS plan being provisioned");
		columns.put("sms_provisioning_target_campaign_id", "10DLC campaign being provisioned");
		columns.put("voice_app_id", "Voice app");
		columns.put("voice_provisioning_status", "Voice provisioning");
		columns.put("voice_provisioning_error_codes", "Voice provisioning errors");
		columns.put("cnam_lookups_enabled", "CNAM lookups");
		columns.put("messaging_enabled", "Messaging");
		columns.put("billing_monthly_amount", "Monthly amount");
		columns.put("billing_currency", "Currency");
		columns.put("location_name", "Rate center");
		columns.put("location_state", "State");
		columns.put("location_country_code", "Country");
		columns.put("provider_missing_since", "Missing at provider since");
		COLUMNS = java.util.Collections.unmodifiableMap(columns);
	}

	static final Set<String> TEXT_ARRAYS = Set.of("sms_provisioning_error_codes", "voice_provisioning_error_codes");

	static final Set<String> TIMESTAMPS = Set.of("provider_expire_at", "provider_missing_since");

	private final Map<String, @Nullable Object> values;

	private ProviderState(Map<String, @Nullable Object> values) {
		this.values = values;
	}

	/** What the carrier says, mapped onto the mirror's columns. */
	public static ProviderState of(ProviderNumber number) {
		Map<String, @Nullable Object> v = new LinkedHashMap<>();
		ProvisioningState sms = number.smsProvisioning();
		ProvisioningState voice = number.voiceProvisioning();
		v.put("number", number.number());
		v.put("name", text(number.displayName()));
		v.put("country_code", upper(number.regionCode()));
		v.put("number_type", upper(number.type()));
		v.put("cap_sms", number.capabilities().contains("SMS"));
		v.put("cap_voice", number.capabilities().contains("VOICE"));
		v.put("provider_status", text(number.providerStatus()));
		v.put("provider_expire_at", micros(number.expireAt()));
		v.put("sms_service_plan_id", text(number.smsServicePlanId()));
		v.put("ten_dlc_campaign_id", text(number.smsCampaignId()));
		v.put("sms_provisioning_status", sms == null ? null : sms.status());
		v.put("sms_provisioning_error_codes", sms == null || sms.errorCodes().isEmpty() ? null : List.copyOf(sms.errorCodes()));
		v.put("sms_provisioning_target_plan_id", sms == null ? null : text(sms.servicePlanId()));
		v.put("sms_provisioning_target_campaign_id", sms == null ? null : text(sms.campaignId()));
		v.put("voice_app_id", text(number.voiceAppId()));
		v.put("voice_provisioning_status", voice == null ? null : voice.status());
		v.put("voice_provisioning_error_codes",
				voice == null || voice.errorCodes().isEmpty() ? null : List.copyOf(voice.errorCodes()));
		v.put("cnam_lookups_enabled", number.cnamLookupsEnabled());
		v.put("messaging_enabled", number.messagingEnabled());
		v.put("billing_monthly_amount", amount(number.monthlyAmount()));
		v.put("billing_currency", upper(number.currency()));
		v.put("location_name", text(number.rateCenter()));
		v.put("location_state", upper(number.state()));
		v.put("location_country_code", upper(number.regionCode()));
		v.put("provider_missing_since", null);
		return new ProviderState(v);
	}

	/** What the mirror holds now, read from a row that selected {@link #selectList()}. */
	static ProviderState read(ResultSet rs) throws SQLException {
		Map<String, @Nullable Object> v = new LinkedHashMap<>();
		for (String column : COLUMNS.keySet()) {
			Object value;
			if (TEXT_ARRAYS.contains(column)) {
				Array array = rs.getArray(column);
				value = array == null ? null : List.of((String[]) array.getArray());
			}
			else if (TIMESTAMPS.contains(column)) {
				Timestamp timestamp = rs.getTimestamp(column);
				value = timestamp == null ? null : micros(timestamp.toInstant());
			}
			else if (column.equals("billing_monthly_amount")) {
				value = amount(rs.getBigDecimal(column));
			}
			else {
				value = rs.getObject(column);
			}
			v.put(column, value);
		}
		return new ProviderState(v);
	}

	static String selectList() {
		return String.join(", ", COLUMNS.keySet());
	}

	/** This state, but keeping {@code stored}'s values for the columns a pending portal change owns. */
	ProviderState keeping(ProviderState stored, Set<String> pendingColumns) {
		if (pendingColumns.isEmpty()) {
			return this;
		}
		Map<String, @Nullable Object> merged = new LinkedHashMap<>(values);
		for (String column : pendingColumns) {
			if (merged.containsKey(column)) {
				merged.put(column, stored.values.get(column));
			}
		}
		return new ProviderState(merged);
	}

	/** The columns whose values differ, in column order. */
	List<String> differences(ProviderState other) {
		return COLUMNS.keySet().stream().filter(column -> !Objects.equals(values.get(column), other.values.get(column))).toList();
	}

	@Nullable Object get(String column) {
		return values.get(column);
	}

	/** A digest of every value: equal digests, nothing to write. */
	String hash() {
		StringBuilder canonical = new StringBuilder();
		values.forEach((column, value) -> canonical.append(column).append('=').append(display(value)).append('\u001f'));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	/** How a value reads in an event ("before → after"). */
	static @Nullable String display(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof List<?> list) {
			return String.join(", ", list.stream().map(String::valueOf).toList());
		}
		if (value instanceof BigDecimal amount) {
			return amount.toPlainString();
		}
		return value.toString();
	}

	/** The value as a JDBC parameter. */
	static @Nullable Object parameter(String column, @Nullable Object value) {
		if (value instanceof Instant instant) {
			return Timestamp.from(instant);
		}
		if (value instanceof List<?> list) {
			return list.toArray(String[]::new);
		}
		return value;
	}

	private static @Nullable String text(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

	private static @Nullable String upper(@Nullable String value) {
		String text = text(value);
		return text == null ? null : text.toUpperCase(Locale.ROOT);
	}

	private static @Nullable Instant micros(@Nullable Instant instant) {
		return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
	}

	private static @Nullable BigDecimal amount(@Nullable BigDecimal amount) {
		if (amount == null) {
			return null;
		}
		BigDecimal stripped = amount.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ProviderState state && values.equals(state.values);
	}

	@Override
	public int hashCode() {
		return values.hashCode();
	}

	@Override
	public String toString() {
		return "ProviderState" + values;
	}
}

package com.numberops.portal.numbers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The stored columns of one number that its derived status and inventory state depend on, and
 * how they become {@link StateInputs}. Whoever changes any of them (sync, edits, overrides,
 * releases) recomputes the two derived columns from here.
 */
public record MirrorFacts(String provider, @Nullable String countryCode, @Nullable String numberType, boolean capSms,
		boolean capVoice, @Nullable String providerStatus, @Nullable Instant expireAt,
		@Nullable String smsServicePlanId, @Nullable String tenDlcCampaignId, @Nullable String smsProvisioningStatus,
		@Nullable String voiceAppId, @Nullable String voiceProvisioningStatus, @Nullable Boolean messagingEnabled,
		@Nullable Instant releasedAt, @Nullable Instant releaseScheduledAt, @Nullable Instant missingSince,
		boolean enabled, @Nullable Boolean overrideEnabled, boolean warmupOnly, boolean internalTestOnly,
		@Nullable Long teamId, @Nullable String businessId, boolean renting) {

	/** The columns {@link #read(ResultSet)} needs, for select lists. */
	public static final String COLUMNS = """
			provider, country_code, number_type, cap_sms, cap_voice, provider_status, provider_expire_at,
			sms_service_plan_id, ten_dlc_campaign_id, sms_provisioning_status, voice_app_id, voice_provisioning_status,
			messaging_enabled, provider_released_at, provider_release_scheduled_at, provider_missing_since, enabled,
			override_enabled, routing_warmup_only, routing_internal_test_only, team_id, business_id,
			provider_order_status""";

	public static MirrorFacts read(ResultSet rs) throws SQLException {
		return new MirrorFacts(rs.getString("provider"), rs.getString("country_code"), rs.getString("number_type"),
				rs.getBoolean("cap_sms"), rs.getBoolean("cap_voice"), rs.getString("provider_status"),
				instant(rs.getTimestamp("provider_expire_at")), rs.getString("sms_service_plan_id"),
				rs.getString("ten_dlc_campaign_id"), rs.getString("sms_provisioning_status"), rs.getString("voice_app_id"),
				rs.getString("voice_provisioning_status"), (Boolean) rs.getObject("messaging_enabled"),
				instant(rs.getTimestamp("provider_released_at")), instant(rs.getTimestamp("provider_release_scheduled_at")),
				instant(rs.getTimestamp("provider_missing_since")), rs.getBoolean("enabled"),
				(Boolean) rs.getObject("override_enabled"), rs.getBoolean("routing_warmup_only"),
				rs.getBoolean("routing_internal_test_only"), (Long) rs.getObject("team_id"), rs.getString("business_id"),
				"RENTING".equals(rs.getString("provider_order_status")));
	}

	public StateInputs inputs() {
		boolean released = releasedAt != null || missingSince != null;
		boolean suspended = providerStatus != null
				&& switch (providerStatus.toUpperCase(Locale.ROOT)) {
					case "SUSPENDED", "BLOCKED", "DISABLED" -> true;
					default -> false;
				};
		boolean smsLinked = smsServicePlanId != null || Boolean.TRUE.equals(messagingEnabled);
		// a Flowroute number always has a primary route for calls
		boolean voiceLinked = voiceAppId != null || "FLOWROUTE".equals(provider);
		// only Sinch tells us the 10DLC campaign; for other carriers we cannot judge it
		boolean tenDlcRequired = provider.startsWith("SINCH") && "US".equals(countryCode) && capSms
				&& !"TOLL_FREE".equals(numberType);
		boolean effectivelyEnabled = Enablement.effective(enabled, overrideEnabled);
		return new StateInputs(released, released ? null : releaseScheduledAt, expireAt, suspended, smsProvisioningStatus,
				voiceProvisioningStatus, capSms, capVoice, smsLinked, voiceLinked, tenDlcRequired, tenDlcCampaignId != null,
				effectivelyEnabled, warmupOnly, internalTestOnly, teamId != null || businessId != null, renting);
	}

	public NumberStatus status(Instant now) {
		return NumberStates.status(inputs(), now);
	}

	public InventoryState inventoryState(Instant now) {
		return NumberStates.inventoryState(inputs(), now);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}

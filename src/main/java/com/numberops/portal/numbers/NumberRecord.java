package com.numberops.portal.numbers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything the mirror knows about one number, in the sections of seed 003's record, for the
 * detail page. Read by {@link NumberDetails}, only for a viewer allowed to see the number.
 */
public record NumberRecord(Identity identity, Ownership ownership, Provider provider, Release release,
		ProviderConfiguration configuration, Capabilities capabilities, Routing routing, TenDlc tenDlc, Billing billing,
		Location location, Enablement enablement, Flags flags, SmsWarmup warmup, CallWarmup callWarmup, Health health,
		@Nullable String providerRawPretty) {

	public long id() {
		return identity.id();
	}

	public record Identity(long id, String number, @Nullable String name, @Nullable String countryCode,
			@Nullable String numberType, String inventoryState, String status, Instant createdAt, Instant modifiedAt,
			long version) {
	}

	/** Business, user, team, source and campaign. */
	public record Ownership(@Nullable String businessId, @Nullable String businessName, @Nullable String userId,
			@Nullable String userName, @Nullable Long teamId, @Nullable String teamName, @Nullable String campaignId,
			@Nullable String sourceId, boolean leadpingOwned) {
	}

	public record Provider(String provider, long accountId, String accountName, String accountRef,
			String providerPhoneNumberId, @Nullable String orderId, @Nullable String orderStatus,
			@Nullable String status, @Nullable String error, @Nullable Instant syncedAt, @Nullable Instant expireAt,
			@Nullable Instant missingSince) {
	}

	public record Release(@Nullable Instant releasedAt, @Nullable Instant requestedAt, @Nullable Instant holdStartsAt,
			@Nullable Instant scheduledAt, @Nullable String reason, @Nullable String requestedByUserId,
			@Nullable String requestedByName, boolean unassignAtHoldStart) {

		/** Whether anything about a release was ever recorded. */
		public boolean any() {
			return releasedAt != null || requestedAt != null || holdStartsAt != null || scheduledAt != null
					|| reason != null || requestedByName != null;
		}
	}

	/** The carrier-side configuration the portal edits: Sinch SMS and voice, Flowroute CNAM and messaging. */
	public record ProviderConfiguration(@Nullable String smsServicePlanId, @Nullable String smsProvisioningStatus,
			List<String> smsProvisioningErrorCodes, @Nullable String smsTargetPlanId,
			@Nullable String smsTargetCampaignId, @Nullable String voiceAppId, @Nullable String voiceProvisioningStatus,
			List<String> voiceProvisioningErrorCodes, @Nullable Boolean cnamLookupsEnabled,
			@Nullable Boolean messagingEnabled) {
	}

	public record Capabilities(boolean sms, boolean voice, boolean warmup, boolean testing) {
	}

	public record Routing(boolean smsEnabled, boolean voiceEnabled, boolean warmupOnly, boolean internalTestOnly,
			@Nullable String teamId, @Nullable String sourceId, @Nullable String campaignId,
			@Nullable String messagingProfileId, @Nullable String voiceConnectionId) {
	}

	public record TenDlc(@Nullable String brandId, @Nullable String campaignId, @Nullable String campaignStatus,
			@Nullable String assignmentStatus, @Nullable String messagingProfileId, @Nullable Instant statusUpdatedAt,
			@Nullable String failureReason, @Nullable String lastProviderEventId) {
	}

	public record Billing(@Nullable String businessId, @Nullable String businessName, @Nullable String userId,
			@Nullable String userName, @Nullable String subscriptionItemId, @Nullable BigDecimal monthlyAmount,
			@Nullable String currency, @Nullable String channel) {
	}

	public record Location(@Nullable String name, @Nullable String state, @Nullable String countryCode,
			@Nullable BigDecimal latitude, @Nullable BigDecimal longitude, @Nullable String timeZoneId) {
	}

	/**
	 * The number's own flag and the admin override; the override, when set, decides.
	 *
	 * @param overrideEnabled null: no override
	 * @param overrideUpdatedByName the name of the admin who set it (null: a user no longer there)
	 */
	public record Enablement(boolean enabled, @Nullable Boolean overrideEnabled, @Nullable String overrideReason,
			@Nullable String overrideUpdatedByUserId, @Nullable String overrideUpdatedByName,
			@Nullable Instant overrideUpdatedAt) {

		/** Who set the override, by name; a user id only when no user of that id is left. */
		public @Nullable String overrideSetBy() {
			if (overrideUpdatedByName != null) {
				return overrideUpdatedByName;
			}
			return overrideUpdatedByUserId == null ? null : "user " + overrideUpdatedByUserId;
		}

		public boolean effectivelyEnabled() {
			return overrideEnabled != null ? overrideEnabled : enabled;
		}

		public boolean overridden() {
			return overrideEnabled != null;
		}
	}

	/** Pool and approval flags. */
	public record Flags(boolean preferred, boolean isDefault, boolean internalPool, boolean approvedTestDestination,
			boolean messagingProgramApproved) {
	}

	public record SmsWarmup(boolean enabled, @Nullable String state, @Nullable Integer healthScore,
			@Nullable Integer progressPercent, @Nullable Instant nextActionAt, @Nullable String pauseReason) {
	}

	/** @param stage 0 to 4, shown as "Stage n" */
	public record CallWarmup(boolean enabled, @Nullable String state, @Nullable Integer stage,
			@Nullable Instant nextActionAt, @Nullable String pauseReason, @Nullable String healthReason) {
	}

	public record Health(@Nullable String status, @Nullable String reason) {
	}
}

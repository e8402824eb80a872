package com.numberops.portal.changes;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.providers.ProviderKind;

/**
 * What the edit rules need to know of a number, read in the edit's transaction.
 *
 * @param smsProvisioningFailed the carrier's last scheduled SMS provisioning job FAILED: the plan
 *     and campaign shown are what the carrier kept, not a configuration that settled
 */
public record NumberSnapshot(long id, String number, ProviderKind provider, long accountId, String providerNumberId,
		@Nullable String countryCode, boolean smsCapable, boolean voiceCapable, @Nullable String name,
		@Nullable String servicePlanId, @Nullable String tenDlcCampaignId, @Nullable String businessCampaignId,
		@Nullable String voiceAppId, @Nullable Boolean cnamLookups, @Nullable Boolean messaging, boolean enabled,
		boolean released, @Nullable Instant releaseScheduledAt, boolean smsProvisioningFailed, long version) {

	public boolean us() {
		return "US".equals(countryCode);
	}

	/**
	 * Whether the carrier failed to provision this kind's current value: sending that same value
	 * again is then a change (the carrier provisions it afresh and the failure clears), not
	 * "nothing to change".
	 */
	public boolean failedAtCarrier(ChangeKind kind) {
		return kind == ChangeKind.SMS_CONFIGURATION && smsProvisioningFailed;
	}

	/** The value an edit of this kind would replace, as people read it. */
	public String currentValue(ChangeKind kind) {
		return switch (kind) {
			case RENAME -> name == null ? "" : name;
			case SMS_CONFIGURATION -> Edit.SmsAssignment.show(servicePlanId, tenDlcCampaignId);
			case BUSINESS_CAMPAIGN -> businessCampaignId == null || businessCampaignId.isEmpty() ? "" : businessCampaignId;
			case VOICE_APP -> voiceAppId == null ? "" : voiceAppId;
			case CNAM_LOOKUPS -> cnamLookups == null ? "unknown" : cnamLookups ? "on" : "off";
			case MESSAGING -> messaging == null ? "unknown" : messaging ? "on" : "off";
			case ENABLEMENT -> enabled ? "enabled" : "disabled";
			case RELEASE -> released ? "released" : releaseScheduledAt != null ? "pending release" : "kept";
			case RENT -> released ? "not rented" : "rented";
		};
	}
}

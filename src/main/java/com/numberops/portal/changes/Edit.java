package com.numberops.portal.changes;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a person asked to change on one number, as typed (rules check it: {@link EditRules}).
 * Each edit names its kind, the value it sets as people read it, and what the carrier is sent.
 */
public sealed interface Edit {

	ChangeKind kind();

	/** The new value, as the timeline and the conflict message show it. */
	String shownValue();

	/** What the dispatcher sends (stored as the change's payload). */
	Map<String, String> payload();

	/** Sinch displayName / Flowroute alias, and the mirror's name. */
	record Rename(String name) implements Edit {

		public ChangeKind kind() {
			return ChangeKind.RENAME;
		}

		public String shownValue() {
			return name.strip();
		}

		public Map<String, String> payload() {
			return Map.of("name", name.strip());
		}
	}

	/**
	 * Sinch smsConfiguration: a service plan and, for US numbers, a 10DLC campaign. Blank plan and
	 * campaign: unlink both. Reaching it may take an unlink first (seed 001).
	 */
	record SmsAssignment(String servicePlanId, String campaignId) implements Edit {

		public SmsAssignment(@Nullable String servicePlanId, @Nullable String campaignId) {
			this.servicePlanId = servicePlanId == null ? "" : servicePlanId.strip();
			this.campaignId = campaignId == null ? "" : campaignId.strip();
		}

		public ChangeKind kind() {
			return ChangeKind.SMS_CONFIGURATION;
		}

		public String shownValue() {
			return SmsAssignment.show(servicePlanId, campaignId);
		}

		public Map<String, String> payload() {
			return Map.of("servicePlanId", servicePlanId, "campaignId", campaignId);
		}

		static String show(@Nullable String plan, @Nullable String campaign) {
			boolean noPlan = plan == null || plan.isEmpty();
			boolean noCampaign = campaign == null || campaign.isEmpty();
			if (noPlan && noCampaign) {
				return "none";
			}
			return (noPlan ? "no plan" : plan) + " / " + (noCampaign ? "no campaign" : campaign);
		}
	}

	/** The business campaign the number serves: local routing, no carrier involved. Blank clears it. */
	record BusinessCampaign(String campaignId) implements Edit {

		public BusinessCampaign(@Nullable String campaignId) {
			this.campaignId = campaignId == null ? "" : campaignId.strip();
		}

		public ChangeKind kind() {
			return ChangeKind.BUSINESS_CAMPAIGN;
		}

		public String shownValue() {
			return campaignId;
		}

		public Map<String, String> payload() {
			return Map.of("campaignId", campaignId);
		}
	}

	/** Sinch voiceConfiguration.appId (only that object is sent). */
	record VoiceApp(String appId) implements Edit {

		public VoiceApp(@Nullable String appId) {
			this.appId = appId == null ? "" : appId.strip();
		}

		public ChangeKind kind() {
			return ChangeKind.VOICE_APP;
		}

		public String shownValue() {
			return appId;
		}

		public Map<String, String> payload() {
			return Map.of("appId", appId);
		}
	}

	/** Flowroute CNAM lookups on inbound calls. */
	record CnamLookups(boolean enabled) implements Edit {

		public ChangeKind kind() {
			return ChangeKind.CNAM_LOOKUPS;
		}

		public String shownValue() {
			return onOff(enabled);
		}

		public Map<String, String> payload() {
			return Map.of("enabled", String.valueOf(enabled));
		}
	}

	/** Flowroute messaging enablement: a 207 answer is a partial success, messaging retryable. */
	record Messaging(boolean enabled) implements Edit {

		public ChangeKind kind() {
			return ChangeKind.MESSAGING;
		}

		public String shownValue() {
			return onOff(enabled);
		}

		public Map<String, String> payload() {
			return Map.of("enabled", String.valueOf(enabled));
		}
	}

	/** The number's own enabled flag (an admin override, when set, still wins). */
	record Enablement(boolean enabled) implements Edit {

		public ChangeKind kind() {
			return ChangeKind.ENABLEMENT;
		}

		public String shownValue() {
			return enabled ? "enabled" : "disabled";
		}

		public Map<String, String> payload() {
			return Map.of("enabled", String.valueOf(enabled));
		}
	}

	/** Gives the number back to its carrier once the hold has passed; cancellable until then. */
	record Release(String reason) implements Edit {

		public Release(@Nullable String reason) {
			this.reason = reason == null ? "" : reason.strip();
		}

		public ChangeKind kind() {
			return ChangeKind.RELEASE;
		}

		public String shownValue() {
			return "released";
		}

		public Map<String, String> payload() {
			return Map.of("reason", reason);
		}
	}

	/** The edit a change or a batch stored as kind and payload. */
	static Edit of(ChangeKind kind, Map<String, String> payload) {
		return switch (kind) {
			case RENAME -> new Rename(payload.getOrDefault("name", ""));
			case SMS_CONFIGURATION -> new SmsAssignment(payload.get("servicePlanId"), payload.get("campaignId"));
			case BUSINESS_CAMPAIGN -> new BusinessCampaign(payload.get("campaignId"));
			case VOICE_APP -> new VoiceApp(payload.get("appId"));
			case CNAM_LOOKUPS -> new CnamLookups(Boolean.parseBoolean(payload.get("enabled")));
			case MESSAGING -> new Messaging(Boolean.parseBoolean(payload.get("enabled")));
			case ENABLEMENT -> new Enablement(Boolean.parseBoolean(payload.get("enabled")));
			case RELEASE -> new Release(payload.get("reason"));
			// a rent is no edit of a number: it is asked for through NumberPurchases, never in a batch
			case RENT -> throw new IllegalArgumentException("A rent is not an edit of a number");
		};
	}

	private static String onOff(boolean on) {
		return on ? "on" : "off";
	}
}

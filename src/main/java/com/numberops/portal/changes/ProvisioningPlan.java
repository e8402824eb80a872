package com.numberops.portal.changes;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.providers.NumberChange;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProviderNumber;
import com.numberops.portal.providers.ProvisioningState;

/**
 * The next move of an SMS reassignment or a voice app change on Sinch, worked out afresh from
 * what the carrier reports now, so that a restart, a retry or a second instance continues where
 * the carrier is rather than where a memory says it was. Seed 001: a linked plan or campaign is
 * unlinked ({@code ""}) first; each change runs as scheduled provisioning and counts only once
 * the job is gone and the value sits in the configuration.
 */
public final class ProvisioningPlan {

	/** The steps of a change, stored with it: what has been sent last. */
	public static final String UNLINK = "UNLINK";

	public static final String LINK = "LINK";

	private ProvisioningPlan() {
	}

	/** What to do now. */
	public sealed interface Next {
	}

	/** The carrier shows the target: the change has succeeded. */
	public record Done() implements Next {
	}

	/** A provisioning job is still running at the carrier: look again later. */
	public record Wait(String status) implements Next {
	}

	/** Send this, then wait for the job it starts. */
	public record Send(String step, NumberChange change) implements Next {
	}

	/** The carrier's job failed, or the carrier did not apply what was sent. */
	public record Failed(String code, String message) implements Next {
	}

	/**
	 * @param sent the step sent last for this change ({@code null}: nothing sent yet, so an old
	 *     failed job at the carrier is not this change's failure)
	 */
	public static Next sms(ProviderKind kind, ProviderNumber now, String targetPlan, String targetCampaign,
			@Nullable String sent) {
		ProvisioningState job = now.smsProvisioning();
		if (job != null && job.running()) {
			return new Wait(job.status());
		}
		if (job != null && job.failed() && sent != null) {
			return failed("SMS", job.errorCodes());
		}
		String plan = text(now.smsServicePlanId());
		String campaign = text(now.smsCampaignId());
		if (plan.equals(targetPlan) && campaign.equals(targetCampaign)) {
			if (job != null && job.failed()) {
				// the target is what the carrier kept beside an earlier change's failed job (a failed
				// unlink): send it again, so the carrier provisions it afresh and the failure clears
				return new Send(LINK, sms(targetPlan, targetCampaign.isEmpty() ? null : targetCampaign));
			}
			return new Done();
		}
		boolean unlinkPlan = !plan.isEmpty() && !plan.equals(targetPlan);
		// a campaign hangs off its plan: it goes when the plan goes, and comes back with the link
		boolean unlinkCampaign = !campaign.isEmpty() && (!campaign.equals(targetCampaign) || unlinkPlan);
		boolean active = kind == ProviderKind.SINCH;
		if (unlinkPlan || unlinkCampaign) {
			if (UNLINK.equals(sent) || LINK.equals(sent)) {
				return notApplied(sent);
			}
			// an active number's smsConfiguration always carries servicePlanId: "" unlinks, the current one keeps it
			String sendPlan = unlinkPlan ? "" : active ? plan : null;
			return new Send(UNLINK, sms(sendPlan, unlinkCampaign ? "" : null));
		}
		if (LINK.equals(sent)) {
			return notApplied(sent);
		}
		String sendPlan = active || !plan.equals(targetPlan) ? targetPlan : null;
		return new Send(LINK, sms(sendPlan, campaign.equals(targetCampaign) ? null : targetCampaign));
	}

	/** A voice app is replaced directly (seed 001 asks unlinking only for SMS). */
	public static Next voice(ProviderNumber now, String targetApp, @Nullable String sent) {
		ProvisioningState job = now.voiceProvisioning();
		if (job != null && job.running()) {
			return new Wait(job.status());
		}
		if (job != null && job.failed() && sent != null) {
			return failed("Voice", job.errorCodes());
		}
		if (text(now.voiceAppId()).equals(targetApp)) {
			return new Done();
		}
		if (sent != null) {
			return notApplied(sent);
		}
		return new Send(LINK, NumberChange.voiceApp(targetApp));
	}

	private static Failed failed(String what, List<String> codes) {
		String code = codes.isEmpty() ? "PROVISIONING_FAILED" : String.join(",", codes);
		return new Failed(code, what + " provisioning failed at the carrier (" + code + "): " + explain(codes));
	}

	/** The carrier's error codes in words, for the people who have to act on them. */
	static String explain(List<String> codes) {
		if (codes.isEmpty()) {
			return "no reason was given; retry, or restore the previous configuration.";
		}
		return codes.stream().map(ProvisioningPlan::explainOne).reduce((a, b) -> a + " " + b).orElseThrow();
	}

	private static String explainOne(String code) {
		String upper = code.toUpperCase(java.util.Locale.ROOT);
		if (upper.contains("CAMPAIGN")) {
			return "The 10DLC campaign refused the number (not registered, suspended or full); check the campaign, then retry or restore.";
		}
		if (upper.equals("SMS_PROVISIONING_FAILED")) {
			return "The SMS platform refused the number (a service plan the account does not have?); check the plan, then retry or restore.";
		}
		if (upper.contains("SERVICE_PLAN") || upper.contains("PLAN")) {
			return "The SMS service plan could not take the number; check the plan, then retry or restore.";
		}
		if (upper.contains("APP")) {
			return "The voice app could not take the number; check the app, then retry or restore.";
		}
		return "The carrier reported " + code + "; retry, or restore the previous configuration.";
	}

	private static Failed notApplied(String step) {
		return new Failed("NOT_APPLIED", "The carrier settled the " + step.toLowerCase(java.util.Locale.ROOT)
				+ " step without applying it (changed elsewhere meanwhile?); retry, or restore the previous configuration.");
	}

	private static NumberChange sms(@Nullable String plan, @Nullable String campaign) {
		return new NumberChange(null, plan, campaign, null, null, null);
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}
}

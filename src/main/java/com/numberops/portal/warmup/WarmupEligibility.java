package com.numberops.portal.warmup;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.numbers.Enablement;

/**
 * Whether a number may warm up, and if not, why (in words shown next to the toggle and kept as
 * the Blocked reason). Pure: the facts in, the verdict out.
 *
 * <p>SMS warmup needs the warmup and SMS capabilities; call warmup the warmup and voice
 * capabilities. Both need the number Active and effectively enabled (the admin override when set,
 * else the number's own flag). Capabilities are checked first, then enablement (a disabled number is also Suspended, and
 * "disabled" says more), then status: the first reason is the one given.
 */
public final class WarmupEligibility {

	private WarmupEligibility() {
	}

	/**
	 * What eligibility depends on.
	 *
	 * @param status the derived status, as stored ({@code Active}, {@code Suspended}…)
	 * @param overrideEnabled the admin override, null when none is set
	 */
	public record Facts(boolean capSms, boolean capVoice, boolean capWarmup, String status, boolean enabled,
			@Nullable Boolean overrideEnabled) {

		public boolean effectivelyEnabled() {
			return Enablement.effective(enabled, overrideEnabled);
		}
	}

	/** Eligible (no reason), or not with the reason. */
	public record Verdict(boolean eligible, @Nullable String reason) {

		static final Verdict ELIGIBLE = new Verdict(true, null);

		static Verdict no(String reason) {
			return new Verdict(false, reason);
		}
	}

	public static Verdict check(Channel channel, Facts number) {
		if (!number.capWarmup()) {
			return Verdict.no("This number does not have the warmup capability.");
		}
		if (channel == Channel.SMS && !number.capSms()) {
			return Verdict.no("This number does not have the SMS capability.");
		}
		if (channel == Channel.CALL && !number.capVoice()) {
			return Verdict.no("This number does not have the voice capability.");
		}
		if (!number.effectivelyEnabled()) {
			return Verdict.no(number.overrideEnabled() != null ? "This number is disabled by an admin override."
					: "This number is disabled.");
		}
		if (!"Active".equals(number.status())) {
			return Verdict.no("This number is " + statusWords(number.status()) + ", not Active.");
		}
		return Verdict.ELIGIBLE;
	}

	private static String statusWords(String status) {
		return switch (status) {
			case "FailedProvisioning" -> "Failed provisioning";
			case "PendingRelease" -> "Pending release";
			default -> status;
		};
	}
}

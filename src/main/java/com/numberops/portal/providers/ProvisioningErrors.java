package com.numberops.portal.providers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The carriers' scheduled-provisioning error codes (Sinch {@code scheduledProvisioning.errorCodes}
 * and the callbacks' {@code failureCode}, seed 001's enum; the sandbox's
 * {@code VOICE_PROVISIONING_FAILED}) with what each means and what a person does about it: the one
 * catalog every page that shows a failed provisioning reads (the dashboard's worklist, a number's
 * page, alerts). A code it does not know still gets an entry that says so, never an error.
 */
public final class ProvisioningErrors {

	/**
	 * Sinch's own "no code given": a failed provisioning that carries no code at all is filed under
	 * it too, so every failure has exactly one place in a grouping by code.
	 */
	public static final String UNSPECIFIED = "ERROR_CODE_UNSPECIFIED";

	/** One code, explained. */
	public record Explained(String code, String title, String explanation, String whatToDo, boolean known) {
	}

	private static final Map<String, Explained> CATALOG = new LinkedHashMap<>();

	static {
		add("CAMPAIGN_NOT_AVAILABLE", "10DLC campaign not available",
				"The carrier could not link the number to the 10DLC campaign: the campaign does not exist in this account, or it is not active.",
				"Check the campaign ID and its status in the carrier's 10DLC portal, then reassign the numbers to an active campaign (or link it again once the campaign is active).");
		add("EXCEEDED_10DLC_LIMIT", "10DLC campaign is full",
				"The 10DLC campaign already has as many numbers as it may carry (T-Mobile caps most campaigns at 50 numbers; sole-proprietor campaigns at 1).",
				"Move these numbers to another campaign with room, unlink numbers the campaign no longer needs, or ask for a number-pool campaign.");
		add("CAMPAIGN_PENDING_ACCEPTANCE", "10DLC campaign awaiting acceptance",
				"The campaign has not yet been accepted by the carrier or the connectivity partner, so numbers cannot be linked to it.",
				"Wait for the campaign to be accepted (follow it in the carrier's 10DLC portal), then link the numbers again.");
		add("CAMPAIGN_MNO_REVIEW", "10DLC campaign under carrier review",
				"The mobile network operators are still reviewing the campaign; numbers cannot be linked until the review ends.",
				"Wait for the review to finish, then link the numbers again; use another approved campaign if the numbers are needed now.");
		add("CAMPAIGN_MNO_REJECTED", "10DLC campaign rejected",
				"A mobile network operator rejected the campaign: numbers cannot be linked to it.",
				"Read the rejection reason in the carrier's 10DLC portal, fix and resubmit the campaign, or reassign the numbers to an approved campaign.");
		add("CAMPAIGN_MNO_SUSPENDED", "10DLC campaign suspended",
				"A mobile network operator suspended the campaign (often after complaints or a compliance review).",
				"Resolve the suspension with the carrier, or move the numbers to another approved campaign.");
		add("CAMPAIGN_EXPIRED", "10DLC campaign expired",
				"The campaign's registration has expired, so the carrier no longer accepts numbers for it.",
				"Renew the campaign in the carrier's 10DLC portal, or reassign the numbers to an active campaign.");
		add("CAMPAIGN_PROVISIONING_FAILED", "Campaign link failed",
				"The carrier accepted the request but failed to link the number to the campaign.",
				"Retry the change; if it fails again, open a ticket with the carrier quoting the number and campaign.");
		add("MOCK_CAMPAIGN_NOT_ALLOWED", "Test campaign not allowed",
				"The campaign is a mock (test) campaign, which may not carry production numbers.",
				"Reassign the numbers to a real, approved 10DLC campaign.");
		add("MNO_SHARING_ERROR", "Carrier sharing failed",
				"The campaign could not be shared with a mobile network operator, so the number link did not complete.",
				"Retry later; if it persists, ask the carrier to re-share the campaign with the operators.");
		add("SMS_PROVISIONING_FAILED", "SMS provisioning failed",
				"The carrier could not put the number on the SMS platform or the service plan (for example a plan the account does not have).",
				"Check the service plan ID in the carrier's account, then retry the change or restore the previous configuration.");
		add("NUMBER_PROVISIONING_FAILED", "Number provisioning failed",
				"The carrier failed to provision the number itself for the requested configuration.",
				"Retry the change; if it fails again, open a ticket with the carrier quoting the number.");
		add("VOICE_PROVISIONING_FAILED", "Voice provisioning failed",
				"The carrier could not attach the number to the voice app.",
				"Check the voice app ID in the carrier's account, then retry the change or choose another app.");
		add("PARTNER_SERVICE_UNAVAILABLE", "Carrier partner unavailable",
				"A service the carrier depends on (the 10DLC registry or a connectivity partner) did not answer.",
				"Usually temporary: retry the change later.");
		add("INSUFFICIENT_BALANCE", "Carrier account balance too low",
				"The carrier account does not have the balance or credit the provisioning needs.",
				"Top up or fix billing on the carrier account, then retry the change.");
		add("TFN_NOT_ALLOWED", "Toll-free number not allowed",
				"Toll-free numbers cannot be linked to a 10DLC campaign.",
				"Use toll-free verification for toll-free numbers, and unlink the campaign from them.");
		add("INVALID_NNID", "Invalid NNID",
				"The number's network identifier (NNID) is not valid for this carrier route.",
				"Ask the carrier to correct the number's NNID, then retry the change.");
		add("INTERNAL_ERROR", "Carrier internal error",
				"The carrier failed internally while provisioning.",
				"Retry the change; if it keeps failing, open a ticket with the carrier.");
		add(UNSPECIFIED, "Failed without a reason",
				"The carrier reported the provisioning as failed without saying why.",
				"Open the number's page for the carrier's raw answer, retry the change, and ask the carrier if it fails again.");
	}

	private ProvisioningErrors() {
	}

	private static void add(String code, String title, String explanation, String whatToDo) {
		CATALOG.put(code, new Explained(code, title, explanation, whatToDo, true));
	}

	/** What a code means and what to do; a code the catalog does not know says so and points to the carrier. */
	public static Explained explain(String code) {
		String key = code.strip().toUpperCase(Locale.ROOT);
		Explained known = CATALOG.get(key);
		if (known != null) {
			return known;
		}
		return new Explained(code.strip(), "Carrier error " + code.strip(),
				"The carrier reported this code, which the portal does not know yet.",
				"Look the code up in the carrier's documentation, then retry the change or open a ticket with the carrier.",
				false);
	}

	/** Every code the catalog explains, in its order (campaign problems first). */
	public static List<String> codes() {
		return List.copyOf(CATALOG.keySet());
	}

	/**
	 * Whether a text can be a carrier code (upper-case letters, digits and underscores): what a
	 * filter accepts, so an address names a code and nothing else.
	 */
	public static boolean looksLikeACode(String text) {
		return text.matches("[A-Z][A-Z0-9_]{1,63}");
	}
}

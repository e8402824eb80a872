package com.numberops.portal.sync.webhooks;

/**
 * What became of one delivery, and why, in words safe to send back to the caller (never a secret,
 * never the body).
 */
record WebhookResult(Outcome outcome, String detail) {

	enum Outcome {
		/** The number was re-read and the mirror changed. */
		REFRESHED,
		/** The number was re-read; the mirror already had it (or the carrier does not know it). */
		UNCHANGED,
		/** This event was handled before: acknowledged, nothing done. */
		REPLAYED,
		/** Authentic, but about nothing the portal follows (unknown account, resource type): acknowledged. */
		IGNORED,
		/** Signature or token missing or wrong: nothing done. */
		UNAUTHORIZED,
		/** Not the documented JSON: nothing done. */
		MALFORMED,
		/** The carrier could not be read: nothing recorded, the carrier may send it again. */
		CARRIER_UNAVAILABLE,
		/** An unexpected failure: nothing recorded, the carrier may send it again. */
		FAILED
	}

	static WebhookResult of(Outcome outcome, String detail) {
		return new WebhookResult(outcome, detail);
	}
}

package com.numberops.portal.overrides;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.users.Role;

/**
 * Who may request, approve, reject or clear an enablement override, as one plain function per
 * step, table-tested ({@code OverrideRulesUnitTest}). Nothing here reads a database or a clock:
 * the service hands in what it read (locked) and acts on the verdict.
 *
 * <p>Checked in this order, so the message is the most useful one: the role, the request's state
 * (already decided or superseded), self-decision, a stale version, and then the input.
 */
public final class OverrideRules {

	public static final int MIN_TEXT = 3;

	public static final int MAX_TEXT = 500;

	private OverrideRules() {
	}

	/** The steps of an override. */
	public enum Action {
		REQUEST, APPROVE, REJECT, CLEAR
	}

	/** Why a step is refused. */
	public enum Refusal {
		/** The role does not allow it (a 403 when it comes over the web). */
		NOT_ALLOWED,
		/** The request is no longer pending. */
		ALREADY_DECIDED,
		/** The person asked for it themselves. */
		OWN_REQUEST,
		/** The request changed after the person saw it. */
		STALE,
		/** The number is in no state for it (released), or there is nothing to do. */
		NOTHING_TO_DO,
		/** A reason or comment is missing, too short or too long. */
		INVALID
	}

	/** The person acting. */
	public record Person(long userId, Role role) {
	}

	/**
	 * A request as the rules see it.
	 *
	 * @param requesterId null when the requester's account was deleted
	 */
	public record Request(OverrideState state, @Nullable Long requesterId, long version, @Nullable String decidedBy) {
	}

	/** Allowed (no refusal), or refused with a message for the form field it belongs to. */
	public record Verdict(@Nullable Refusal refusal, String field, String message) {

		static final Verdict ALLOWED = new Verdict(null, "", "");

		static Verdict refused(Refusal refusal, String field, String message) {
			return new Verdict(refusal, field, message);
		}

		public boolean allowed() {
			return refusal == null;
		}
	}

	/**
	 * May this person ask for this override of the number?
	 *
	 * @param currentOverride the number's override now (null: none)
	 */
	public static Verdict request(Person who, boolean released, @Nullable Boolean currentOverride,
			boolean requestedEnabled, @Nullable String reason) {
		if (!who.role().includes(Role.OPERATOR)) {
			return Verdict.refused(Refusal.NOT_ALLOWED, "", "Only operators and admins request overrides.");
		}
		if (released) {
			return Verdict.refused(Refusal.NOTHING_TO_DO, "", "This number has been released: it can no longer be overridden.");
		}
		Verdict text = text("reason", reason, true, "Say why the override is needed");
		if (!text.allowed()) {
			return text;
		}
		if (currentOverride != null && currentOverride == requestedEnabled) {
			return Verdict.refused(Refusal.NOTHING_TO_DO, "enabled",
					"Nothing to change: an admin override already forces this number " + word(requestedEnabled) + ".");
		}
		return Verdict.ALLOWED;
	}

	/**
	 * May this person approve or reject the request?
	 *
	 * @param seenVersion the request's version on the page the person decided from
	 * @param released the number has been released meanwhile
	 */
	public static Verdict decide(Action action, Person who, Request request, long seenVersion, boolean released,
			@Nullable String comment) {
		if (action != Action.APPROVE && action != Action.REJECT) {
			throw new IllegalArgumentException("Not a decision: " + action);
		}
		if (!who.role().includes(Role.ADMIN)) {
			return Verdict.refused(Refusal.NOT_ALLOWED, "", "Only admins approve or reject override requests.");
		}
		if (request.state() != OverrideState.PENDING) {
			return Verdict.refused(Refusal.ALREADY_DECIDED, "", decided(request));
		}
		if (request.requesterId() != null && request.requesterId() == who.userId()) {
			return Verdict.refused(Refusal.OWN_REQUEST, "",
					"Nobody decides their own override request: another admin must approve or reject it.");
		}
		if (request.version() != seenVersion) {
			return Verdict.refused(Refusal.STALE, "",
					"This request changed after you opened the page: reload it and decide again.");
		}
		if (action == Action.APPROVE && released) {
			return Verdict.refused(Refusal.NOTHING_TO_DO, "",
					"This number has been released since the request: it can no longer be overridden. Reject the request.");
		}
		if (action == Action.REJECT) {
			return text("comment", comment, true, "Say why the request is rejected");
		}
		return text("comment", comment, false, "");
	}

	/** May this person clear the number's override? */
	public static Verdict clear(Person who, boolean released, @Nullable Boolean currentOverride) {
		if (!who.role().includes(Role.ADMIN)) {
			return Verdict.refused(Refusal.NOT_ALLOWED, "", "Only admins clear overrides.");
		}
		if (released) {
			return Verdict.refused(Refusal.NOTHING_TO_DO, "", "This number has been released: it can no longer be changed.");
		}
		if (currentOverride == null) {
			return Verdict.refused(Refusal.NOTHING_TO_DO, "", "Nothing to clear: this number has no admin override.");
		}
		return Verdict.ALLOWED;
	}

	/** "enabled" / "disabled". */
	public static String word(boolean enabled) {
		return enabled ? "enabled" : "disabled";
	}

	private static String decided(Request request) {
		String by = request.decidedBy() == null ? "" : " by " + request.decidedBy();
		switch (request.state()) {
			case APPROVED:
				return "This request was already approved" + by + ".";
			case REJECTED:
				return "This request was already rejected" + by + ".";
			case SUPERSEDED:
				return "This request was superseded by a newer request for the same number.";
			case CLEARED:
				return "This request was approved" + by + " and its override has since been cleared.";
			default:
				return "This request is no longer pending.";
		}
	}

	private static Verdict text(String field, @Nullable String value, boolean required, String ask) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty() && !required) {
			return Verdict.ALLOWED;
		}
		int length = text.codePointCount(0, text.length());
		if (required && length < MIN_TEXT) {
			return Verdict.refused(Refusal.INVALID, field, ask + " (at least " + MIN_TEXT + " characters).");
		}
		if (length > MAX_TEXT) {
			return Verdict.refused(Refusal.INVALID, field,
					"At most " + MAX_TEXT + " characters (this one has " + length + ").");
		}
		return Verdict.ALLOWED;
	}
}

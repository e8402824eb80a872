package com.numberops.portal.changes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.providers.ProviderKind;

/**
 * Whether an edit may be made to a number as it is now: one plain function, table-tested
 * ({@code EditRulesUnitTest}), used alike by single edits, bulk previews and bulk confirmations.
 * Nothing here reads a database or a clock.
 */
public final class EditRules {

	public static final int MAX_NAME = 255;

	/** Carrier and campaign identifiers: letters, digits and a few separators, never markup. */
	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

	/** Control characters, and the Unicode line and paragraph separators: a name is one line. */
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}]");

	private EditRules() {
	}

	/**
	 * The problems that stop this edit; none means it may be made.
	 *
	 * @param open the state of an open change of the same kind on this number, if one is on its way
	 */
	public static List<FieldProblem> check(NumberSnapshot number, Edit edit, @Nullable ChangeState open) {
		return check(number, edit, open, false);
	}

	/**
	 * The problems that stop this edit, made to restore what a failed change had replaced: never
	 * "nothing to change", since the mirror may show values the carrier has not settled (or no
	 * longer has), and the change is planned from what the carrier reports; it also settles the
	 * failed change.
	 */
	public static List<FieldProblem> checkRestore(NumberSnapshot number, Edit edit, @Nullable ChangeState open) {
		return check(number, edit, open, true);
	}

	private static List<FieldProblem> check(NumberSnapshot number, Edit edit, @Nullable ChangeState open,
			boolean restore) {
		List<FieldProblem> problems = new ArrayList<>();
		if (number.released()) {
			problems.add(new FieldProblem("", "This number has been released: it can no longer be changed."));
			return problems;
		}
		if (number.releaseScheduledAt() != null) {
			problems.add(new FieldProblem("", edit instanceof Edit.Release
					? "A release is already scheduled for this number."
					: "This number is pending release: cancel the release before changing it."));
			return problems;
		}
		if (edit instanceof Edit.Rename rename) {
			rename(rename, problems);
		}
		else if (edit instanceof Edit.SmsAssignment sms) {
			sms(number, sms, problems);
		}
		else if (edit instanceof Edit.BusinessCampaign campaign) {
			identifier("businessCampaignId", campaign.campaignId(), "campaign id", false, problems);
		}
		else if (edit instanceof Edit.VoiceApp voice) {
			voice(number, voice, problems);
		}
		else if (edit instanceof Edit.CnamLookups) {
			flowroute(number, "enabled", "CNAM lookups", problems);
		}
		else if (edit instanceof Edit.Messaging) {
			// no SMS-capability check: a Flowroute number's SMS capability is its messaging switch itself
			flowroute(number, "enabled", "Messaging enablement", problems);
		}
		else if (edit instanceof Edit.Release release) {
			if (release.reason().length() < 3) {
				problems.add(new FieldProblem("reason", "Say why the number is released (at least 3 characters)."));
			}
			else if (release.reason().length() > 500) {
				problems.add(new FieldProblem("reason", "At most 500 characters."));
			}
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		if (!(edit instanceof Edit.Release) && !restore && number.currentValue(edit.kind()).equals(edit.shownValue())
				&& !number.failedAtCarrier(edit.kind())) {
			problems.add(new FieldProblem(field(edit), "Nothing to change: it is already " + describe(edit) + "."));
		}
		else if (open != null) {
			problems.add(new FieldProblem(field(edit), "Another " + inSentence(edit.kind().label())
					+ " change of this number is already on its way (" + open.label().toLowerCase(java.util.Locale.ROOT)
					+ "): wait for it to settle, or cancel it."));
		}
		return problems;
	}

	/** The form field an edit's value is typed in. */
	public static String field(Edit edit) {
		return switch (edit.kind()) {
			case RENAME -> "name";
			case SMS_CONFIGURATION -> "servicePlanId";
			case BUSINESS_CAMPAIGN -> "businessCampaignId";
			case VOICE_APP -> "appId";
			case CNAM_LOOKUPS, MESSAGING, ENABLEMENT -> "enabled";
			case RELEASE -> "reason";
			case RENT -> "numbers";
		};
	}

	/** A label inside a sentence: "Voice app" becomes "voice app", acronyms (SMS, CNAM, 10DLC) stay as they are. */
	static String inSentence(String label) {
		String first = label.split(" ", 2)[0];
		if (first.length() > 1 && first.equals(first.toUpperCase(java.util.Locale.ROOT))) {
			return label;
		}
		return Character.toLowerCase(label.charAt(0)) + label.substring(1);
	}

	private static String article(String what) {
		return "aeiou".indexOf(what.charAt(0)) >= 0 ? "An " : "A ";
	}

	private static String describe(Edit edit) {
		String value = edit.shownValue();
		return value.isEmpty() ? "empty" : "\"" + value + "\"";
	}

	private static void rename(Edit.Rename rename, List<FieldProblem> problems) {
		String name = rename.name().strip();
		if (name.isEmpty()) {
			problems.add(new FieldProblem("name", "A name is required."));
		}
		else if (name.codePointCount(0, name.length()) > MAX_NAME) {
			problems.add(new FieldProblem("name", "At most " + MAX_NAME + " characters (this one has "
					+ name.codePointCount(0, name.length()) + ")."));
		}
		else if (CONTROL.matcher(name).find()) {
			problems.add(new FieldProblem("name", "A name is one line, without control characters."));
		}
	}

	private static void sms(NumberSnapshot number, Edit.SmsAssignment sms, List<FieldProblem> problems) {
		if (number.provider() == ProviderKind.FLOWROUTE) {
			problems.add(new FieldProblem("servicePlanId",
					"SMS service plans and 10DLC campaigns are Sinch settings; this is a Flowroute number."));
			return;
		}
		if (!number.smsCapable()) {
			problems.add(new FieldProblem("servicePlanId", "This number has no SMS capability."));
			return;
		}
		identifier("servicePlanId", sms.servicePlanId(), "service plan id", false, problems);
		identifier("campaignId", sms.campaignId(), "campaign id", false, problems);
		if (!sms.campaignId().isEmpty() && !number.us()) {
			problems.add(new FieldProblem("campaignId", "10DLC campaigns apply to US numbers only; this is a "
					+ (number.countryCode() == null ? "non-US" : number.countryCode()) + " number."));
		}
		if (!sms.campaignId().isEmpty() && sms.servicePlanId().isEmpty() && number.provider() == ProviderKind.SINCH) {
			problems.add(new FieldProblem("servicePlanId", "A 10DLC campaign needs a service plan on an active number."));
		}
	}

	private static void voice(NumberSnapshot number, Edit.VoiceApp voice, List<FieldProblem> problems) {
		if (number.provider() != ProviderKind.SINCH) {
			problems.add(new FieldProblem("appId", number.provider() == ProviderKind.SINCH_IMPORTED
					? "Imported Sinch numbers have no voice configuration."
					: "Voice apps are a Sinch setting; this is a Flowroute number."));
			return;
		}
		if (!number.voiceCapable()) {
			problems.add(new FieldProblem("appId", "This number has no voice capability."));
			return;
		}
		identifier("appId", voice.appId(), "app id", true, problems);
	}

	private static void flowroute(NumberSnapshot number, String field, String what, List<FieldProblem> problems) {
		if (number.provider() != ProviderKind.FLOWROUTE) {
			problems.add(new FieldProblem(field, what + " is a Flowroute setting; this is a Sinch number."));
		}
	}

	private static void identifier(String field, String value, String what, boolean required,
			List<FieldProblem> problems) {
		if (value.isEmpty()) {
			if (required) {
				problems.add(new FieldProblem(field, article(what) + what + " is required."));
			}
			return;
		}
		if (!IDENTIFIER.matcher(value).matches()) {
			problems.add(new FieldProblem(field, article(what) + what
					+ " is 1 to 100 letters, digits, dots, colons, dashes or underscores, starting with a letter or digit."));
		}
	}
}

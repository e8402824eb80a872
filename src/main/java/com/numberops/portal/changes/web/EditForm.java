package com.numberops.portal.changes.web;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Stream;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.changes.ChangeKind;
import com.numberops.portal.changes.Edit;

/**
 * What an edit form sends, the number page's forms and the bulk page's alike, and the one place
 * such a form becomes an {@link Edit} ({@link #toEdit}). Bean Validation checks what a form itself
 * can get wrong (a switch neither on nor off, an absurd length); the values' rules are EditRules',
 * which the service applies. A field the form did not send reads as blank.
 *
 * @param kind the bulk form's choice of edit (a number page's form says it in its address)
 * @param version the number's version the form was drawn from (the number page's forms)
 * @param basedOn the name the rename form was drawn from (a conflict shows what replaced it); null when not sent
 * @param confirmed the SMS ids a warning was shown for, space separated: sent again, they are used anyway
 * Serializable: a refused form is flashed to the next page through the shared session store.
 */
record EditForm(String kind, @Size(max = EditForm.TEXT_MAX, message = "{form.too-long}") String name,
		@Size(max = EditForm.TEXT_MAX, message = "{form.too-long}") String servicePlanId,
		@Size(max = EditForm.TEXT_MAX, message = "{form.too-long}") String campaignId,
		@Size(max = EditForm.TEXT_MAX, message = "{form.too-long}") String businessCampaignId,
		@Size(max = EditForm.TEXT_MAX, message = "{form.too-long}") String appId,
		@Pattern(regexp = "(true|false)?", message = "{edit.enabled.on-or-off}") String enabled,
		@Size(max = EditForm.TEXT_MAX, message = "{form.too-long}") String reason, String version, @Nullable String basedOn,
		String confirmed) implements Serializable {

	/** Longer than any value a rule accepts, so the rule's own message still speaks for lengths it knows. */
	static final int TEXT_MAX = 1000;

	EditForm(@Nullable String kind, @Nullable String name, @Nullable String servicePlanId, @Nullable String campaignId,
			@Nullable String businessCampaignId, @Nullable String appId, @Nullable String enabled,
			@Nullable String reason, @Nullable String version, @Nullable String basedOn, @Nullable String confirmed) {
		this.kind = blankIfNull(kind);
		this.name = blankIfNull(name);
		this.servicePlanId = blankIfNull(servicePlanId);
		this.campaignId = blankIfNull(campaignId);
		this.businessCampaignId = blankIfNull(businessCampaignId);
		this.appId = blankIfNull(appId);
		this.enabled = blankIfNull(enabled);
		this.reason = blankIfNull(reason);
		this.version = blankIfNull(version);
		// not blanked: a rename form drawn from no name sends "", another form sends nothing
		this.basedOn = basedOn;
		this.confirmed = blankIfNull(confirmed);
	}

	/** An empty form: what a page draws when nothing was sent yet. */
	static EditForm blank() {
		return new EditForm(null, null, null, null, null, null, null, null, null, null, null);
	}

	/** The edit of the given kind this form asks for; a switch that says neither on nor off is refused. */
	Edit toEdit(ChangeKind kind) {
		return switch (kind) {
			case RENAME -> new Edit.Rename(name);
			case SMS_CONFIGURATION -> new Edit.SmsAssignment(servicePlanId, campaignId);
			case BUSINESS_CAMPAIGN -> new Edit.BusinessCampaign(businessCampaignId);
			case VOICE_APP -> new Edit.VoiceApp(appId);
			case CNAM_LOOKUPS -> new Edit.CnamLookups(on(kind));
			case MESSAGING -> new Edit.Messaging(on(kind));
			case ENABLEMENT -> new Edit.Enablement(on(kind));
			case RELEASE -> new Edit.Release(reason);
			// numbers are bought on /numbers/buy, not edited into being
			case RENT -> throw new com.numberops.portal.system.UnknownTarget("An edit form for renting");
		};
	}

	/** The version the form was drawn from; none (an older form) skips the check. */
	@Nullable Long versionNumber() {
		if (version.isBlank()) {
			return null;
		}
		if (!version.strip().matches("\\d{1,18}")) {
			throw new FormRefused("", "edit.form.damaged");
		}
		return Long.valueOf(version.strip());
	}

	/** The ids a warning was shown for, as the form sends them back. */
	List<String> confirmedIds() {
		String ids = confirmed.strip();
		return ids.isEmpty() ? List.of() : List.of(ids.split("\\s+"));
	}

	/** The SMS ids typed, to be confirmed as they are. */
	List<String> smsIds() {
		return Stream.of(servicePlanId, campaignId).filter(id -> !id.isBlank()).map(String::strip).toList();
	}

	private boolean on(ChangeKind kind) {
		return switch (enabled) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new FormRefused("enabled", "edit.enabled.say-on-or-off", kind.label());
		};
	}

	private static String blankIfNull(@Nullable String value) {
		return value == null ? "" : value;
	}
}

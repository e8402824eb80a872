package com.numberops.portal.changes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.numberops.portal.changes.ChangeKind;
import com.numberops.portal.changes.Edit;

/**
 * The one place a form becomes an edit: the number page's forms (by their address) and the bulk
 * form (by its choice of kind) read the same fields into the same edits.
 */
class EditFormUnitTest {

	static ValidatorFactory factory;

	static Validator validator;

	@BeforeAll
	static void validator() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void close() {
		factory.close();
	}

	static EditForm form(String name, String plan, String campaign, String businessCampaign, String app, String enabled,
			String reason) {
		return new EditForm(null, name, plan, campaign, businessCampaign, app, enabled, reason, null, null, null);
	}

	@Test
	void everyKindIsReadFromItsOwnFields() {
		EditForm form = form(" Front desk ", " sp-1 ", "C1", "promo", "app-9", "true", " no longer needed ");
		assertThat(form.toEdit(ChangeKind.RENAME)).isEqualTo(new Edit.Rename(" Front desk "));
		assertThat(form.toEdit(ChangeKind.SMS_CONFIGURATION)).isEqualTo(new Edit.SmsAssignment("sp-1", "C1"));
		assertThat(form.toEdit(ChangeKind.BUSINESS_CAMPAIGN)).isEqualTo(new Edit.BusinessCampaign("promo"));
		assertThat(form.toEdit(ChangeKind.VOICE_APP)).isEqualTo(new Edit.VoiceApp("app-9"));
		assertThat(form.toEdit(ChangeKind.CNAM_LOOKUPS)).isEqualTo(new Edit.CnamLookups(true));
		assertThat(form.toEdit(ChangeKind.MESSAGING)).isEqualTo(new Edit.Messaging(true));
		assertThat(form.toEdit(ChangeKind.ENABLEMENT)).isEqualTo(new Edit.Enablement(true));
		assertThat(form.toEdit(ChangeKind.RELEASE)).isEqualTo(new Edit.Release("no longer needed"));
		assertThat(form(null, null, null, null, null, "false", null).toEdit(ChangeKind.ENABLEMENT))
			.isEqualTo(new Edit.Enablement(false));
	}

	@Test
	void fieldsNotSentReadAsBlank() {
		EditForm nothing = EditForm.blank();
		assertThat(nothing.toEdit(ChangeKind.SMS_CONFIGURATION)).isEqualTo(new Edit.SmsAssignment("", ""));
		assertThat(nothing.toEdit(ChangeKind.RENAME)).isEqualTo(new Edit.Rename(""));
		assertThat(nothing.versionNumber()).isNull();
		assertThat(nothing.basedOn()).as("the rename form's \"drawn from no name\" stays apart from not sent").isNull();
		assertThat(nothing.confirmedIds()).isEmpty();
	}

	@Test
	void aSwitchThatSaysNeitherOnNorOffIsRefusedAtItsField() {
		for (ChangeKind kind : new ChangeKind[] { ChangeKind.CNAM_LOOKUPS, ChangeKind.MESSAGING, ChangeKind.ENABLEMENT }) {
			assertThatThrownBy(() -> EditForm.blank().toEdit(kind)).isInstanceOfSatisfying(FormRefused.class, refused -> {
				assertThat(refused.field()).isEqualTo("enabled");
				assertThat(refused.text().getCodes()).containsExactly("edit.enabled.say-on-or-off");
				assertThat(refused.text().getArguments()).containsExactly(kind.label());
			});
		}
		assertThat(violations(form(null, null, null, null, null, "maybe", null))).containsExactly("enabled");
		assertThat(violations(form(null, null, null, null, null, "", null))).as("not sent: the kind decides").isEmpty();
	}

	@Test
	void aDamagedVersionRefusesTheWholeForm() {
		EditForm damaged = new EditForm(null, "x", null, null, null, null, null, null, "12a", null, null);
		assertThatThrownBy(damaged::versionNumber).isInstanceOfSatisfying(FormRefused.class, refused -> {
			assertThat(refused.field()).as("the form as a whole").isEmpty();
			assertThat(refused.text().getCodes()).containsExactly("edit.form.damaged");
		});
		assertThat(new EditForm(null, null, null, null, null, null, null, null, " 42 ", null, null).versionNumber())
			.isEqualTo(42L);
	}

	@Test
	void absurdLengthsAreRefusedByTheFormBeforeAnyRule() {
		String long_ = "x".repeat(EditForm.TEXT_MAX + 1);
		assertThat(violations(form(long_, long_, long_, long_, long_, null, long_))).containsExactlyInAnyOrder("name",
				"servicePlanId", "campaignId", "businessCampaignId", "appId", "reason");
		String longest = "x".repeat(EditForm.TEXT_MAX);
		assertThat(violations(form(longest, null, null, null, null, null, null))).isEmpty();
	}

	@Test
	void theSmsIdsTypedAndConfirmedAreReadAsTheWarningShowedThem() {
		EditForm sms = new EditForm(null, null, " sp-x ", "", null, null, null, null, null, null, " sp-x  C1 ");
		assertThat(sms.smsIds()).containsExactly("sp-x");
		assertThat(sms.confirmedIds()).containsExactly("sp-x", "C1");
	}

	static java.util.List<String> violations(EditForm form) {
		Set<ConstraintViolation<EditForm>> found = validator.validate(form);
		return found.stream().map(v -> v.getPropertyPath().toString()).toList();
	}
}

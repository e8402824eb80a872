package com.numberops.portal.changes.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.numberops.portal.changes.Change;
import com.numberops.portal.changes.ChangeKind;
import com.numberops.portal.changes.Edit;
import com.numberops.portal.changes.EditConflict;
import com.numberops.portal.changes.NumberEdits;
import com.numberops.portal.changes.UnseenSmsIds;
import com.numberops.portal.numbers.EditRefused;
import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.system.Confirmation;
import com.numberops.portal.system.FormErrors;
import com.numberops.portal.system.PageTimes;
import com.numberops.portal.system.PathIds;
import com.numberops.portal.system.Toast;
import com.numberops.portal.system.UnknownTarget;
import com.numberops.portal.users.PortalPrincipal;

/**
 * The edit forms of a number's page, bound to {@link EditForm}. Every answer is a redirect back to
 * the number (POST, redirect, GET): a refusal (the form's own Bean Validation, or the rules the
 * service applies) comes back as the form and its errors, which the shared field fragment shows
 * next to each field; a conflict as its message with the values typed; a success as a toast and
 * the change in the number's Changes table. An SMS plan or campaign the account never had comes
 * back as a warning to confirm (UnseenSmsIds): the form then carries the warned ids in
 * {@code confirmed}, and sending them again goes through.
 */
@Controller
class NumberEditController {

	/** The form's model name; {@link EditFormPart} draws an empty one when nothing was sent. */
	static final String FORM = "editForm";

	/** Each form of the number's page by the last part of its address. */
	static final Map<String, ChangeKind> FORMS = Map.of("rename", ChangeKind.RENAME, "sms",
			ChangeKind.SMS_CONFIGURATION, "campaign", ChangeKind.BUSINESS_CAMPAIGN, "voice", ChangeKind.VOICE_APP, "cnam",
			ChangeKind.CNAM_LOOKUPS, "messaging", ChangeKind.MESSAGING, "enablement", ChangeKind.ENABLEMENT, "release",
			ChangeKind.RELEASE);

	private final NumberEdits edits;

	private final UnseenSmsIds unseen;

	private final MessageSourceAccessor text;

	private final PageTimes times;

	NumberEditController(NumberEdits edits, UnseenSmsIds unseen, MessageSource messages, PageTimes times) {
		this.edits = edits;
		this.times = times;
		this.unseen = unseen;
		this.text = new MessageSourceAccessor(messages);
	}

	@PostMapping("/numbers/" + PathIds.ID + "/edits/{form}")
	String edit(@PathVariable("id") long numberId, @PathVariable("form") String formName,
			@Valid @ModelAttribute(FORM) EditForm form, BindingResult result,
			@AuthenticationPrincipal PortalPrincipal user, RedirectAttributes redirect, HttpServletRequest request,
			Model model) {
		ChangeKind kind = FORMS.get(formName);
		if (kind == null) {
			throw new UnknownTarget("Edit form " + formName);
		}
		String back = "redirect:/numbers/" + numberId;
		try {
			if (result.hasErrors()) {
				return refused(redirect, formName, form, result, back);
			}
			Edit edit = form.toEdit(kind);
			if (kind == ChangeKind.RELEASE && !Confirmation.given(request)) {
				return confirmRelease(user, numberId, form, edit, model);
			}
			Map<String, String> warnings = unseen.toConfirm(user, numberId, edit, form.confirmedIds());
			if (!warnings.isEmpty()) {
				keep(redirect, formName, form, result);
				redirect.addFlashAttribute("editWarnings", warnings);
				redirect.addFlashAttribute("editConfirm", String.join(" ", form.smsIds()));
				Toast.error(text.getMessage("edit.toast.unseen")).flash(redirect);
				return back;
			}
			Change change = edits.submit(user, numberId, edit, form.versionNumber(), form.basedOn());
			if (kind == ChangeKind.RELEASE) {
				Toast.success(text.getMessage("edit.toast.release-held", new Object[] { change.number(),
						times.at(change.nextAttemptAt()), times.relative(change.nextAttemptAt()) })).flash(redirect);
				return back;
			}
			Toast.success(text.getMessage(change.kind().providerBound() ? "edit.toast.sent" : "edit.toast.changed",
					new Object[] { change.kind().label() })).flash(redirect);
		}
		catch (EditRefused refused) {
			for (FieldProblem problem : refused.problems()) {
				FormErrors.reject(result, problem.field(), problem.message());
			}
			return refused(redirect, formName, form, result, back);
		}
		catch (FormRefused refused) {
			FormErrors.reject(result, refused.field(), text.getMessage(refused.text()));
			return refused(redirect, formName, form, result, back);
		}
		catch (EditConflict conflict) {
			keep(redirect, formName, form, result);
			redirect.addFlashAttribute("editConflict", conflict.getMessage());
			Toast.error(text.getMessage("edit.toast.conflict")).flash(redirect);
		}
		return back;
	}

	/**
	 * A release is asked once more before it is made: what the rules would refuse is refused now,
	 * else the page says until when the number is held and posts the form again with the person's yes.
	 */
	private String confirmRelease(PortalPrincipal user, long numberId, EditForm form, Edit edit, Model model) {
		NumberEdits.Preview preview = edits.preview(user, numberId, edit);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("reason", form.reason());
		fields.put("version", form.version());
		model.addAttribute("confirmation", new Confirmation(
				text.getMessage("edit.release.confirm.question", new Object[] { preview.number() }),
				text.getMessage("edit.release.confirm.detail",
						new Object[] { times.at(preview.runsAt()), times.relative(preview.runsAt()), form.reason() }),
				"/numbers/" + numberId + "/edits/release", fields, text.getMessage("edit.release.button"),
				"/numbers/" + numberId));
		return Confirmation.PAGE;
	}

	private String refused(RedirectAttributes redirect, String formName, EditForm form, BindingResult result,
			String back) {
		keep(redirect, formName, form, result);
		String messages = String.join(" ", result.getAllErrors().stream().map(e -> String.valueOf(e.getDefaultMessage())).toList());
		Toast.error(text.getMessage("form.toast.not-changed", new Object[] { messages })).flash(redirect);
		return back;
	}

	/** The form as typed and its errors, for the page the redirect draws; editKind says which form it was. */
	private static void keep(RedirectAttributes redirect, String formName, EditForm form, BindingResult result) {
		redirect.addFlashAttribute("editKind", formName);
		redirect.addFlashAttribute(FORM, form);
		redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, result);
	}
}

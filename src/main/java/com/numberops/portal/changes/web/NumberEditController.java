package com.numberops.portal.changes.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.numberops.portal.changes.Change;
import com.numberops.portal.changes.Edit;
import com.numberops.portal.changes.EditConflict;
import com.numberops.portal.changes.NumberEdits;
import com.numberops.portal.changes.UnseenSmsIds;
import com.numberops.portal.numbers.EditRefused;
import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.system.PathIds;
import com.numberops.portal.system.Toast;
import com.numberops.portal.system.UnknownTarget;
import com.numberops.portal.users.PortalPrincipal;

/**
 * The edit forms of a number's page. Every answer is a redirect back to the number (POST,
 * redirect, GET): a refusal or a conflict comes back as the form's field errors and the values
 * typed, a success as a toast and the change in the number's Changes table. An SMS plan or
 * campaign the account never had comes back as a warning to confirm (UnseenSmsIds): the form
 * then carries the warned ids in {@code confirmed}, and sending them again goes through.
 */
@Controller
class NumberEditController {

	private final NumberEdits edits;

	private final UnseenSmsIds unseen;

	NumberEditController(NumberEdits edits, UnseenSmsIds unseen) {
		this.edits = edits;
		this.unseen = unseen;
	}

	@PostMapping("/numbers/" + PathIds.ID + "/edits/{form}")
	String edit(@PathVariable("id") long numberId, @PathVariable String form,
			@RequestParam Map<String, String> values, @AuthenticationPrincipal PortalPrincipal user,
			RedirectAttributes redirect) {
		String back = "redirect:/numbers/" + numberId;
		try {
			Edit edit = EditForms.edit(form, values);
			Map<String, String> warnings = unseen.toConfirm(user, numberId, edit, EditForms.confirmed(values));
			if (!warnings.isEmpty()) {
				keep(redirect, form, values);
				redirect.addFlashAttribute("editWarnings", warnings);
				redirect.addFlashAttribute("editConfirm", String.join(" ", EditForms.ids(values)));
				Toast.error("Not sent yet: check the ids, or send them again to use them anyway.").flash(redirect);
				return back;
			}
			Change change = edits.submit(user, numberId, edit, EditForms.version(values.get("version")),
					values.get("basedOn"));
			Toast.success(change.kind().providerBound()
					? change.kind().label() + " saved and on its way to the carrier."
					: change.kind().label() + " changed.").flash(redirect);
		}
		catch (EditRefused refused) {
			Map<String, String> errors = new HashMap<>();
			for (FieldProblem problem : refused.problems()) {
				errors.merge(problem.field(), problem.message(), (a, b) -> a + " " + b);
			}
			keep(redirect, form, values);
			redirect.addFlashAttribute("editErrors", errors);
			Toast.error("Not changed: " + refused.getMessage()).flash(redirect);
		}
		catch (EditConflict conflict) {
			keep(redirect, form, values);
			redirect.addFlashAttribute("editConflict", conflict.getMessage());
			Toast.error("Not changed: someone else changed this number meanwhile.").flash(redirect);
		}
		return back;
	}

	private static void keep(RedirectAttributes redirect, String form, Map<String, String> values) {
		Map<String, String> typed = new HashMap<>(values);
		typed.remove("_csrf");
		redirect.addFlashAttribute("editKind", form);
		redirect.addFlashAttribute("editValues", typed);
	}

	/** Form fields into edits; anything unreadable is a refusal, an unknown form a 404. */
	static final class EditForms {

		private EditForms() {
		}

		static Edit edit(String form, Map<String, String> values) {
			return switch (form) {
				case "rename" -> new Edit.Rename(values.getOrDefault("name", ""));
				case "sms" -> new Edit.SmsAssignment(values.get("servicePlanId"), values.get("campaignId"));
				case "campaign" -> new Edit.BusinessCampaign(values.get("businessCampaignId"));
				case "voice" -> new Edit.VoiceApp(values.get("appId"));
				case "cnam" -> new Edit.CnamLookups(flag(values.get("enabled")));
				case "messaging" -> new Edit.Messaging(flag(values.get("enabled")));
				case "enablement" -> new Edit.Enablement(flag(values.get("enabled")));
				case "release" -> new Edit.Release(values.get("reason"));
				default -> throw new UnknownTarget("Edit form " + form);
			};
		}

		/** The ids a warning was shown for, as the form sends them back ({@code confirmed}, space separated). */
		static List<String> confirmed(Map<String, String> values) {
			String confirmed = values.getOrDefault("confirmed", "").strip();
			return confirmed.isEmpty() ? List.of() : List.of(confirmed.split("\\s+"));
		}

		/** The SMS ids typed, to be confirmed as they are. */
		static List<String> ids(Map<String, String> values) {
			return Stream.of(values.get("servicePlanId"), values.get("campaignId"))
				.filter(id -> id != null && !id.isBlank())
				.map(String::strip)
				.toList();
		}

		static @Nullable Long version(@Nullable String version) {
			if (version == null || version.isBlank()) {
				return null;
			}
			if (!version.strip().matches("\\d{1,18}")) {
				throw new EditRefused("", "This form is out of date or damaged: reload the page and try again.");
			}
			return Long.valueOf(version.strip());
		}

		private static boolean flag(@Nullable String value) {
			if ("true".equals(value)) {
				return true;
			}
			if ("false".equals(value)) {
				return false;
			}
			throw new EditRefused("enabled", "Choose on or off.");
		}
	}
}

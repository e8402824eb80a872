package com.numberops.portal.warmup.web;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.numberops.portal.numbers.EditRefused;
import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.system.FormErrors;
import com.numberops.portal.system.PathIds;
import com.numberops.portal.system.Toast;
import com.numberops.portal.system.UnknownTarget;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.warmup.Channel;
import com.numberops.portal.warmup.WarmupService;

/**
 * The warmup buttons of a number's page: {@code POST /numbers/{id}/warmup/{sms|call}/{on|off|pause|resume}},
 * bound to {@link WarmupForm}. Every answer redirects back to the number (POST, redirect, GET): a
 * success with a toast, a refusal with the form and its errors (shown next to the field by the
 * shared field fragment) under the warmup's section.
 */
@Controller
class WarmupController {

	/** The form's model name; {@link WarmupFormPart} draws an empty one when nothing was sent. */
	static final String FORM = "warmupForm";

	private final WarmupService warmup;

	private final MessageSourceAccessor text;

	WarmupController(WarmupService warmup, MessageSource messages) {
		this.warmup = warmup;
		this.text = new MessageSourceAccessor(messages);
	}

	@PostMapping("/numbers/" + PathIds.ID + "/warmup/{channel}/{action}")
	String act(@PathVariable("id") long numberId, @PathVariable String channel, @PathVariable String action,
			@Valid @ModelAttribute(FORM) WarmupForm form, BindingResult result,
			@AuthenticationPrincipal PortalPrincipal user, RedirectAttributes redirect) {
		Channel which = switch (channel) {
			case "sms" -> Channel.SMS;
			case "call" -> Channel.CALL;
			default -> throw new UnknownTarget("Warmup " + channel);
		};
		try {
			if (result.hasErrors()) {
				return refused(redirect, which, form, result, numberId);
			}
			String outcome = switch (action) {
				case "on" -> {
					warmup.turnOn(user, numberId, which);
					yield "warmup.toast.turned-on";
				}
				case "off" -> {
					warmup.turnOff(user, numberId, which);
					yield "warmup.toast.turned-off";
				}
				case "pause" -> {
					warmup.pause(user, numberId, which, form.reason());
					yield "warmup.toast.paused";
				}
				case "resume" -> {
					warmup.resume(user, numberId, which);
					yield "warmup.toast.resumed";
				}
				default -> throw new UnknownTarget("Warmup action " + action);
			};
			Toast.success(text.getMessage(outcome, new Object[] { which.label() })).flash(redirect);
		}
		catch (EditRefused refused) {
			for (FieldProblem problem : refused.problems()) {
				FormErrors.reject(result, problem.field(), problem.message());
			}
			return refused(redirect, which, form, result, numberId);
		}
		return back(numberId);
	}

	/** The form as typed and its errors, for the section of the channel they belong to. */
	private String refused(RedirectAttributes redirect, Channel which, WarmupForm form, BindingResult result,
			long numberId) {
		redirect.addFlashAttribute("warmupChannel", which.path());
		redirect.addFlashAttribute(FORM, form);
		redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, result);
		Toast.error(text.getMessage("warmup.toast.not-changed", new Object[] { which.label(), String.join(" ",
				result.getAllErrors().stream().map(e -> String.valueOf(e.getDefaultMessage())).toList()) }))
			.flash(redirect);
		return back(numberId);
	}

	private static String back(long numberId) {
		return "redirect:/numbers/" + numberId;
	}
}

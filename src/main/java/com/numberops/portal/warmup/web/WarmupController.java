package com.numberops.portal.warmup.web;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.numberops.portal.numbers.EditRefused;
import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.system.PathIds;
import com.numberops.portal.system.Toast;
import com.numberops.portal.system.UnknownTarget;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.warmup.Channel;
import com.numberops.portal.warmup.WarmupService;

/**
 * The warmup buttons of a number's page: {@code POST /numbers/{id}/warmup/{sms|call}/{on|off|pause|resume}}.
 * Every answer redirects back to the number (POST, redirect, GET): a success with a toast, a
 * refusal with its field errors (and the reason typed) under the warmup's section.
 */
@Controller
class WarmupController {

	private final WarmupService warmup;

	WarmupController(WarmupService warmup) {
		this.warmup = warmup;
	}

	@PostMapping("/numbers/" + PathIds.ID + "/warmup/{channel}/{action}")
	String act(@PathVariable("id") long numberId, @PathVariable String channel, @PathVariable String action,
			@RequestParam(required = false) @Nullable String reason, @AuthenticationPrincipal PortalPrincipal user,
			RedirectAttributes redirect) {
		Channel which = switch (channel) {
			case "sms" -> Channel.SMS;
			case "call" -> Channel.CALL;
			default -> throw new UnknownTarget("Warmup " + channel);
		};
		try {
			String done = switch (action) {
				case "on" -> {
					warmup.turnOn(user, numberId, which);
					yield "turned on";
				}
				case "off" -> {
					warmup.turnOff(user, numberId, which);
					yield "turned off";
				}
				case "pause" -> {
					warmup.pause(user, numberId, which, reason);
					yield "paused";
				}
				case "resume" -> {
					warmup.resume(user, numberId, which);
					yield "resumed";
				}
				default -> throw new UnknownTarget("Warmup action " + action);
			};
			Toast.success(which.label() + " " + done + ".").flash(redirect);
		}
		catch (EditRefused refused) {
			Map<String, String> errors = new HashMap<>();
			for (FieldProblem problem : refused.problems()) {
				errors.merge(problem.field(), problem.message(), (a, b) -> a + " " + b);
			}
			redirect.addFlashAttribute("warmupChannel", which.path());
			redirect.addFlashAttribute("warmupErrors", errors);
			redirect.addFlashAttribute("warmupReason", reason == null ? "" : reason);
			Toast.error(which.label() + " not changed: " + refused.getMessage()).flash(redirect);
		}
		return "redirect:/numbers/" + numberId;
	}
}

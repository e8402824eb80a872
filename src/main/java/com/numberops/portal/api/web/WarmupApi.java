package com.numberops.portal.api.web;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.numberops.portal.api.PhoneNumberDocument;
import com.numberops.portal.system.PathIds;
import com.numberops.portal.system.UnknownTarget;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.warmup.Channel;
import com.numberops.portal.warmup.WarmupService;

/**
 * The warmup buttons of a number's page as resources:
 * {@code POST /api/phone-numbers/{id}/warmup/{sms|call}/{on|off|pause|resume}}, a pause with
 * {@code {"reason": "..."}}. The same service as the page (operators and admins; the state
 * machine's and the eligibility's refusals, 422); the answer is the number as it stands (200):
 * warmup is the portal's own, nothing waits for a carrier.
 */
@RestController
class WarmupApi {

	/** @param reason why warmup is paused (pause only; at most {@value WarmupService#REASON_MAX} characters) */
	record WarmupStep(@Nullable @Size(max = WarmupService.REASON_MAX,
			message = "A pause reason is at most " + WarmupService.REASON_MAX + " characters.") String reason) {
	}

	private final WarmupService warmup;

	private final NumberAnswers answers;

	WarmupApi(WarmupService warmup, NumberAnswers answers) {
		this.warmup = warmup;
		this.answers = answers;
	}

	@PostMapping(path = "/api/phone-numbers/" + PathIds.ID + "/warmup/{channel}/{action}",
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PhoneNumberDocument> act(@PathVariable long id, @PathVariable String channel,
			@PathVariable String action, @Valid @RequestBody(required = false) @Nullable WarmupStep body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal PortalPrincipal user) {
		Channel which = switch (channel) {
			case "sms" -> Channel.SMS;
			case "call" -> Channel.CALL;
			default -> throw new UnknownTarget("Warmup " + channel);
		};
		Long basedOn = IfMatch.version(ifMatch);
		if (basedOn != null) {
			IfMatch.check(basedOn, answers.version(user, id));
		}
		switch (action) {
			case "on" -> warmup.turnOn(user, id, which);
			case "off" -> warmup.turnOff(user, id, which);
			case "pause" -> warmup.pause(user, id, which, body == null ? null : body.reason());
			case "resume" -> warmup.resume(user, id, which);
			default -> throw new UnknownTarget("Warmup action " + action);
		}
		return answers.ok(user, id);
	}
}

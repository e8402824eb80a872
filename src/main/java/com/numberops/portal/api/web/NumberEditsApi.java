package com.numberops.portal.api.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.numberops.portal.api.PhoneNumberDocument;
import com.numberops.portal.changes.Change;
import com.numberops.portal.changes.ChangeKind;
import com.numberops.portal.changes.Edit;
import com.numberops.portal.changes.NumberEdits;
import com.numberops.portal.changes.UnseenSmsIds;
import com.numberops.portal.numbers.EditRefused;
import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.numbers.NumberDetails;
import com.numberops.portal.numbers.PendingChange;
import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.system.PathIds;
import com.numberops.portal.users.PortalPrincipal;

/**
 * The edits of a number other than those of its seed-003 record (name, enabled, override: the PUT
 * of the number itself), one resource each, through the same service as the number page's forms
 * ({@link NumberEdits}: the same rules, events, outbox and roles):
 *
 * <ul>
 * <li>{@code POST /api/phone-numbers/{id}/sms-configuration} {@code {"servicePlanId", "campaignId", "confirmUnseen"}}
 * <li>{@code POST /api/phone-numbers/{id}/business-campaign} {@code {"businessCampaignId"}}
 * <li>{@code POST /api/phone-numbers/{id}/voice-app} {@code {"appId"}}
 * <li>{@code POST /api/phone-numbers/{id}/cnam-lookups} {@code {"enabled"}}
 * <li>{@code POST /api/phone-numbers/{id}/messaging} {@code {"enabled"}}
 * <li>{@code POST /api/phone-numbers/{id}/release} {@code {"reason"}} (admins; held, cancellable)
 * <li>{@code POST /api/phone-numbers/{id}/release/cancel} (admins, during the hold)
 * </ul>
 *
 * An edit a carrier applies answers 202 Accepted with the change's address as Location; one the
 * portal applies at once answers 200. Either way the body is the number as it stands, its version
 * as ETag, and links to its open changes ({@code links.change}: the one just made). With
 * {@code If-Match} (the number's ETag) an edit based on an older version is refused (412). A blank
 * id means none: {@code "servicePlanId": "", "campaignId": ""} unlinks both.
 */
@RestController
@RequestMapping(path = "/api/phone-numbers/" + PathIds.ID, produces = MediaType.APPLICATION_JSON_VALUE)
class NumberEditsApi {

	/** Longer than any id a rule accepts, so the rules' own messages still speak for the lengths they know. */
	static final int TEXT_MAX = 1000;

	static final String TOO_LONG = "At most " + TEXT_MAX + " characters.";

	/**
	 * @param servicePlanId the Sinch service plan, "" for none
	 * @param campaignId the 10DLC campaign (US numbers), "" for none
	 * @param confirmUnseen true: use a plan or campaign no number of the account ever had (otherwise refused with a warning)
	 */
	record SmsConfigurationEdit(
			@NotNull(message = "Send the service plan id (\"\" for none).") @Size(max = TEXT_MAX, message = TOO_LONG) String servicePlanId,
			@NotNull(message = "Send the 10DLC campaign id (\"\" for none).") @Size(max = TEXT_MAX, message = TOO_LONG) String campaignId,
			@Nullable Boolean confirmUnseen) {
	}

	/** @param businessCampaignId the business campaign the number serves, "" for none */
	record BusinessCampaignEdit(
			@NotNull(message = "Send the business campaign id (\"\" for none).") @Size(max = TEXT_MAX, message = TOO_LONG) String businessCampaignId) {
	}

	/** @param appId the Sinch voice app, "" for none */
	record VoiceAppEdit(@NotNull(message = "Send the voice app id (\"\" for none).") @Size(max = TEXT_MAX, message = TOO_LONG) String appId) {
	}

	/** @param enabled on (true) or off (false) */
	record SwitchEdit(@NotNull(message = "Say true (on) or false (off).") Boolean enabled) {
	}

	/** @param reason why the number goes back to its carrier (3 to 500 characters) */
	record ReleaseEdit(@NotNull(message = "Say why the number is released.") @Size(max = TEXT_MAX, message = TOO_LONG) String reason) {
	}

	private final NumberEdits edits;

	private final UnseenSmsIds unseen;

	private final NumberAnswers answers;

	private final NumberDetails details;

	NumberEditsApi(NumberEdits edits, UnseenSmsIds unseen, NumberAnswers answers, NumberDetails details) {
		this.edits = edits;
		this.unseen = unseen;
		this.answers = answers;
		this.details = details;
	}

	/** The Sinch SMS service plan and 10DLC campaign; an id the account never had needs {@code confirmUnseen}. */
	@PostMapping("/sms-configuration")
	ResponseEntity<PhoneNumberDocument> smsConfiguration(@PathVariable long id,
			@Valid @RequestBody SmsConfigurationEdit body, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
			@Nullable String ifMatch, @AuthenticationPrincipal PortalPrincipal user) {
		Edit edit = new Edit.SmsAssignment(body.servicePlanId(), body.campaignId());
		if (!Boolean.TRUE.equals(body.confirmUnseen())) {
			Map<String, String> warnings = unseen.toConfirm(user, id, edit, List.of());
			if (!warnings.isEmpty()) {
				throw new EditRefused(warnings.entrySet()
					.stream()
					.map(warning -> new FieldProblem(warning.getKey(),
							warning.getValue() + " (\"confirmUnseen\": true)"))
					.toList());
			}
		}
		return submit(user, id, edit, ifMatch);
	}

	/** The business campaign the number serves: local routing, made at once (200). */
	@PostMapping("/business-campaign")
	ResponseEntity<PhoneNumberDocument> businessCampaign(@PathVariable long id, @Valid @RequestBody BusinessCampaignEdit body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal PortalPrincipal user) {
		return submit(user, id, new Edit.BusinessCampaign(body.businessCampaignId()), ifMatch);
	}

	/** The Sinch voice app. */
	@PostMapping("/voice-app")
	ResponseEntity<PhoneNumberDocument> voiceApp(@PathVariable long id, @Valid @RequestBody VoiceAppEdit body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal PortalPrincipal user) {
		return submit(user, id, new Edit.VoiceApp(body.appId()), ifMatch);
	}

	/** Flowroute CNAM lookups on inbound calls. */
	@PostMapping("/cnam-lookups")
	ResponseEntity<PhoneNumberDocument> cnamLookups(@PathVariable long id, @Valid @RequestBody SwitchEdit body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal PortalPrincipal user) {
		return submit(user, id, new Edit.CnamLookups(body.enabled()), ifMatch);
	}

	/** Flowroute messaging. */
	@PostMapping("/messaging")
	ResponseEntity<PhoneNumberDocument> messaging(@PathVariable long id, @Valid @RequestBody SwitchEdit body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal PortalPrincipal user) {
		return submit(user, id, new Edit.Messaging(body.enabled()), ifMatch);
	}

	/** Gives the number back to its carrier once the release hold has passed (admins); cancellable until then. */
	@PostMapping("/release")
	ResponseEntity<PhoneNumberDocument> release(@PathVariable long id, @Valid @RequestBody ReleaseEdit body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal PortalPrincipal user) {
		return submit(user, id, new Edit.Release(body.reason()), ifMatch);
	}

	/** Calls off the number's release during its hold (the cancel of its release change). */
	@PostMapping("/release/cancel")
	ResponseEntity<PhoneNumberDocument> cancelRelease(@PathVariable long id,
			@AuthenticationPrincipal PortalPrincipal user) {
		answers.version(user, id); // another team's number: a 404, not "nothing to cancel"
		PendingChange release = details.pendingChanges(Viewer.of(user), id)
			.stream()
			.filter(change -> change.open() && ChangeKind.RELEASE.name().equals(change.kind()))
			.findFirst()
			.orElseThrow(() -> new EditRefused("", "No release of this number is on hold: there is nothing to cancel."));
		Change cancelled = edits.cancel(user, release.id());
		return answers.answer(user, id, HttpStatus.OK, cancelled);
	}

	private ResponseEntity<PhoneNumberDocument> submit(PortalPrincipal user, long id, Edit edit,
			@Nullable String ifMatch) {
		Long basedOn = IfMatch.version(ifMatch);
		if (basedOn != null) {
			IfMatch.check(basedOn, answers.version(user, id));
		}
		Change change = edits.submit(user, id, edit, basedOn, null);
		return answers.answer(user, id, change.kind().providerBound() ? HttpStatus.ACCEPTED : HttpStatus.OK, change);
	}
}

package com.numberops.portal.api.web;

import java.util.Map;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.numberops.portal.api.PhoneNumberDocument;
import com.numberops.portal.api.PhoneNumberList;
import com.numberops.portal.api.PhoneNumberReads;
import com.numberops.portal.api.PhoneNumberRequest;
import com.numberops.portal.api.PhoneNumberUpdates;
import com.numberops.portal.users.PortalPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Seed 003's phone number resource: read one (with its ETag), send it back changed (PUT), list
 * them a page at a time with the Numbers page's filters. Another team's number is a 404, as on
 * the pages; every error is a problem details answer ({@link ApiErrors}).
 */
@RestController
@RequestMapping(path = "/api/phone-numbers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Phone numbers", description = "The number record of seed 003")
class PhoneNumbersApi {

	/** PathIds.ID's pattern under the seed's name for it ({@code /phone-numbers/{phoneNumberId}}). */
	static final String PHONE_NUMBER_ID = "{phoneNumberId:[1-9]\\d{0,17}}";

	private final PhoneNumberReads reads;

	private final PhoneNumberUpdates updates;

	private final PhoneNumberList list;

	PhoneNumbersApi(PhoneNumberReads reads, PhoneNumberUpdates updates, PhoneNumberList list) {
		this.reads = reads;
		this.updates = updates;
		this.list = list;
	}

	@GetMapping("/" + PHONE_NUMBER_ID)
	@Operation(summary = "Read a phone number", description = "The whole record with its newest events. "
			+ "ETag: \"<version>.<newest event id>\" (strong); If-None-Match with it answers 304 while neither moved.")
	@ApiResponse(responseCode = "200", description = "The phone number")
	@ApiResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
	ResponseEntity<PhoneNumberDocument> get(@PathVariable("phoneNumberId") long id,
			@RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch,
			@AuthenticationPrincipal PortalPrincipal user) {
		PhoneNumberReads.Answer answer = reads.get(user, id);
		if (com.numberops.portal.api.ETags.noneMatchHits(ifNoneMatch, answer.etag())) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(answer.etag()).build();
		}
		return ResponseEntity.ok().eTag(answer.etag()).body(answer.document());
	}

	// no "consumes": a body of another type then reaches the handler and is refused by ApiErrors (a
	// 415 in problem details), instead of matching no handler at all
	@PutMapping("/" + PHONE_NUMBER_ID)
	@Operation(summary = "Update business phone number settings", description = """
			Seed 003's request. A new name is sent to the carrier (a change in the outbox), `enabled` is the number's \
			own flag, `adminEnablementOverride` becomes an override request an admin other than you decides (null \
			clears the override: admins). `number`, `businessId` and `id`, when sent, must be the number's own. \
			Fields equal to the number's change nothing. 202 when something continues after the answer (a change on \
			its way to the carrier, a request waiting for an admin: see `links`), else 200. With If-Match (the ETag \
			of a read, or its version), a number changed meanwhile is a 412 and nothing changes.""")
	@ApiResponse(responseCode = "200", description = "Changed (or nothing to change): the record as it stands")
	@ApiResponse(responseCode = "202", description = "Accepted: the record as it stands, with links to the open change or request")
	ResponseEntity<PhoneNumberDocument> put(@PathVariable("phoneNumberId") long id, @Valid @RequestBody PhoneNumberRequest body,
			@Parameter(in = ParameterIn.HEADER, description = "The ETag of a read (or the version): refuse with 412 if the number changed since",
					schema = @Schema(type = "string")) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal PortalPrincipal user) {
		PhoneNumberUpdates.Outcome outcome = updates.update(user, id, body, ifMatch);
		PhoneNumberReads.Answer answer = reads.get(user, id);
		return ResponseEntity.status(outcome.accepted() ? HttpStatus.ACCEPTED : HttpStatus.OK)
			.eTag(answer.etag())
			.body(answer.document());
	}

	@GetMapping
	@Operation(summary = "List phone numbers", description = """
			The Numbers page's filters (q, provider, account, region, type, capability, state, status, team, campaign, \
			plan, tendlc, warmup, callWarmup, enablement, pending, failed, callStage, provisioningError, releaseWithin, \
			drift, vanished) and sorts (sort=number|name|modified|health), a page at a time: pageSize (1-500, default \
			50) and pageToken (the nextPageToken of the page before). Items are seed-003 records without `events`.""")
	@ApiResponse(responseCode = "200", description = "One page of phone numbers")
	PhoneNumberList.Page list(@Parameter(hidden = true) @RequestParam Map<String, String> params,
			@AuthenticationPrincipal PortalPrincipal user) {
		return list.page(user, params);
	}
}

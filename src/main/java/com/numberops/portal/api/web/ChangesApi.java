package com.numberops.portal.api.web;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.numberops.portal.changes.Change;
import com.numberops.portal.changes.NumberEdits;
import com.numberops.portal.system.PathIds;
import com.numberops.portal.users.PortalPrincipal;

/**
 * A change, the Changes page's row as a resource: {@code GET /api/changes/{id}} (its version as
 * ETag) and what the page's buttons do, by the same service and with the same roles (the role its
 * kind of edit needs; a release: admins):
 *
 * <ul>
 * <li>{@code POST /api/changes/{id}/cancel}: before it reached the carrier, after it failed, or during a release hold (200)
 * <li>{@code POST /api/changes/{id}/retry}: a failed or partly applied change, sent again (202)
 * <li>{@code POST /api/changes/{id}/restore}: after a failed SMS reassignment, link again what was there before (202, a new change)
 * </ul>
 *
 * Another team's change is a 404, like one that does not exist; a step its state does not allow
 * is refused (422) and changes nothing. {@code If-Match} with the change's ETag refuses a step
 * based on an older state (412).
 */
@RestController
@RequestMapping(path = "/api/changes/" + PathIds.ID, produces = MediaType.APPLICATION_JSON_VALUE)
class ChangesApi {

	private final NumberEdits edits;

	ChangesApi(NumberEdits edits) {
		this.edits = edits;
	}

	@GetMapping
	ResponseEntity<ChangeDocument> change(@PathVariable long id, @AuthenticationPrincipal PortalPrincipal user) {
		Change change = edits.visible(user, id);
		return ResponseEntity.ok().eTag(ApiLinks.etag(change.version())).body(ChangeDocument.of(change, user));
	}

	@PostMapping("/cancel")
	ResponseEntity<ChangeDocument> cancel(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal PortalPrincipal user) {
		checked(user, id, ifMatch);
		return answer(HttpStatus.OK, edits.cancel(user, id), user);
	}

	@PostMapping("/retry")
	ResponseEntity<ChangeDocument> retry(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal PortalPrincipal user) {
		checked(user, id, ifMatch);
		return answer(HttpStatus.ACCEPTED, edits.retry(user, id), user);
	}

	@PostMapping("/restore")
	ResponseEntity<ChangeDocument> restore(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal PortalPrincipal user) {
		checked(user, id, ifMatch);
		return answer(HttpStatus.ACCEPTED, edits.restorePrevious(user, id), user);
	}

	private void checked(PortalPrincipal user, long id, @Nullable String ifMatch) {
		Long expected = IfMatch.version(ifMatch);
		if (expected != null) {
			IfMatch.check(expected, edits.visible(user, id).version());
		}
	}

	private static ResponseEntity<ChangeDocument> answer(HttpStatus status, Change change, PortalPrincipal user) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).eTag(ApiLinks.etag(change.version()));
		if (status == HttpStatus.ACCEPTED) {
			answer.location(URI.create(ApiLinks.change(change.id())));
		}
		return answer.body(ChangeDocument.of(change, user));
	}
}

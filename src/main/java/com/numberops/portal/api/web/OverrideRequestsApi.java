package com.numberops.portal.api.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.numberops.portal.overrides.OverrideRequest;
import com.numberops.portal.overrides.OverrideRules;
import com.numberops.portal.overrides.Overrides;
import com.numberops.portal.system.PathIds;
import com.numberops.portal.users.PortalPrincipal;

/**
 * Enablement override requests and their decisions, as on the number's page and the Approvals
 * page, by the same service ({@link Overrides}: its roles, rules and events):
 *
 * <ul>
 * <li>{@code POST /api/phone-numbers/{id}/override-requests} {@code {"enabled", "reason"}}: an operator's
 * (or an admin's) request; 201 with its address as Location. A newer request supersedes the pending one.
 * <li>{@code GET /api/override-requests/{id}}: one request (its version as ETag); another team's is a 404.
 * <li>{@code GET /api/override-requests}: the Approvals page (admins): pending, oldest first, and recent decisions.
 * <li>{@code POST /api/override-requests/{id}/approve} and {@code /reject} {@code {"comment"}} (admins; a
 * rejection needs a comment): never one's own request. The decision is made on the version sent as
 * If-Match (or {@code "version"} in the body); a request that changed since is refused (412).
 * </ul>
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class OverrideRequestsApi {

	/**
	 * @param enabled true: force enabled; false: force disabled
	 * @param reason why ({@value OverrideRules#MIN_TEXT} to {@value OverrideRules#MAX_TEXT} characters)
	 */
	record NewOverrideRequest(@NotNull(message = "Say true (force enabled) or false (force disabled).") Boolean enabled,
			@Nullable @Size(max = 2000) String reason) {
	}

	/**
	 * @param comment the admin's word on it (required to reject)
	 * @param version the request's version the decision is based on, when not sent as If-Match
	 */
	record Decision(@Nullable @Size(max = 2000) String comment, @Nullable Long version) {
	}

	/** The Approvals page as one answer. */
	record Approvals(List<OverrideRequestDocument> pending, List<OverrideRequestDocument> decided) {
	}

	private final Overrides overrides;

	OverrideRequestsApi(Overrides overrides) {
		this.overrides = overrides;
	}

	@PostMapping("/api/phone-numbers/" + PathIds.ID + "/override-requests")
	ResponseEntity<OverrideRequestDocument> request(@PathVariable long id, @Valid @RequestBody NewOverrideRequest body,
			@AuthenticationPrincipal PortalPrincipal user) {
		OverrideRequest request = overrides.request(user, id, body.enabled(), body.reason());
		return ResponseEntity.created(URI.create(ApiLinks.overrideRequest(request.id())))
			.eTag(ApiLinks.etag(request.version()))
			.body(OverrideRequestDocument.of(request, user));
	}

	@GetMapping("/api/override-requests/" + PathIds.ID)
	ResponseEntity<OverrideRequestDocument> one(@PathVariable long id, @AuthenticationPrincipal PortalPrincipal user) {
		OverrideRequest request = overrides.visible(user, id);
		return ResponseEntity.ok().eTag(ApiLinks.etag(request.version())).body(OverrideRequestDocument.of(request, user));
	}

	@GetMapping("/api/override-requests")
	Approvals approvals(@AuthenticationPrincipal PortalPrincipal user) {
		Overrides.Approvals approvals = overrides.approvals(user);
		return new Approvals(
				approvals.pending().stream().map(item -> OverrideRequestDocument.of(item.request(), user)).toList(),
				approvals.decided().stream().map(item -> OverrideRequestDocument.of(item.request(), user)).toList());
	}

	@PostMapping("/api/override-requests/" + PathIds.ID + "/approve")
	ResponseEntity<OverrideRequestDocument> approve(@PathVariable long id, @Valid @RequestBody(required = false)
			@Nullable Decision body, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal PortalPrincipal user) {
		long seen = seen(user, id, body, ifMatch);
		return decided(overrides.approve(user, id, seen, body == null ? null : body.comment()), user);
	}

	@PostMapping("/api/override-requests/" + PathIds.ID + "/reject")
	ResponseEntity<OverrideRequestDocument> reject(@PathVariable long id, @Valid @RequestBody(required = false)
			@Nullable Decision body, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@AuthenticationPrincipal PortalPrincipal user) {
		long seen = seen(user, id, body, ifMatch);
		return decided(overrides.reject(user, id, seen, body == null ? null : body.comment()), user);
	}

	/**
	 * The version the decision is based on: If-Match, else the body's, else the current one (the
	 * client decides on what it just read). A stale one is a 412 here; one that goes stale between
	 * here and the service's lock is refused by the service's own rule.
	 */
	private long seen(PortalPrincipal user, long id, @Nullable Decision body, @Nullable String ifMatch) {
		long current = overrides.visible(user, id).version();
		Long expected = IfMatch.version(ifMatch);
		if (expected == null && body != null) {
			expected = body.version();
		}
		IfMatch.check(expected, current);
		return expected == null ? current : expected;
	}

	private static ResponseEntity<OverrideRequestDocument> decided(OverrideRequest request, PortalPrincipal user) {
		return ResponseEntity.ok().eTag(ApiLinks.etag(request.version())).body(OverrideRequestDocument.of(request, user));
	}
}

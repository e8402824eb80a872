package com.numberops.portal.api.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.overrides.OverrideRequest;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Role;

/**
 * An enablement override request as the API answers it. An admin other than the requester may
 * decide a pending one: the links say so ({@code approve}, {@code reject}); send its
 * {@code version} as {@code If-Match} (or in the body) so that a decision is made on what was seen.
 *
 * @param enabled true: force enabled; false: force disabled
 * @param state PENDING, APPROVED, REJECTED, SUPERSEDED, CLEARED
 */
record OverrideRequestDocument(String id, String numberId, boolean enabled, String requested, String reason,
		String state, String stateLabel, String outcome, @Nullable String requestedByUserId, String requestedBy,
		Instant requestedAt, @Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String decisionComment,
		@Nullable String supersededBy, long version, Map<String, Link> links) {

	static OverrideRequestDocument of(OverrideRequest request, PortalPrincipal user) {
		Map<String, Link> links = new LinkedHashMap<>();
		links.put("self", new Link(ApiLinks.overrideRequest(request.id())));
		links.put("number", new Link(ApiLinks.number(request.numberId())));
		boolean mine = request.requestedById() != null && request.requestedById() == user.getUserId();
		if (request.pending() && user.getRole().includes(Role.ADMIN) && !mine) {
			links.put("approve", new Link(ApiLinks.overrideRequest(request.id()) + "/approve"));
			links.put("reject", new Link(ApiLinks.overrideRequest(request.id()) + "/reject"));
		}
		if (request.supersededBy() != null) {
			links.put("supersededBy", new Link(ApiLinks.overrideRequest(request.supersededBy())));
		}
		return new OverrideRequestDocument(String.valueOf(request.id()), String.valueOf(request.numberId()),
				request.requestedEnabled(), request.requestedLabel(), request.reason(), request.state().name(),
				request.state().label(), request.outcome(),
				request.requestedById() == null ? null : String.valueOf(request.requestedById()), request.requestedBy(),
				request.requestedAt(), request.decidedBy(), request.decidedAt(), request.decisionComment(),
				request.supersededBy() == null ? null : String.valueOf(request.supersededBy()), request.version(), links);
	}
}

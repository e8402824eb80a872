package com.numberops.portal.api;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.numbers.NumberDetails;
import com.numberops.portal.numbers.NumberEvent;
import com.numberops.portal.numbers.NumberRecord;
import com.numberops.portal.numbers.NumberTimeline;
import com.numberops.portal.numbers.PendingChange;
import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.overrides.OverrideRequest;
import com.numberops.portal.overrides.Overrides;
import com.numberops.portal.system.UnknownTarget;
import com.numberops.portal.users.PortalPrincipal;

/**
 * A number as the API answers it: the seed's document with its newest events, links to what is
 * still on its way, and its entity tag. Scoped to the person: another team's number is unknown.
 * Every /api answer about one number (GET, PUT, the edit resources) is read here, after the edit
 * committed, so it shows the record as it stands.
 */
@Service
public class PhoneNumberReads {

	private final NumberDetails details;

	private final Overrides overrides;

	PhoneNumberReads(NumberDetails details, Overrides overrides) {
		this.details = details;
		this.overrides = overrides;
	}

	/** The document, the version a write may name in If-Match, and the tag of this very answer. */
	public record Answer(PhoneNumberDocument document, long version, String etag) {
	}

	/** The number, or {@link UnknownTarget} (a 404) when it does not exist or is not this person's to see. */
	@Transactional(readOnly = true)
	public Answer get(PortalPrincipal user, long numberId) {
		Viewer viewer = Viewer.of(user);
		NumberRecord number = details.find(viewer, numberId).orElseThrow(() -> new UnknownTarget("Number " + numberId));
		List<NumberEvent> events = details.timeline(viewer, numberId, null).map(NumberTimeline::events).orElse(List.of());
		long newest = events.isEmpty() ? 0 : events.get(0).id();
		PhoneNumberDocument document = PhoneNumberDocument.of(number, events)
			.withLinks(links(numberId, details.pendingChanges(viewer, numberId), overrides.latest(user, numberId)));
		long version = number.identity().version();
		return new Answer(document, version, ETags.of(version, newest));
	}

	/** The address of a number's resource, relative to the portal's base URL. */
	public static String href(long numberId) {
		return "/api/phone-numbers/" + numberId;
	}

	static PhoneNumberDocument.Links links(long numberId, List<PendingChange> changes,
			Optional<OverrideRequest> latestRequest) {
		List<PhoneNumberDocument.ChangeLink> open = changes.stream()
			.filter(PendingChange::open)
			.map(change -> new PhoneNumberDocument.ChangeLink(String.valueOf(change.id()), change.kind(), change.state(),
					"/api/changes/" + change.id()))
			.toList();
		PhoneNumberDocument.OverrideRequestLink request = latestRequest.filter(OverrideRequest::pending)
			.map(pending -> new PhoneNumberDocument.OverrideRequestLink(String.valueOf(pending.id()),
					pending.requestedEnabled(), "/api/override-requests/" + pending.id()))
			.orElse(null);
		return new PhoneNumberDocument.Links(href(numberId), open, request);
	}
}

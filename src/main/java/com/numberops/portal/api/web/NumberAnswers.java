package com.numberops.portal.api.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.numberops.portal.numbers.NumberDetails;
import com.numberops.portal.numbers.NumberRecord;
import com.numberops.portal.numbers.PendingChange;
import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.overrides.OverrideRequest;
import com.numberops.portal.overrides.Overrides;
import com.numberops.portal.system.UnknownTarget;
import com.numberops.portal.users.PortalPrincipal;

/**
 * What an edit of a number answers: the number as it stands after the edit, with its version as
 * the ETag and links to its open changes and its pending override request.
 *
 * <p>{@link #numberAnswer} is the one place that draws the number: the phone-number resource's own
 * seed-003 document takes its place when both parts of the API meet; until then it draws the
 * fields the edits here touch, with seed 003's names.
 */
@Component
class NumberAnswers {

	private final NumberDetails details;

	private final Overrides overrides;

	NumberAnswers(NumberDetails details, Overrides overrides) {
		this.details = details;
		this.overrides = overrides;
	}

	/**
	 * The number now, answered with this status. {@code href} names what the request made (a change,
	 * an override request): a link {@code rel} beside the number's own, and the Location of a 201 or 202.
	 */
	ResponseEntity<Map<String, Object>> answer(PortalPrincipal user, long numberId, HttpStatusCode status,
			@Nullable String rel, @Nullable String href) {
		NumberRecord number = details.find(Viewer.of(user), numberId)
			.orElseThrow(() -> new UnknownTarget("Number " + numberId));
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).eTag(ApiLinks.etag(number.identity().version()));
		Map<String, Object> body = numberAnswer(user, number);
		if (href != null && rel != null) {
			@SuppressWarnings("unchecked")
			Map<String, Object> links = (Map<String, Object>) body.get("links");
			links.put(rel, new Link(href));
			if (status.value() == 201 || status.value() == 202) {
				answer.location(URI.create(href));
			}
		}
		return answer.body(body);
	}

	ResponseEntity<Map<String, Object>> ok(PortalPrincipal user, long numberId) {
		return answer(user, numberId, HttpStatus.OK, null, null);
	}

	/** The number's current version, to check an If-Match against; a 404 when this person may not see it. */
	long version(PortalPrincipal user, long numberId) {
		return details.find(Viewer.of(user), numberId)
			.orElseThrow(() -> new UnknownTarget("Number " + numberId))
			.identity()
			.version();
	}

	/** The record as it stands plus links; see the class comment. */
	Map<String, Object> numberAnswer(PortalPrincipal user, NumberRecord number) {
		Map<String, Object> body = new LinkedHashMap<>();
		long id = number.id();
		body.put("id", String.valueOf(id));
		body.put("number", number.identity().number());
		body.put("name", number.identity().name());
		body.put("provider", number.provider().provider());
		body.put("providerStatus", number.provider().status());
		body.put("inventoryState", number.identity().inventoryState());
		body.put("status", number.identity().status());
		body.put("enabled", number.enablement().enabled());
		body.put("campaignId", number.ownership().campaignId());
		body.put("providerReleaseScheduledAt", number.release().scheduledAt());
		body.put("warmupEnabled", number.warmup().enabled());
		body.put("warmupState", number.warmup().state());
		body.put("warmupPauseReason", number.warmup().pauseReason());
		body.put("callWarmupEnabled", number.callWarmup().enabled());
		body.put("callWarmupState", number.callWarmup().state());
		body.put("callWarmupPauseReason", number.callWarmup().pauseReason());
		body.put("modifiedAt", number.identity().modifiedAt());
		body.put("version", number.identity().version());
		body.put("links", links(user, id));
		return body;
	}

	/** self, the open changes (each with its kind and state), and a pending override request. */
	Map<String, Object> links(PortalPrincipal user, long numberId) {
		Map<String, Object> links = new LinkedHashMap<>();
		links.put("self", new Link(ApiLinks.number(numberId)));
		List<Map<String, String>> open = new ArrayList<>();
		for (PendingChange change : details.pendingChanges(Viewer.of(user), numberId)) {
			if (change.open()) {
				open.add(Map.of("href", ApiLinks.change(change.id()), "kind", change.kind(), "state", change.state()));
			}
		}
		links.put("openChanges", open);
		overrides.latest(user, numberId)
			.filter(OverrideRequest::pending)
			.ifPresent(request -> links.put("pendingOverrideRequest", new Link(ApiLinks.overrideRequest(request.id()))));
		return links;
	}
}

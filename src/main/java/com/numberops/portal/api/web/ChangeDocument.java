package com.numberops.portal.api.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.changes.Change;
import com.numberops.portal.users.PortalPrincipal;

/**
 * A change (an edit on its way to the carrier, or made at once) as the API answers it: what it
 * sets, where it is, what the carrier said, and links to its number and to what this person may
 * do with it now. Ids are strings, as in seed 003.
 *
 * @param kind RENAME, SMS_CONFIGURATION, BUSINESS_CAMPAIGN, VOICE_APP, CNAM_LOOKUPS, MESSAGING, ENABLEMENT, RELEASE
 * @param state PENDING, IN_PROGRESS, WAITING_FOR_PROVIDER, SUCCEEDED, FAILED, PARTIAL, CANCELLED
 * @param fields the values the change sets, as sent to the carrier (e.g. {@code appId})
 * @param open whether it is still on its way (it then holds the number's field)
 * @param version its ETag
 */
record ChangeDocument(String id, String numberId, String number, String kind, String kindLabel, String state,
		String stateLabel, boolean open, String summary, Map<String, String> fields, int attempts,
		@Nullable Instant nextAttemptAt, @Nullable String providerCode, @Nullable String providerMessage,
		@Nullable String requestedBy, Instant createdAt, Instant updatedAt, @Nullable Instant settledAt, long version,
		Map<String, Link> links) {

	static ChangeDocument of(Change change, PortalPrincipal user) {
		Map<String, Link> links = new LinkedHashMap<>();
		links.put("self", new Link(ApiLinks.change(change.id())));
		links.put("number", new Link(ApiLinks.number(change.numberId())));
		if (change.kind().allows(user.getRole())) {
			if (change.cancellable()) {
				links.put("cancel", new Link(ApiLinks.change(change.id()) + "/cancel"));
			}
			if (change.retryable()) {
				links.put("retry", new Link(ApiLinks.change(change.id()) + "/retry"));
			}
			if (change.restorable()) {
				links.put("restore", new Link(ApiLinks.change(change.id()) + "/restore"));
			}
		}
		return new ChangeDocument(String.valueOf(change.id()), String.valueOf(change.numberId()), change.number(),
				change.kind().name(), change.kind().label(), change.state().name(), change.state().label(), change.open(),
				change.summary(), change.payload(), change.attempts(), change.nextAttemptAt(), change.providerCode(),
				change.providerMessage(), change.requestedBy(), change.createdAt(), change.updatedAt(),
				change.settledAt(), change.version(), links);
	}
}

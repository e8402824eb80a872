package com.numberops.portal.numbers;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.system.ThroughTheApi;

/** Who changed a number and through what: a person in the portal, or one of the portal's own jobs. */
public record Actor(@Nullable Long userId, @Nullable String name, String source) {

	/** A person, in the portal's pages or through the JSON API with a token (source API). */
	public static Actor person(long userId, String name) {
		return new Actor(userId, name, ThroughTheApi.now() ? "API" : "PORTAL");
	}

	/** A scheduled job, possibly acting on someone's earlier request (named, not linked). */
	public static Actor scheduler(@Nullable String onBehalfOf) {
		return new Actor(null, onBehalfOf, "SCHEDULER");
	}

	/** A carrier's word about the number: a sync, a webhook, a single-number refresh. */
	public static Actor carrier(String source) {
		return new Actor(null, null, source);
	}
}

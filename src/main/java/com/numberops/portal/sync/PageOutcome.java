package com.numberops.portal.sync;

/** What reconciling one page did. */
record PageOutcome(int fetched, int created, int updated, int unchanged) {

	static final PageOutcome NONE = new PageOutcome(0, 0, 0, 0);

	PageOutcome plus(PageOutcome other) {
		return new PageOutcome(fetched + other.fetched, created + other.created, updated + other.updated,
				unchanged + other.unchanged);
	}
}

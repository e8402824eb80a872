package com.numberops.portal.numbers;

/** What reconciling one page of carrier numbers with the mirror did. */
public record PageOutcome(int fetched, int created, int updated, int unchanged) {

	public static final PageOutcome NONE = new PageOutcome(0, 0, 0, 0);

	public PageOutcome plus(PageOutcome other) {
		return new PageOutcome(fetched + other.fetched, created + other.created, updated + other.updated,
				unchanged + other.unchanged);
	}
}

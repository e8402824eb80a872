package com.numberops.portal.providers;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** One page of a listing, and the token of the next one (null: this was the last page). */
public record NumberPage(List<ProviderNumber> numbers, @Nullable String nextPageToken, @Nullable Integer totalSize) {

	public NumberPage {
		numbers = List.copyOf(numbers);
	}

	public boolean last() {
		return nextPageToken == null || nextPageToken.isEmpty();
	}
}

package com.numberops.portal.numbers;

import org.jspecify.annotations.Nullable;

/** Seed 003's SMS warmup states (also the values of healthStatus), as stored and shown. */
public enum WarmupState {

	NOT_STARTED("Not Started"), WARMING("Warming"), HEALTHY("Healthy"), NEEDS_ATTENTION("Needs Attention"),
	PAUSED("Paused"), BLOCKED("Blocked"), READY("Ready");

	private final String label;

	WarmupState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Every label, in the seed's order: the filter's choices and what the filter accepts. */
	public static java.util.List<String> labels() {
		return java.util.Arrays.stream(values()).map(WarmupState::label).toList();
	}

	/** The labels of these states as a SQL list, for set-wise reads ("'Warming', 'Healthy'"). */
	public static String sqlList(WarmupState... states) {
		return java.util.Arrays.stream(states)
			.map(state -> "'" + state.label() + "'")
			.collect(java.util.stream.Collectors.joining(", "));
	}

	/** A stored value; none (a number nobody ever warmed) is Not Started. */
	public static WarmupState of(@Nullable String label) {
		if (label == null) {
			return NOT_STARTED;
		}
		for (WarmupState state : values()) {
			if (state.label.equals(label)) {
				return state;
			}
		}
		throw new IllegalArgumentException("Unknown SMS warmup state " + label);
	}

	/** The job moves it along the ramp. */
	public boolean ramping() {
		return this == WARMING || this == HEALTHY || this == NEEDS_ATTENTION;
	}
}

package com.numberops.portal.numbers;

import org.jspecify.annotations.Nullable;

/** Seed 003's call warmup states, as stored and shown. */
public enum CallWarmupState {

	NOT_STARTED("Not Started"), NOT_ELIGIBLE("Not Eligible"), WARMING("Warming"), WARMED("Warmed"), PAUSED("Paused"),
	NEEDS_ATTENTION("Needs Attention"), BLOCKED("Blocked");

	private final String label;

	CallWarmupState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Every label, in the seed's order: the filter's choices and what the filter accepts. */
	public static java.util.List<String> labels() {
		return java.util.Arrays.stream(values()).map(CallWarmupState::label).toList();
	}

	/** The labels of these states as a SQL list, for set-wise reads ("'Warming', 'Healthy'"). */
	public static String sqlList(CallWarmupState... states) {
		return java.util.Arrays.stream(states)
			.map(state -> "'" + state.label() + "'")
			.collect(java.util.stream.Collectors.joining(", "));
	}

	/** A stored value; none (a number nobody ever warmed) is Not Started. */
	public static CallWarmupState of(@Nullable String label) {
		if (label == null) {
			return NOT_STARTED;
		}
		for (CallWarmupState state : values()) {
			if (state.label.equals(label)) {
				return state;
			}
		}
		throw new IllegalArgumentException("Unknown call warmup state " + label);
	}

	/** The job moves it along the ramp. */
	public boolean ramping() {
		return this == WARMING || this == NEEDS_ATTENTION;
	}

	/** Warmup is switched off in this state. */
	public boolean off() {
		return this == NOT_STARTED || this == NOT_ELIGIBLE;
	}
}

package com.numberops.portal.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.numberops.portal.numbers.CallWarmupState;

/**
 * {@link CallWarmupMachine} as a table: every call warmup state × every action, with the state
 * it moves to, or "!" and a phrase of the reason it is refused with.
 */
class CallWarmupMachineUnitTest {

	static final String[][] TABLE = {
		{ "NOT_STARTED", "TURN_ON", "WARMING" },
		{ "NOT_STARTED", "TURN_OFF", "!already off" },
		{ "NOT_STARTED", "PAUSE", "!off: there is nothing to pause" },
		{ "NOT_STARTED", "RESUME", "!this one is Not Started" },
		{ "NOT_STARTED", "ADVANCE", "!Call warmup is off" },
		{ "NOT_STARTED", "DEGRADE", "!Call warmup is off" },
		{ "NOT_STARTED", "RECOVER", "!Call warmup is off" },
		{ "NOT_STARTED", "COMPLETE", "!Call warmup is off" },
		{ "NOT_STARTED", "BLOCK", "NOT_ELIGIBLE" },
		{ "NOT_STARTED", "UNBLOCK", "!not blocked (Not Started)" },

		{ "NOT_ELIGIBLE", "TURN_ON", "!not eligible for call warmup" },
		{ "NOT_ELIGIBLE", "TURN_OFF", "!already off" },
		{ "NOT_ELIGIBLE", "PAUSE", "!off: there is nothing to pause" },
		{ "NOT_ELIGIBLE", "RESUME", "!this one is Not Eligible" },
		{ "NOT_ELIGIBLE", "ADVANCE", "!Call warmup is off" },
		{ "NOT_ELIGIBLE", "DEGRADE", "!Call warmup is off" },
		{ "NOT_ELIGIBLE", "RECOVER", "!Call warmup is off" },
		{ "NOT_ELIGIBLE", "COMPLETE", "!Call warmup is off" },
		{ "NOT_ELIGIBLE", "BLOCK", "!already marked not eligible" },
		{ "NOT_ELIGIBLE", "UNBLOCK", "NOT_STARTED" },

		{ "WARMING", "TURN_ON", "!already on (Warming)" },
		{ "WARMING", "TURN_OFF", "NOT_STARTED" },
		{ "WARMING", "PAUSE", "PAUSED" },
		{ "WARMING", "RESUME", "!this one is Warming" },
		{ "WARMING", "ADVANCE", "WARMING" },
		{ "WARMING", "DEGRADE", "NEEDS_ATTENTION" },
		{ "WARMING", "RECOVER", "!nothing to recover from" },
		{ "WARMING", "COMPLETE", "WARMED" },
		{ "WARMING", "BLOCK", "BLOCKED" },
		{ "WARMING", "UNBLOCK", "!not blocked (Warming)" },

		{ "WARMED", "TURN_ON", "!already on (Warmed)" },
		{ "WARMED", "TURN_OFF", "NOT_STARTED" },
		{ "WARMED", "PAUSE", "!complete: there is nothing to pause" },
		{ "WARMED", "RESUME", "!this one is Warmed" },
		{ "WARMED", "ADVANCE", "!Call warmup is complete" },
		{ "WARMED", "DEGRADE", "!Call warmup is complete" },
		{ "WARMED", "RECOVER", "!Call warmup is complete" },
		{ "WARMED", "COMPLETE", "!Call warmup is complete" },
		{ "WARMED", "BLOCK", "BLOCKED" },
		{ "WARMED", "UNBLOCK", "!not blocked (Warmed)" },

		{ "PAUSED", "TURN_ON", "!already on (Paused)" },
		{ "PAUSED", "TURN_OFF", "NOT_STARTED" },
		{ "PAUSED", "PAUSE", "!already paused" },
		{ "PAUSED", "RESUME", "WARMING" },
		{ "PAUSED", "ADVANCE", "!waits until someone resumes it" },
		{ "PAUSED", "DEGRADE", "!waits until someone resumes it" },
		{ "PAUSED", "RECOVER", "!waits until someone resumes it" },
		{ "PAUSED", "COMPLETE", "!waits until someone resumes it" },
		{ "PAUSED", "BLOCK", "BLOCKED" },
		{ "PAUSED", "UNBLOCK", "!not blocked (Paused)" },

		{ "NEEDS_ATTENTION", "TURN_ON", "!already on (Needs Attention)" },
		{ "NEEDS_ATTENTION", "TURN_OFF", "NOT_STARTED" },
		{ "NEEDS_ATTENTION", "PAUSE", "PAUSED" },
		{ "NEEDS_ATTENTION", "RESUME", "!this one is Needs Attention" },
		{ "NEEDS_ATTENTION", "ADVANCE", "!the ramp holds until calls recover" },
		{ "NEEDS_ATTENTION", "DEGRADE", "NEEDS_ATTENTION" },
		{ "NEEDS_ATTENTION", "RECOVER", "WARMING" },
		{ "NEEDS_ATTENTION", "COMPLETE", "!cannot complete until calls recover" },
		{ "NEEDS_ATTENTION", "BLOCK", "BLOCKED" },
		{ "NEEDS_ATTENTION", "UNBLOCK", "!not blocked (Needs Attention)" },

		{ "BLOCKED", "TURN_ON", "!already on (Blocked)" },
		{ "BLOCKED", "TURN_OFF", "NOT_STARTED" },
		{ "BLOCKED", "PAUSE", "!places no calls until the number is eligible again" },
		{ "BLOCKED", "RESUME", "!this one is Blocked" },
		{ "BLOCKED", "ADVANCE", "!the ramp waits until the number is eligible again" },
		{ "BLOCKED", "DEGRADE", "!the ramp waits until the number is eligible again" },
		{ "BLOCKED", "RECOVER", "!the ramp waits until the number is eligible again" },
		{ "BLOCKED", "COMPLETE", "!the ramp waits until the number is eligible again" },
		{ "BLOCKED", "BLOCK", "!already blocked" },
		{ "BLOCKED", "UNBLOCK", "WARMING" },
	};

	static Stream<Arguments> table() {
		return Stream.of(TABLE).map(row -> Arguments.of(row[0], row[1], row[2]));
	}

	@ParameterizedTest(name = "{0} + {1} → {2}")
	@MethodSource("table")
	void everyStateAndAction(String state, String action, String expected) {
		Transition<CallWarmupState> transition = CallWarmupMachine.next(CallWarmupState.valueOf(state),
				WarmupAction.valueOf(action));
		if (expected.startsWith("!")) {
			assertThat(transition).isInstanceOfSatisfying(Transition.Illegal.class,
					illegal -> assertThat(illegal.reason()).contains(expected.substring(1)).endsWith("."));
		}
		else {
			assertThat(transition).isEqualTo(Transition.to(CallWarmupState.valueOf(expected)));
		}
	}

	@Test
	void theTableHasEveryPairOnce() {
		Set<String> pairs = new HashSet<>();
		for (String[] row : TABLE) {
			assertThat(pairs.add(row[0] + "/" + row[1])).as("duplicate %s %s", row[0], row[1]).isTrue();
		}
		for (CallWarmupState state : EnumSet.allOf(CallWarmupState.class)) {
			for (WarmupAction action : EnumSet.allOf(WarmupAction.class)) {
				assertThat(pairs).contains(state + "/" + action);
			}
		}
		assertThat(TABLE.length).isEqualTo(CallWarmupState.values().length * WarmupAction.values().length);
	}

	@Test
	void storedValuesAreSeed003s() {
		assertThat(Stream.of(CallWarmupState.values()).map(CallWarmupState::label)).containsExactly("Not Started",
				"Not Eligible", "Warming", "Warmed", "Paused", "Needs Attention", "Blocked");
	}
}

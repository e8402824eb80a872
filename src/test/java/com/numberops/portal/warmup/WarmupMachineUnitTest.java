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

import com.numberops.portal.numbers.WarmupState;

/**
 * {@link WarmupMachine} as a table: every SMS warmup state × every action, with the state it
 * moves to, or "!" and a phrase of the reason it is refused with.
 */
class WarmupMachineUnitTest {

	static final String[][] TABLE = {
		// state, action, next state or !reason
		{ "NOT_STARTED", "TURN_ON", "WARMING" },
		{ "NOT_STARTED", "TURN_OFF", "!already off" },
		{ "NOT_STARTED", "PAUSE", "!off: there is nothing to pause" },
		{ "NOT_STARTED", "RESUME", "!Only paused SMS warmup can be resumed; this one is Not Started" },
		{ "NOT_STARTED", "ADVANCE", "!SMS warmup is off" },
		{ "NOT_STARTED", "DEGRADE", "!SMS warmup is off" },
		{ "NOT_STARTED", "RECOVER", "!SMS warmup is off" },
		{ "NOT_STARTED", "COMPLETE", "!SMS warmup is off" },
		{ "NOT_STARTED", "BLOCK", "!nothing to block" },
		{ "NOT_STARTED", "UNBLOCK", "!not blocked (Not Started)" },

		{ "WARMING", "TURN_ON", "!already on (Warming)" },
		{ "WARMING", "TURN_OFF", "NOT_STARTED" },
		{ "WARMING", "PAUSE", "PAUSED" },
		{ "WARMING", "RESUME", "!this one is Warming" },
		{ "WARMING", "ADVANCE", "HEALTHY" },
		{ "WARMING", "DEGRADE", "NEEDS_ATTENTION" },
		{ "WARMING", "RECOVER", "!nothing to recover from" },
		{ "WARMING", "COMPLETE", "READY" },
		{ "WARMING", "BLOCK", "BLOCKED" },
		{ "WARMING", "UNBLOCK", "!not blocked (Warming)" },

		{ "HEALTHY", "TURN_ON", "!already on (Healthy)" },
		{ "HEALTHY", "TURN_OFF", "NOT_STARTED" },
		{ "HEALTHY", "PAUSE", "PAUSED" },
		{ "HEALTHY", "RESUME", "!this one is Healthy" },
		{ "HEALTHY", "ADVANCE", "HEALTHY" },
		{ "HEALTHY", "DEGRADE", "NEEDS_ATTENTION" },
		{ "HEALTHY", "RECOVER", "!nothing to recover from" },
		{ "HEALTHY", "COMPLETE", "READY" },
		{ "HEALTHY", "BLOCK", "BLOCKED" },
		{ "HEALTHY", "UNBLOCK", "!not blocked (Healthy)" },

		{ "NEEDS_ATTENTION", "TURN_ON", "!already on (Needs Attention)" },
		{ "NEEDS_ATTENTION", "TURN_OFF", "NOT_STARTED" },
		{ "NEEDS_ATTENTION", "PAUSE", "PAUSED" },
		{ "NEEDS_ATTENTION", "RESUME", "!this one is Needs Attention" },
		{ "NEEDS_ATTENTION", "ADVANCE", "!the ramp holds until delivery recovers" },
		{ "NEEDS_ATTENTION", "DEGRADE", "NEEDS_ATTENTION" },
		{ "NEEDS_ATTENTION", "RECOVER", "WARMING" },
		{ "NEEDS_ATTENTION", "COMPLETE", "!cannot complete until delivery recovers" },
		{ "NEEDS_ATTENTION", "BLOCK", "BLOCKED" },
		{ "NEEDS_ATTENTION", "UNBLOCK", "!not blocked (Needs Attention)" },

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

		{ "BLOCKED", "TURN_ON", "!already on (Blocked)" },
		{ "BLOCKED", "TURN_OFF", "NOT_STARTED" },
		{ "BLOCKED", "PAUSE", "!it sends nothing until the number is eligible again" },
		{ "BLOCKED", "RESUME", "!this one is Blocked" },
		{ "BLOCKED", "ADVANCE", "!the ramp waits until the number is eligible again" },
		{ "BLOCKED", "DEGRADE", "!the ramp waits until the number is eligible again" },
		{ "BLOCKED", "RECOVER", "!the ramp waits until the number is eligible again" },
		{ "BLOCKED", "COMPLETE", "!the ramp waits until the number is eligible again" },
		{ "BLOCKED", "BLOCK", "!already blocked" },
		{ "BLOCKED", "UNBLOCK", "WARMING" },

		{ "READY", "TURN_ON", "!already on (Ready)" },
		{ "READY", "TURN_OFF", "NOT_STARTED" },
		{ "READY", "PAUSE", "!complete: there is nothing to pause" },
		{ "READY", "RESUME", "!this one is Ready" },
		{ "READY", "ADVANCE", "!SMS warmup is complete" },
		{ "READY", "DEGRADE", "!SMS warmup is complete" },
		{ "READY", "RECOVER", "!SMS warmup is complete" },
		{ "READY", "COMPLETE", "!SMS warmup is complete" },
		{ "READY", "BLOCK", "BLOCKED" },
		{ "READY", "UNBLOCK", "!not blocked (Ready)" },
	};

	static Stream<Arguments> table() {
		return Stream.of(TABLE).map(row -> Arguments.of(row[0], row[1], row[2]));
	}

	@ParameterizedTest(name = "{0} + {1} → {2}")
	@MethodSource("table")
	void everyStateAndAction(String state, String action, String expected) {
		Transition<WarmupState> transition = WarmupMachine.next(WarmupState.valueOf(state), WarmupAction.valueOf(action));
		if (expected.startsWith("!")) {
			assertThat(transition).isInstanceOfSatisfying(Transition.Illegal.class,
					illegal -> assertThat(illegal.reason()).contains(expected.substring(1)).endsWith("."));
			assertThat(transition.legal()).isFalse();
		}
		else {
			assertThat(transition).isEqualTo(Transition.to(WarmupState.valueOf(expected)));
			assertThat(transition.legal()).isTrue();
		}
	}

	@Test
	void theTableHasEveryPairOnce() {
		Set<String> pairs = new HashSet<>();
		for (String[] row : TABLE) {
			assertThat(pairs.add(row[0] + "/" + row[1])).as("duplicate %s %s", row[0], row[1]).isTrue();
		}
		for (WarmupState state : EnumSet.allOf(WarmupState.class)) {
			for (WarmupAction action : EnumSet.allOf(WarmupAction.class)) {
				assertThat(pairs).contains(state + "/" + action);
			}
		}
		assertThat(TABLE.length).isEqualTo(WarmupState.values().length * WarmupAction.values().length);
	}

	@Test
	void storedValuesAreSeed003sAndNoneIsNotStarted() {
		assertThat(Stream.of(WarmupState.values()).map(WarmupState::label)).containsExactly("Not Started", "Warming",
				"Healthy", "Needs Attention", "Paused", "Blocked", "Ready");
		assertThat(WarmupState.of(null)).isEqualTo(WarmupState.NOT_STARTED);
		assertThat(WarmupState.of("Needs Attention")).isEqualTo(WarmupState.NEEDS_ATTENTION);
	}
}

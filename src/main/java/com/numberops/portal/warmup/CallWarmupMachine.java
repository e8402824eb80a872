package com.numberops.portal.warmup;

import static com.numberops.portal.numbers.CallWarmupState.BLOCKED;
import static com.numberops.portal.numbers.CallWarmupState.NEEDS_ATTENTION;
import static com.numberops.portal.numbers.CallWarmupState.NOT_ELIGIBLE;
import static com.numberops.portal.numbers.CallWarmupState.NOT_STARTED;
import static com.numberops.portal.numbers.CallWarmupState.PAUSED;
import static com.numberops.portal.numbers.CallWarmupState.WARMED;
import static com.numberops.portal.numbers.CallWarmupState.WARMING;
import static com.numberops.portal.warmup.Transition.illegal;
import static com.numberops.portal.warmup.Transition.to;

import com.numberops.portal.numbers.CallWarmupState;

/**
 * The call warmup state machine: every (state, action) pair answers the next state or why not.
 * The stage (0–4) is data the job keeps next to the state, not a state of its own.
 *
 * <ul>
 * <li>Off is Not Started or Not Eligible. BLOCK on an off warmup marks it Not Eligible (the
 * number cannot warm calls now: no voice, disabled, suspended…) and UNBLOCK takes it back to Not
 * Started. TURN_ON works from Not Started only (the service checks eligibility as well).</li>
 * <li>Warming: on the ramp, stage 0 to 4. ADVANCE is one good day (it stays Warming; the job moves
 * the stage), COMPLETE the last day of stage 4 (Warmed). DEGRADE (poor answer/connect signal)
 * goes to Needs Attention, where the ramp holds until RECOVER takes it back to Warming.</li>
 * <li>Paused: held by a person, with a reason; RESUME goes back to Warming.</li>
 * <li>Blocked: an on warmup (Warming, Needs Attention, Paused, Warmed) whose number became
 * ineligible; UNBLOCK goes back to Warming and the job picks the ramp up where it stood.</li>
 * <li>TURN_OFF ends warmup from every on-state.</li>
 * </ul>
 */
public final class CallWarmupMachine {

	private CallWarmupMachine() {
	}

	public static Transition<CallWarmupState> next(CallWarmupState state, WarmupAction action) {
		return switch (action) {
			case TURN_ON -> switch (state) {
				case NOT_STARTED -> to(WARMING);
				case NOT_ELIGIBLE -> illegal("This number is not eligible for call warmup.");
				default -> illegal("Call warmup is already on (" + state.label() + ").");
			};
			case TURN_OFF -> state.off() ? illegal("Call warmup is already off.") : to(NOT_STARTED);
			case PAUSE -> switch (state) {
				case WARMING, NEEDS_ATTENTION -> to(PAUSED);
				case PAUSED -> illegal("Call warmup is already paused.");
				case NOT_STARTED, NOT_ELIGIBLE -> illegal("Call warmup is off: there is nothing to pause.");
				case BLOCKED -> illegal("Call warmup is blocked: it places no calls until the number is eligible again.");
				case WARMED -> illegal("Call warmup is complete: there is nothing to pause.");
			};
			case RESUME -> state == PAUSED ? to(WARMING)
					: illegal("Only paused call warmup can be resumed; this one is " + state.label() + ".");
			case ADVANCE -> switch (state) {
				case WARMING -> to(WARMING);
				case NEEDS_ATTENTION -> illegal("Call warmup needs attention: the ramp holds until calls recover.");
				default -> notRamping(state);
			};
			case DEGRADE -> state.ramping() ? to(NEEDS_ATTENTION) : notRamping(state);
			case RECOVER -> switch (state) {
				case NEEDS_ATTENTION -> to(WARMING);
				case WARMING -> illegal("Call warmup is Warming: there is nothing to recover from.");
				default -> notRamping(state);
			};
			case COMPLETE -> switch (state) {
				case WARMING -> to(WARMED);
				case NEEDS_ATTENTION -> illegal("Call warmup needs attention: it cannot complete until calls recover.");
				default -> notRamping(state);
			};
			case BLOCK -> switch (state) {
				case NOT_STARTED -> to(NOT_ELIGIBLE);
				case NOT_ELIGIBLE -> illegal("This number is already marked not eligible for call warmup.");
				case BLOCKED -> illegal("Call warmup is already blocked.");
				default -> to(BLOCKED);
			};
			case UNBLOCK -> switch (state) {
				case BLOCKED -> to(WARMING);
				case NOT_ELIGIBLE -> to(NOT_STARTED);
				default -> illegal("Call warmup is not blocked (" + state.label() + ").");
			};
		};
	}

	private static Transition<CallWarmupState> notRamping(CallWarmupState state) {
		return switch (state) {
			case NOT_STARTED, NOT_ELIGIBLE -> illegal("Call warmup is off.");
			case PAUSED -> illegal("Call warmup is paused: the ramp waits until someone resumes it.");
			case BLOCKED -> illegal("Call warmup is blocked: the ramp waits until the number is eligible again.");
			case WARMED -> illegal("Call warmup is complete.");
			default -> throw new IllegalStateException(state + " is ramping");
		};
	}
}

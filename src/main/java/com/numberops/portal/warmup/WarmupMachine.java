package com.numberops.portal.warmup;

import static com.numberops.portal.warmup.Transition.illegal;
import static com.numberops.portal.warmup.Transition.to;
import static com.numberops.portal.numbers.WarmupState.BLOCKED;
import static com.numberops.portal.numbers.WarmupState.HEALTHY;
import static com.numberops.portal.numbers.WarmupState.NEEDS_ATTENTION;
import static com.numberops.portal.numbers.WarmupState.NOT_STARTED;
import static com.numberops.portal.numbers.WarmupState.PAUSED;
import static com.numberops.portal.numbers.WarmupState.READY;
import static com.numberops.portal.numbers.WarmupState.WARMING;

import com.numberops.portal.numbers.WarmupState;

/**
 * The SMS warmup state machine: every (state, action) pair answers the next state or why not.
 *
 * <pre>
 *                 TURN_ON                 ADVANCE                  COMPLETE
 *   Not Started ──────────▶ Warming ─────────────▶ Healthy ───────────────▶ Ready
 *        ▲                    │ ▲  ╲ DEGRADE          │ DEGRADE
 *        │ TURN_OFF           │ │   ╲                 ▼
 *        │ (from any other)   │ │    ──────────▶ Needs Attention ─(DEGRADE: stays)
 *        │                    │ └── RECOVER ──────────┘
 *        │             PAUSE  ▼  RESUME → Warming       (PAUSE from Warming, Healthy, Needs Attention)
 *        │                 Paused
 *        │   BLOCK from every state but Not Started → Blocked; UNBLOCK → Warming
 * </pre>
 *
 * <ul>
 * <li>Not Started is also "off": a number never warmed, or whose warmup was turned off. Turning it
 * on starts the ramp from its first day (the service checks eligibility first).</li>
 * <li>Warming: on the ramp, no good delivery day yet since it (re)started; Healthy: on the ramp and
 * the last delivery signal was good. ADVANCE is one good day; COMPLETE the last one (Ready).</li>
 * <li>Needs Attention: the last signal was poor; the ramp holds (ADVANCE and COMPLETE are refused)
 * until RECOVER takes it back to Warming. A further poor day (DEGRADE) keeps it there.</li>
 * <li>Paused: held by a person, with a reason; only RESUME (back to Warming) or TURN_OFF move it.
 * The job leaves paused, blocked, ready and off warmups alone.</li>
 * <li>Blocked: the number became ineligible (disabled, suspended, capability gone) while warmup
 * was on, in any on-state including Paused and Ready; UNBLOCK (eligible again) goes back to
 * Warming, and the job picks the ramp up where its progress stood (completing at once if done).</li>
 * <li>TURN_OFF is allowed from every on-state and ends the warmup; turning it off twice, on twice,
 * pausing twice and the like are refused with a reason.</li>
 * </ul>
 */
public final class WarmupMachine {

	private WarmupMachine() {
	}

	public static Transition<WarmupState> next(WarmupState state, WarmupAction action) {
		return switch (action) {
			case TURN_ON -> state == NOT_STARTED ? to(WARMING)
					: illegal("SMS warmup is already on (" + state.label() + ").");
			case TURN_OFF -> state == NOT_STARTED ? illegal("SMS warmup is already off.") : to(NOT_STARTED);
			case PAUSE -> switch (state) {
				case WARMING, HEALTHY, NEEDS_ATTENTION -> to(PAUSED);
				case PAUSED -> illegal("SMS warmup is already paused.");
				case NOT_STARTED -> illegal("SMS warmup is off: there is nothing to pause.");
				case BLOCKED -> illegal("SMS warmup is blocked: it sends nothing until the number is eligible again.");
				case READY -> illegal("SMS warmup is complete: there is nothing to pause.");
			};
			case RESUME -> state == PAUSED ? to(WARMING)
					: illegal("Only paused SMS warmup can be resumed; this one is " + state.label() + ".");
			case ADVANCE -> switch (state) {
				case WARMING, HEALTHY -> to(HEALTHY);
				case NEEDS_ATTENTION -> illegal("SMS warmup needs attention: the ramp holds until delivery recovers.");
				default -> notRamping(state);
			};
			case DEGRADE -> state.ramping() ? to(NEEDS_ATTENTION) : notRamping(state);
			case RECOVER -> switch (state) {
				case NEEDS_ATTENTION -> to(WARMING);
				case WARMING, HEALTHY -> illegal("SMS warmup is " + state.label() + ": there is nothing to recover from.");
				default -> notRamping(state);
			};
			case COMPLETE -> switch (state) {
				case WARMING, HEALTHY -> to(READY);
				case NEEDS_ATTENTION -> illegal("SMS warmup needs attention: it cannot complete until delivery recovers.");
				default -> notRamping(state);
			};
			case BLOCK -> switch (state) {
				case NOT_STARTED -> illegal("SMS warmup is off: there is nothing to block.");
				case BLOCKED -> illegal("SMS warmup is already blocked.");
				default -> to(BLOCKED);
			};
			case UNBLOCK -> state == BLOCKED ? to(WARMING) : illegal("SMS warmup is not blocked (" + state.label() + ").");
		};
	}

	private static Transition<WarmupState> notRamping(WarmupState state) {
		return switch (state) {
			case NOT_STARTED -> illegal("SMS warmup is off.");
			case PAUSED -> illegal("SMS warmup is paused: the ramp waits until someone resumes it.");
			case BLOCKED -> illegal("SMS warmup is blocked: the ramp waits until the number is eligible again.");
			case READY -> illegal("SMS warmup is complete.");
			default -> throw new IllegalStateException(state + " is ramping");
		};
	}
}

package com.numberops.portal.warmup;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.numberops.portal.numbers.WarmupState;
import com.numberops.portal.numbers.CallWarmupState;
import com.numberops.portal.numbers.Actor;
import com.numberops.portal.numbers.NumberRef;
import com.numberops.portal.numbers.PhoneNumbers;
import com.numberops.portal.numbers.TimelineEntry;

/**
 * Applies one action to one (locked) number's warmup: asks the machine, writes the columns the
 * new state implies and records the event. Shared by the people's controls, the job and the
 * eligibility check so that every way in keeps the columns and the events the same.
 */
@Component
class WarmupTransitions {

	private final PhoneNumbers numbers;

	private final WarmupProperties properties;

	WarmupTransitions(PhoneNumbers numbers, WarmupProperties properties) {
		this.numbers = numbers;
		this.properties = properties;
	}

	/**
	 * @param note the pause reason (PAUSE), the blocked or poor-signal reason (BLOCK, DEGRADE), or
	 *     any detail for the event
	 * @param rate the day's signal (percent), if any
	 * @return the refusal's reason, or null when the action was applied
	 */
	@Nullable String apply(WarmupNumber n, Channel channel, WarmupAction action, Instant now, Actor actor,
			@Nullable String note, @Nullable Integer rate) {
		return channel == Channel.SMS ? sms(n, action, now, actor, note, rate) : call(n, action, now, actor, note);
	}

	private @Nullable String sms(WarmupNumber n, WarmupAction action, Instant now, Actor actor,
			@Nullable String note, @Nullable Integer rate) {
		Transition<WarmupState> transition = WarmupMachine.next(n.smsState(), action);
		if (transition instanceof Transition.Illegal<WarmupState> illegal) {
			return illegal.reason();
		}
		WarmupState after = ((Transition.Moved<WarmupState>) transition).state();
		RampPlan plan = properties.smsPlan();
		Instant next = now.plus(properties.day());
		int day = n.smsDay();
		Integer health = rate != null ? rate : n.healthScore();
		PhoneNumbers.SmsWarmup w;
		switch (action) {
			case TURN_ON -> w = sms(true, after, 0, 0, null, next, null, null);
			case TURN_OFF -> w = sms(false, after, 0, null, null, null, null, null);
			case PAUSE -> w = sms(true, after, day, plan.progressPercent(day), n.healthScore(), null, note,
					null);
			case RESUME, UNBLOCK, RECOVER -> w = sms(true, after, day, plan.progressPercent(day), health,
					next, null, null);
			case ADVANCE -> w = sms(true, after, day + 1, plan.progressPercent(day + 1), health, next, null,
					null);
			case DEGRADE -> w = sms(true, after, day, plan.progressPercent(day), health, next, null, note);
			case COMPLETE -> w = sms(true, after, plan.totalDays(), 100, health, null, null, null);
			case BLOCK -> w = sms(true, after, day, plan.progressPercent(day), n.healthScore(), null, null,
					note);
			default -> throw new IllegalStateException(action.name());
		}
		TimelineEntry entry = null;
		if (after != n.smsState() || action.byPeople()) {
			entry = entry(Channel.SMS, title(Channel.SMS, action), details(action, note, rate), n.smsState().label(),
					after.label());
		}
		numbers.moveSmsWarmup(NumberRef.of(n.id()), w, actor, entry);
		return null;
	}

	private @Nullable String call(WarmupNumber n, WarmupAction action, Instant now, Actor actor,
			@Nullable String note) {
		Transition<CallWarmupState> transition = CallWarmupMachine.next(n.callState(), action);
		if (transition instanceof Transition.Illegal<CallWarmupState> illegal) {
			return illegal.reason();
		}
		CallWarmupState after = ((Transition.Moved<CallWarmupState>) transition).state();
		RampPlan plan = properties.callPlan();
		Instant next = now.plus(properties.day());
		int day = n.callDay();
		Integer stage = n.callStage();
		PhoneNumbers.CallWarmup w;
		switch (action) {
			case TURN_ON -> {
				day = 0;
				stage = 0;
				w = call(true, after, 0, 0, next, null, null);
			}
			case TURN_OFF -> {
				day = 0;
				stage = null;
				w = call(false, after, 0, null, null, null, null);
			}
			case PAUSE -> w = call(true, after, day, stage, null, note, null);
			case RESUME, UNBLOCK, RECOVER -> {
				if (after.off()) {
					w = call(false, after, day, stage, null, null, null);
				}
				else {
					w = call(true, after, day, stage, next, null, null);
				}
			}
			case ADVANCE -> {
				day = day + 1;
				stage = plan.stageAfter(day);
				w = call(true, after, day, stage, next, null, null);
			}
			case DEGRADE -> w = call(true, after, day, stage, next, null, note);
			case COMPLETE -> {
				day = plan.totalDays();
				stage = plan.stages().size() - 1;
				w = call(true, after, day, stage, null, null, null);
			}
			case BLOCK -> w = call(!after.off(), after, day, stage, null, null, note);
			default -> throw new IllegalStateException(action.name());
		}
		TimelineEntry entry = null;
		if (after != n.callState() || action.byPeople() || !Objects.equals(stage, n.callStage())) {
			String details = details(action, note, null);
			if (action == WarmupAction.ADVANCE && !Objects.equals(stage, n.callStage())) {
				details = "Stage " + n.callStage() + " → Stage " + stage + " (" + plan.volumeAfter(day) + " calls a day).";
			}
			entry = entry(Channel.CALL, title(Channel.CALL, action), details, n.callState().label(), after.label());
		}
		numbers.moveCallWarmup(NumberRef.of(n.id()), w, actor, entry);
		return null;
	}

	/**
	 * Brings the warmup states in line with the number's eligibility now: an on warmup of an
	 * ineligible number is blocked with the reason, a blocked one of an eligible number unblocked;
	 * an off call warmup (once used) is marked Not Eligible or back to Not Started.
	 */
	void reevaluate(WarmupNumber n, Instant now, Actor actor) {
		WarmupEligibility.Verdict sms = WarmupEligibility.check(Channel.SMS, n.facts());
		if (n.smsEnabled()) {
			if (!sms.eligible() && n.smsState() != WarmupState.BLOCKED) {
				apply(n, Channel.SMS, WarmupAction.BLOCK, now, actor, sms.reason(), null);
			}
			else if (sms.eligible() && n.smsState() == WarmupState.BLOCKED) {
				apply(n, Channel.SMS, WarmupAction.UNBLOCK, now, actor, null, null);
			}
		}
		WarmupEligibility.Verdict call = WarmupEligibility.check(Channel.CALL, n.facts());
		boolean tracked = n.callEnabled() || n.callStateStored() != null;
		boolean blocked = n.callState() == CallWarmupState.BLOCKED || n.callState() == CallWarmupState.NOT_ELIGIBLE;
		if (tracked && !call.eligible() && !blocked) {
			apply(n, Channel.CALL, WarmupAction.BLOCK, now, actor, call.reason(), null);
		}
		else if (tracked && call.eligible() && blocked) {
			apply(n, Channel.CALL, WarmupAction.UNBLOCK, now, actor, null, null);
		}
	}

	private static PhoneNumbers.SmsWarmup sms(boolean enabled, WarmupState state, int day, @Nullable Integer progress,
			@Nullable Integer health, @Nullable Instant next, @Nullable String pauseReason, @Nullable String healthReason) {
		return new PhoneNumbers.SmsWarmup(enabled, state.label(), day, progress, health, next, pauseReason, healthReason);
	}

	private static PhoneNumbers.CallWarmup call(boolean enabled, CallWarmupState state, int day, @Nullable Integer stage,
			@Nullable Instant next, @Nullable String pauseReason, @Nullable String healthReason) {
		return new PhoneNumbers.CallWarmup(enabled, state.label(), day, stage, next, pauseReason, healthReason);
	}

	private static TimelineEntry entry(Channel channel, String title, @Nullable String details, String before,
			String after) {
		return new TimelineEntry(channel == Channel.SMS ? "WARMUP" : "CALL_WARMUP", title, details,
				channel == Channel.SMS ? "warmup_state" : "call_warmup_state", before, after);
	}

	private static String title(Channel channel, WarmupAction action) {
		String what = switch (action) {
			case TURN_ON -> "turned on";
			case TURN_OFF -> "turned off";
			case PAUSE -> "paused";
			case RESUME -> "resumed";
			case ADVANCE -> "advanced";
			case DEGRADE -> "needs attention";
			case RECOVER -> "recovered";
			case COMPLETE -> "complete";
			case BLOCK -> "blocked";
			case UNBLOCK -> "unblocked";
		};
		return channel.label() + " " + what;
	}

	private static @Nullable String details(WarmupAction action, @Nullable String note, @Nullable Integer rate) {
		if (note != null) {
			return action == WarmupAction.PAUSE ? "Reason: " + note : note;
		}
		return rate == null ? null : "Signal " + rate + "%.".toLowerCase(Locale.ROOT);
	}
}

package com.numberops.portal.warmup;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.numberops.portal.numbers.NumberEventLog;

/**
 * Applies one action to one (locked) number's warmup: asks the machine, writes the columns the
 * new state implies and records the event. Shared by the people's controls, the job and the
 * eligibility check so that every way in keeps the columns and the events the same.
 */
@Component
class WarmupTransitions {

	private final WarmupStore store;

	private final WarmupProperties properties;

	WarmupTransitions(WarmupStore store, WarmupProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	/**
	 * @param note the pause reason (PAUSE), the blocked or poor-signal reason (BLOCK, DEGRADE), or
	 *     any detail for the event
	 * @param rate the day's signal (percent), if any
	 * @return the refusal's reason, or null when the action was applied
	 */
	@Nullable String apply(WarmupNumber n, Channel channel, WarmupAction action, Instant now, NumberEventLog.Actor actor,
			@Nullable String note, @Nullable Integer rate) {
		return channel == Channel.SMS ? sms(n, action, now, actor, note, rate) : call(n, action, now, actor, note);
	}

	private @Nullable String sms(WarmupNumber n, WarmupAction action, Instant now, NumberEventLog.Actor actor,
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
		switch (action) {
			case TURN_ON -> store.writeSms(n.id(), true, after, 0, 0, null, next, null, null, now);
			case TURN_OFF -> store.writeSms(n.id(), false, after, 0, null, null, null, null, null, now);
			case PAUSE -> store.writeSms(n.id(), true, after, day, plan.progressPercent(day), n.healthScore(), null, note,
					null, now);
			case RESUME, UNBLOCK, RECOVER -> store.writeSms(n.id(), true, after, day, plan.progressPercent(day), health,
					next, null, null, now);
			case ADVANCE -> store.writeSms(n.id(), true, after, day + 1, plan.progressPercent(day + 1), health, next, null,
					null, now);
			case DEGRADE -> store.writeSms(n.id(), true, after, day, plan.progressPercent(day), health, next, null, note,
					now);
			case COMPLETE -> store.writeSms(n.id(), true, after, plan.totalDays(), 100, health, null, null, null, now);
			case BLOCK -> store.writeSms(n.id(), true, after, day, plan.progressPercent(day), n.healthScore(), null, null,
					note, now);
		}
		if (after != n.smsState() || action.byPeople()) {
			store.event(n.id(), Channel.SMS, title(Channel.SMS, action), details(action, note, rate),
					n.smsState().label(), after.label(), actor, now);
		}
		return null;
	}

	private @Nullable String call(WarmupNumber n, WarmupAction action, Instant now, NumberEventLog.Actor actor,
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
		switch (action) {
			case TURN_ON -> {
				day = 0;
				stage = 0;
				store.writeCall(n.id(), true, after, 0, 0, next, null, null, now);
			}
			case TURN_OFF -> {
				day = 0;
				stage = null;
				store.writeCall(n.id(), false, after, 0, null, null, null, null, now);
			}
			case PAUSE -> store.writeCall(n.id(), true, after, day, stage, null, note, null, now);
			case RESUME, UNBLOCK, RECOVER -> {
				if (after.off()) {
					store.writeCall(n.id(), false, after, day, stage, null, null, null, now);
				}
				else {
					store.writeCall(n.id(), true, after, day, stage, next, null, null, now);
				}
			}
			case ADVANCE -> {
				day = day + 1;
				stage = plan.stageAfter(day);
				store.writeCall(n.id(), true, after, day, stage, next, null, null, now);
			}
			case DEGRADE -> store.writeCall(n.id(), true, after, day, stage, next, null, note, now);
			case COMPLETE -> {
				day = plan.totalDays();
				stage = plan.stages().size() - 1;
				store.writeCall(n.id(), true, after, day, stage, null, null, null, now);
			}
			case BLOCK -> store.writeCall(n.id(), !after.off(), after, day, stage, null, null, note, now);
		}
		if (after != n.callState() || action.byPeople() || !Objects.equals(stage, n.callStage())) {
			String details = details(action, note, null);
			if (action == WarmupAction.ADVANCE && !Objects.equals(stage, n.callStage())) {
				details = "Stage " + n.callStage() + " → Stage " + stage + " (" + plan.volumeAfter(day) + " calls a day).";
			}
			store.event(n.id(), Channel.CALL, title(Channel.CALL, action), details, n.callState().label(), after.label(),
					actor, now);
		}
		return null;
	}

	/**
	 * Brings the warmup states in line with the number's eligibility now: an on warmup of an
	 * ineligible number is blocked with the reason, a blocked one of an eligible number unblocked;
	 * an off call warmup (once used) is marked Not Eligible or back to Not Started.
	 */
	void reevaluate(WarmupNumber n, Instant now, NumberEventLog.Actor actor) {
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

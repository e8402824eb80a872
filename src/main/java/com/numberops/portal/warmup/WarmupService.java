package com.numberops.portal.warmup;

import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.numbers.EditRefused;
import com.numberops.portal.numbers.EffectiveEnablementChanged;
import com.numberops.portal.numbers.Actor;
import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.system.UnknownTarget;
import com.numberops.portal.users.PortalPrincipal;

/**
 * The operators' warmup controls: turn on, turn off, pause (with a reason), resume, for SMS and
 * for calls. Authorised here (operators and admins), scoped to the person's teams (another team's
 * number is no different from none), refused with the machine's reason when the state does not
 * allow it and with the eligibility reason when the number may not warm up. Every transition is
 * an event with who and before → after.
 */
@Service
public class WarmupService {

	/** The longest pause reason. */
	public static final int REASON_MAX = 200;

	private final WarmupStore store;

	private final WarmupTransitions transitions;

	private final Clock clock;

	WarmupService(WarmupStore store, WarmupTransitions transitions, Clock clock) {
		this.store = store;
		this.transitions = transitions;
		this.clock = clock;
	}

	@Transactional
	@PreAuthorize("hasRole('OPERATOR')")
	public void turnOn(PortalPrincipal user, long numberId, Channel channel) {
		act(user, numberId, channel, WarmupAction.TURN_ON, null);
	}

	@Transactional
	@PreAuthorize("hasRole('OPERATOR')")
	public void turnOff(PortalPrincipal user, long numberId, Channel channel) {
		act(user, numberId, channel, WarmupAction.TURN_OFF, null);
	}

	@Transactional
	@PreAuthorize("hasRole('OPERATOR')")
	public void pause(PortalPrincipal user, long numberId, Channel channel, @Nullable String reason) {
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new EditRefused("reason", "Say why warmup is paused.");
		}
		if (why.length() > REASON_MAX) {
			throw new EditRefused("reason", "A pause reason is at most " + REASON_MAX + " characters.");
		}
		act(user, numberId, channel, WarmupAction.PAUSE, why);
	}

	@Transactional
	@PreAuthorize("hasRole('OPERATOR')")
	public void resume(PortalPrincipal user, long numberId, Channel channel) {
		act(user, numberId, channel, WarmupAction.RESUME, null);
	}

	private void act(PortalPrincipal user, long numberId, Channel channel, WarmupAction action, @Nullable String reason) {
		WarmupNumber number = store.lock(numberId, Viewer.of(user))
			.orElseThrow(() -> new UnknownTarget("Number " + numberId));
		String illegal = channel == Channel.SMS ? reason(WarmupMachine.next(number.smsState(), action))
				: reason(CallWarmupMachine.next(number.callState(), action));
		if (illegal != null) {
			throw new EditRefused("", illegal);
		}
		if (action == WarmupAction.TURN_ON || action == WarmupAction.RESUME) {
			WarmupEligibility.Verdict verdict = WarmupEligibility.check(channel, number.facts());
			if (!verdict.eligible()) {
				throw new EditRefused("", channel.label() + " cannot " + (action == WarmupAction.TURN_ON ? "start" : "resume")
						+ ": " + verdict.reason());
			}
		}
		String refused = transitions.apply(number, channel, action, clock.instant(),
				Actor.person(user.getUserId(), user.getDisplayName()), reason, null);
		if (refused != null) {
			throw new EditRefused("", refused);
		}
	}

	/**
	 * A number's enablement (or its override) changed: block or unblock its warmups in the same
	 * transaction, attributed to whoever changed it.
	 */
	@EventListener
	public void enablementChanged(EffectiveEnablementChanged changed) {
		reevaluate(changed.numberId(), new Actor(null, changed.by(), "PORTAL"), clock.instant());
	}

	/** Checks one number's warmups against its eligibility now (no person's scope: the system's own). */
	void reevaluate(long numberId, Actor actor, Instant now) {
		store.lock(numberId, Viewer.jobs()).ifPresent(number -> transitions.reevaluate(number, now, actor));
	}

	private static <S> @Nullable String reason(Transition<S> transition) {
		return transition instanceof Transition.Illegal<S> illegal ? illegal.reason() : null;
	}
}

package com.numberops.portal.warmup;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.numberops.portal.numbers.WarmupState;
import com.numberops.portal.numbers.CallWarmupState;
import com.numberops.portal.numbers.NumberRecord;

/**
 * What a number's page offers for each warmup (templates call it as {@code @warmupControls}):
 * which buttons the state machine allows and, if the number may not warm up, why. Only a view:
 * the service decides again.
 */
@Component("warmupControls")
public class WarmupControls {

	/**
	 * @param reason why the number may not warm up (null when it may)
	 */
	public record Control(String channel, String state, boolean eligible, @Nullable String reason, boolean canTurnOn,
			boolean canTurnOff, boolean canPause, boolean canResume) {
	}

	public Control sms(NumberRecord number) {
		WarmupState state = WarmupState.of(number.warmup().state());
		WarmupEligibility.Verdict verdict = WarmupEligibility.check(Channel.SMS, facts(number));
		return new Control(Channel.SMS.path(), state.label(), verdict.eligible(), verdict.reason(),
				WarmupMachine.next(state, WarmupAction.TURN_ON).legal(), WarmupMachine.next(state, WarmupAction.TURN_OFF).legal(),
				WarmupMachine.next(state, WarmupAction.PAUSE).legal(), WarmupMachine.next(state, WarmupAction.RESUME).legal());
	}

	public Control call(NumberRecord number) {
		CallWarmupState state = CallWarmupState.of(number.callWarmup().state());
		WarmupEligibility.Verdict verdict = WarmupEligibility.check(Channel.CALL, facts(number));
		return new Control(Channel.CALL.path(), state.label(), verdict.eligible(), verdict.reason(),
				state.off(), CallWarmupMachine.next(state, WarmupAction.TURN_OFF).legal(),
				CallWarmupMachine.next(state, WarmupAction.PAUSE).legal(),
				CallWarmupMachine.next(state, WarmupAction.RESUME).legal());
	}

	private static WarmupEligibility.Facts facts(NumberRecord number) {
		return new WarmupEligibility.Facts(number.capabilities().sms(), number.capabilities().voice(),
				number.capabilities().warmup(), number.identity().status(), number.enablement().enabled(),
				number.enablement().overrideEnabled());
	}
}

package com.numberops.portal.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link WarmupEligibility} as a table; the first failing condition gives the reason. */
class WarmupEligibilityUnitTest {

	@ParameterizedTest(name = "{0}: sms={1} voice={2} warmup={3} {4} enabled={5} override={6} → {7}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			SMS  | true  | false | true  | Active             | true  | null  | null
			SMS  | true  | false | true  | Active             | false | true  | null
			SMS  | true  | true  | false | Active             | true  | null  | does not have the warmup capability
			SMS  | false | true  | true  | Active             | true  | null  | does not have the SMS capability
			SMS  | false | true  | false | Suspended          | false | null  | does not have the warmup capability
			SMS  | true  | false | true  | Suspended          | true  | null  | is Suspended, not Active
			SMS  | true  | false | true  | PendingRelease     | true  | null  | is Pending release, not Active
			SMS  | true  | false | true  | FailedProvisioning | true  | null  | is Failed provisioning, not Active
			SMS  | true  | false | true  | Active             | false | null  | This number is disabled.
			SMS  | true  | false | true  | Active             | true  | false | disabled by an admin override
			SMS  | true  | false | true  | Suspended          | false | null  | This number is disabled.
			CALL | false | true  | true  | Active             | true  | null  | null
			CALL | true  | false | true  | Active             | true  | null  | does not have the voice capability
			CALL | false | true  | false | Active             | true  | null  | does not have the warmup capability
			CALL | false | true  | true  | Expired            | true  | null  | is Expired, not Active
			CALL | false | true  | true  | Active             | true  | false | disabled by an admin override
			CALL | false | true  | true  | Active             | false | true  | null
			""")
	void verdicts(Channel channel, boolean sms, boolean voice, boolean warmup, String status, boolean enabled,
			Boolean override, String reason) {
		WarmupEligibility.Verdict verdict = WarmupEligibility.check(channel,
				new WarmupEligibility.Facts(sms, voice, warmup, status, enabled, override));
		if (reason == null) {
			assertThat(verdict.eligible()).isTrue();
			assertThat(verdict.reason()).isNull();
		}
		else {
			assertThat(verdict.eligible()).isFalse();
			assertThat(verdict.reason()).contains(reason);
		}
	}

	@Test
	void rampPlansReadDaysAndVolumes() {
		RampPlan plan = RampPlan.parse("2x20, 3x50,1x100");
		assertThat(plan.totalDays()).isEqualTo(6);
		assertThat(plan.stageAfter(0)).isZero();
		assertThat(plan.stageAfter(2)).isEqualTo(1);
		assertThat(plan.stageAfter(5)).isEqualTo(2);
		assertThat(plan.stageAfter(6)).isEqualTo(2);
		assertThat(plan.volumeAfter(4)).isEqualTo(50);
		assertThat(plan.progressPercent(0)).isZero();
		assertThat(plan.progressPercent(3)).isEqualTo(50);
		assertThat(plan.progressPercent(6)).isEqualTo(100);
	}
}

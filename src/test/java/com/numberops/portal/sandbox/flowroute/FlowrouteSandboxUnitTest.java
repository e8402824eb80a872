package com.numberops.portal.sandbox.flowroute;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Message provisioning settles by time on read, and with live Flowroute credentials the
 * simulated Flowroute does not exist at all.
 */
class FlowrouteSandboxUnitTest {

	static final Instant SETTLES = Instant.parse("2026-11-22T10:00:00Z");

	static FlowrouteSandboxNumber number(@Nullable String provisionStatus, boolean messaging) {
		return new FlowrouteSandboxNumber("12065550001", "alias", false, messaging, "longcode", "sttlwa0101", "wa", "US",
				new BigDecimal("1.25"), BigDecimal.ONE, new BigDecimal("0.012"), "local", "PURCHASED", "Standard", "0",
				provisionStatus == null ? null : "8afe0a20108c4219bc37cca866f7455e", provisionStatus,
				provisionStatus == null ? null : SETTLES);
	}

	@Test
	void aProvisionJobIsProcessingUntilItsTimeThenCompleteWithMessagingOn() {
		FlowrouteSandboxNumber processing = number("processing", false);
		assertThat(processing.settledAt(SETTLES.minusMillis(1))).isEqualTo(processing);
		FlowrouteSandboxNumber settled = processing.settledAt(SETTLES);
		assertThat(settled.messageProvisionStatus()).isEqualTo("complete");
		assertThat(settled.messagingEnabled()).isTrue();
		assertThat(settled.provisioning()).isFalse();
	}

	@Test
	void numbersWithoutARunningJobStayAsTheyAre() {
		assertThat(number(null, false).settledAt(SETTLES.plusSeconds(60))).isEqualTo(number(null, false));
		assertThat(number("complete", true).settledAt(SETTLES.plusSeconds(60))).isEqualTo(number("complete", true));
	}

	@Test
	void withLiveCredentialsThereAreNoFlowrouteSandboxRoutes() {
		new ApplicationContextRunner().withPropertyValues("portal.providers.flowroute.access-key=live-key")
			.withUserConfiguration(FlowrouteSandbox.class, FlowrouteSandboxController.class)
			.run(context -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(FlowrouteSandbox.class);
				assertThat(context).doesNotHaveBean(FlowrouteSandboxController.class);
			});
	}
}

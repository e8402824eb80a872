package com.numberops.portal.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NumberStatesUnitTest {

	static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	/** A US long code in daily use: assigned, SMS and voice linked, 10DLC campaign, enabled. */
	static final StateInputs READY = new StateInputs(false, null, null, false, null, null, true, true, true, true, true,
			true, true, false, false, true);

	/** A copy of {@link #READY} with some inputs changed, readable in the table. */
	record With(boolean released, @Nullable Instant hold, @Nullable Instant expireAt, boolean suspended,
			@Nullable String sms, @Nullable String voice, boolean smsCapable, boolean voiceCapable, boolean smsLinked,
			boolean voiceLinked, boolean tenDlcRequired, boolean tenDlcLinked, boolean enabled, boolean warmupOnly,
			boolean testOnly, boolean assigned) {

		static With ready() {
			StateInputs r = READY;
			return new With(r.released(), r.releaseScheduledAt(), r.expireAt(), r.providerSuspended(), r.smsProvisioning(),
					r.voiceProvisioning(), r.smsCapable(), r.voiceCapable(), r.smsLinked(), r.voiceLinked(),
					r.tenDlcRequired(), r.tenDlcLinked(), r.effectivelyEnabled(), r.warmupOnly(), r.internalTestOnly(),
					r.assigned());
		}

		StateInputs inputs() {
			return new StateInputs(released, hold, expireAt, suspended, sms, voice, smsCapable, voiceCapable, smsLinked,
					voiceLinked, tenDlcRequired, tenDlcLinked, enabled, warmupOnly, testOnly, assigned);
		}
	}

	static Arguments row(String name, UnaryOperator<With> change, NumberStatus status, InventoryState state) {
		return Arguments.of(name, change.apply(With.ready()).inputs(), status, state);
	}

	static With released(With w) {
		return new With(true, w.hold, w.expireAt, w.suspended, w.sms, w.voice, w.smsCapable, w.voiceCapable, w.smsLinked,
				w.voiceLinked, w.tenDlcRequired, w.tenDlcLinked, w.enabled, w.warmupOnly, w.testOnly, w.assigned);
	}

	static With hold(With w, Instant at) {
		return new With(w.released, at, w.expireAt, w.suspended, w.sms, w.voice, w.smsCapable, w.voiceCapable, w.smsLinked,
				w.voiceLinked, w.tenDlcRequired, w.tenDlcLinked, w.enabled, w.warmupOnly, w.testOnly, w.assigned);
	}

	static With expires(With w, Instant at) {
		return new With(w.released, w.hold, at, w.suspended, w.sms, w.voice, w.smsCapable, w.voiceCapable, w.smsLinked,
				w.voiceLinked, w.tenDlcRequired, w.tenDlcLinked, w.enabled, w.warmupOnly, w.testOnly, w.assigned);
	}

	static With suspended(With w) {
		return new With(w.released, w.hold, w.expireAt, true, w.sms, w.voice, w.smsCapable, w.voiceCapable, w.smsLinked,
				w.voiceLinked, w.tenDlcRequired, w.tenDlcLinked, w.enabled, w.warmupOnly, w.testOnly, w.assigned);
	}

	static With provisioning(With w, @Nullable String sms, @Nullable String voice) {
		return new With(w.released, w.hold, w.expireAt, w.suspended, sms, voice, w.smsCapable, w.voiceCapable, w.smsLinked,
				w.voiceLinked, w.tenDlcRequired, w.tenDlcLinked, w.enabled, w.warmupOnly, w.testOnly, w.assigned);
	}

	static With links(With w, boolean sms, boolean voice, boolean tenDlc) {
		return new With(w.released, w.hold, w.expireAt, w.suspended, w.sms, w.voice, w.smsCapable, w.voiceCapable, sms,
				voice, w.tenDlcRequired, tenDlc, w.enabled, w.warmupOnly, w.testOnly, w.assigned);
	}

	static With capable(With w, boolean sms, boolean voice) {
		return new With(w.released, w.hold, w.expireAt, w.suspended, w.sms, w.voice, sms, voice, w.smsLinked,
				w.voiceLinked, w.tenDlcRequired, w.tenDlcLinked, w.enabled, w.warmupOnly, w.testOnly, w.assigned);
	}

	static With flags(With w, boolean enabled, boolean warmupOnly, boolean testOnly, boolean assigned) {
		return new With(w.released, w.hold, w.expireAt, w.suspended, w.sms, w.voice, w.smsCapable, w.voiceCapable,
				w.smsLinked, w.voiceLinked, w.tenDlcRequired, w.tenDlcLinked, enabled, warmupOnly, testOnly, assigned);
	}

	static Stream<Arguments> table() {
		Instant past = NOW.minusSeconds(60);
		Instant future = NOW.plusSeconds(3600);
		return Stream.of(
				// name,                               inputs,                                        status,                          inventory state
				row("ready US long code", w -> w, NumberStatus.ACTIVE, InventoryState.READY_FOR_SMS),
				row("released", NumberStatesUnitTest::released, NumberStatus.EXPIRED, InventoryState.RELEASED),
				row("released wins over a hold", w -> hold(released(w), future), NumberStatus.EXPIRED, InventoryState.RELEASED),
				row("release on hold", w -> hold(w, future), NumberStatus.PENDING_RELEASE, InventoryState.PENDING_RELEASE),
				row("hold wins over expiry", w -> expires(hold(w, future), past), NumberStatus.PENDING_RELEASE, InventoryState.PENDING_RELEASE),
				row("expireAt passed", w -> expires(w, past), NumberStatus.EXPIRED, InventoryState.FAILED),
				row("expireAt exactly now", w -> expires(w, NOW), NumberStatus.EXPIRED, InventoryState.FAILED),
				row("expireAt ahead", w -> expires(w, future), NumberStatus.ACTIVE, InventoryState.READY_FOR_SMS),
				row("carrier suspended", NumberStatesUnitTest::suspended, NumberStatus.SUSPENDED, InventoryState.SUSPENDED),
				row("disabled (or overridden off)", w -> flags(w, false, false, false, true), NumberStatus.SUSPENDED, InventoryState.SUSPENDED),
				row("expired wins over suspended", w -> expires(suspended(w), past), NumberStatus.EXPIRED, InventoryState.FAILED),
				row("SMS provisioning failed", w -> provisioning(w, "FAILED", null), NumberStatus.FAILED_PROVISIONING, InventoryState.FAILED),
				row("voice provisioning failed", w -> provisioning(w, null, "FAILED"), NumberStatus.FAILED_PROVISIONING, InventoryState.FAILED),
				row("failed wins over running", w -> provisioning(w, "IN_PROGRESS", "FAILED"), NumberStatus.FAILED_PROVISIONING, InventoryState.FAILED),
				row("suspended wins over failed", w -> provisioning(suspended(w), "FAILED", null), NumberStatus.SUSPENDED, InventoryState.SUSPENDED),
				row("SMS provisioning waiting", w -> provisioning(w, "WAITING", null), NumberStatus.PROVISIONING, InventoryState.PENDING_VERIFICATION),
				row("voice provisioning in progress", w -> provisioning(w, null, "IN_PROGRESS"), NumberStatus.PROVISIONING, InventoryState.PENDING_VERIFICATION),
				row("nothing linked", w -> links(w, false, false, false), NumberStatus.UNREGISTERED, InventoryState.ASSIGNED),
				row("nothing linked, no team", w -> flags(links(w, false, false, false), true, false, false, false), NumberStatus.UNREGISTERED, InventoryState.AVAILABLE),
				row("SMS without 10DLC campaign", w -> links(w, true, true, false), NumberStatus.ACTIVE, InventoryState.RESTRICTED),
				row("no 10DLC needed (toll-free, CA, GB)", w -> new With(w.released, w.hold, w.expireAt, w.suspended, w.sms, w.voice, true, true, true, true, false, false, true, false, false, true), NumberStatus.ACTIVE, InventoryState.READY_FOR_SMS),
				row("voice only", w -> links(w, false, true, false), NumberStatus.ACTIVE, InventoryState.READY_FOR_VOICE),
				row("voice app on an SMS-only number", w -> capable(links(w, false, true, false), true, false), NumberStatus.ACTIVE, InventoryState.ASSIGNED),
				row("linked but not assigned", w -> flags(w, true, false, false, false), NumberStatus.ACTIVE, InventoryState.AVAILABLE),
				row("warmup only", w -> flags(w, true, true, false, true), NumberStatus.ACTIVE, InventoryState.WARMUP_ONLY),
				row("internal/test only wins over warmup", w -> flags(w, true, true, true, true), NumberStatus.ACTIVE, InventoryState.INTERNAL_TEST_ONLY),
				row("test only while provisioning", w -> provisioning(flags(w, true, false, true, true), "WAITING", null), NumberStatus.PROVISIONING, InventoryState.INTERNAL_TEST_ONLY),
				row("warmup only but suspended", w -> flags(w, false, true, false, true), NumberStatus.SUSPENDED, InventoryState.SUSPENDED));
	}

	@ParameterizedTest(name = "{0}: {2} / {3}")
	@MethodSource("table")
	void statusAndInventoryStateFollowFromTheInputs(String name, StateInputs inputs, NumberStatus status,
			InventoryState state) {
		assertThat(NumberStates.status(inputs, NOW)).isEqualTo(status);
		assertThat(NumberStates.inventoryState(inputs, NOW)).isEqualTo(state);
	}

	@Test
	void theTableReachesEveryStatusAndEveryInventoryState() {
		Set<NumberStatus> statuses = table().map(row -> (NumberStatus) row.get()[2]).collect(Collectors.toSet());
		Set<InventoryState> states = table().map(row -> (InventoryState) row.get()[3]).collect(Collectors.toSet());
		assertThat(statuses).isEqualTo(EnumSet.allOf(NumberStatus.class));
		assertThat(states).isEqualTo(EnumSet.allOf(InventoryState.class));
	}

	@Test
	void storedValuesAreTheSeedsSpelling() {
		assertThat(Stream.of(NumberStatus.values()).map(NumberStatus::value)).containsExactly("Unregistered",
				"Provisioning", "FailedProvisioning", "Active", "Expired", "Suspended", "PendingRelease");
		assertThat(InventoryState.fromValue("Internal/test-only")).isEqualTo(InventoryState.INTERNAL_TEST_ONLY);
		assertThat(NumberStatus.fromValue("PendingRelease")).isEqualTo(NumberStatus.PENDING_RELEASE);
	}

	/** Bought through the portal, not yet confirmed: Provisioning even without a setup to wait for (Flowroute). */
	@org.junit.jupiter.api.Test
	void aNumberBeingBoughtIsProvisioningUntilTheCarrierHasIt() {
		StateInputs flowrouteBeingBought = new StateInputs(false, null, null, false, null, null, true, true, false, true,
				false, false, true, false, false, true, true);
		org.assertj.core.api.Assertions.assertThat(NumberStates.status(flowrouteBeingBought, NOW))
			.isEqualTo(NumberStatus.PROVISIONING);
		org.assertj.core.api.Assertions.assertThat(NumberStates.inventoryState(flowrouteBeingBought, NOW))
			.isEqualTo(InventoryState.PENDING_VERIFICATION);
		StateInputs notBought = new StateInputs(true, null, null, false, null, null, true, true, false, true, false, false,
				true, false, false, true, true);
		org.assertj.core.api.Assertions.assertThat(NumberStates.status(notBought, NOW)).isEqualTo(NumberStatus.EXPIRED);
		org.assertj.core.api.Assertions.assertThat(NumberStates.inventoryState(notBought, NOW))
			.isEqualTo(InventoryState.RELEASED);
	}
}

package com.numberops.portal.warmup;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.numbers.WarmupState;
import com.numberops.portal.numbers.CallWarmupState;

/** One number as warmup sees it: eligibility facts and both warmups' columns. */
record WarmupNumber(long id, String number, boolean sandbox, WarmupEligibility.Facts facts, boolean smsEnabled,
		WarmupState smsState, int smsDay, @Nullable Integer healthScore, @Nullable String pauseReason,
		@Nullable String healthReason, @Nullable Instant smsNextAt, boolean callEnabled, @Nullable String callStateStored, CallWarmupState callState,
		int callDay, @Nullable Integer callStage, @Nullable String callPauseReason, @Nullable String callHealthReason, @Nullable Instant callNextAt) {
}

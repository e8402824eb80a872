/**
 * SMS and call warmup: two plain-Java state machines ({@link com.numberops.portal.warmup.WarmupMachine},
 * {@link com.numberops.portal.warmup.CallWarmupMachine}), the eligibility rule, the ramp plan, the
 * operators' controls (turn on, turn off, pause with a reason, resume) and the scheduled job that
 * moves warming numbers along the ramp from delivery signals: the sandbox's made-up ones, or the
 * daily delivery reports live numbers' senders post ({@link com.numberops.portal.warmup.WarmupSignals}).
 * Every transition is a number event.
 */
@NullMarked
package com.numberops.portal.warmup;

import org.jspecify.annotations.NullMarked;

package com.numberops.portal.warmup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.numberops.portal.numbers.WarmupState;
import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.numbers.CallWarmupState;


/**
 * Moves warmups along their ramps. One run, at an instant: first every on warmup whose number's
 * eligibility no longer matches its state is blocked (with the reason) or unblocked; then every
 * warming number whose next action is due takes one ramp day: the day's signal from
 * {@link DeliverySignals} updates its health, a poor one (below {@code attention-below}) puts it
 * in Needs Attention where the ramp holds until the signal reaches {@code recover-at}, a good (or
 * no) one moves it a day on, and the last day makes it Ready (SMS) or Warmed (calls). Each number
 * is its own transaction, locked, and re-checked under the lock, so two portals running the job
 * never step a number twice. Events are recorded with source SCHEDULER.
 *
 * <p>The scheduled task calls {@link #advance(Instant)} with the clock's instant; tests call it
 * with simulated instants.
 */
@Component
public class WarmupJob {

	private static final Logger log = LoggerFactory.getLogger(WarmupJob.class);

	private final WarmupStore store;

	private final WarmupTransitions transitions;

	private final WarmupProperties properties;

	private final DeliverySignals signals;

	private final TransactionTemplate transaction;

	WarmupJob(WarmupStore store, WarmupTransitions transitions, WarmupProperties properties, DeliverySignals signals,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.transitions = transitions;
		this.properties = properties;
		this.signals = signals;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** What one run did. */
	public record Run(int checked, int stepped) {
	}

	public Run advance(Instant now) {
		int checked = 0;
		long after = 0;
		for (List<Long> ids = store.eligibilityToCheck(after, properties.batchSize()); !ids.isEmpty();
				ids = store.eligibilityToCheck(after, properties.batchSize())) {
			for (long id : ids) {
				checked += each(id, () -> store.lock(id, Viewer.jobs())
					.ifPresent(n -> transitions.reevaluate(n, now, WarmupStore.JOB)));
			}
			after = ids.get(ids.size() - 1);
		}
		int stepped = 0;
		after = 0;
		for (List<Long> ids = store.due(now, after, properties.batchSize()); !ids.isEmpty();
				ids = store.due(now, after, properties.batchSize())) {
			for (long id : ids) {
				stepped += each(id, () -> store.lock(id, Viewer.jobs()).ifPresent(n -> step(n, now)));
			}
			after = ids.get(ids.size() - 1);
		}
		return new Run(checked, stepped);
	}

	private int each(long id, Runnable work) {
		try {
			transaction.executeWithoutResult(status -> work.run());
			return 1;
		}
		catch (RuntimeException failure) {
			log.warn("Warmup job could not handle number {}: {}", id, failure.getMessage(), failure);
			return 0;
		}
	}

	private void step(WarmupNumber n, Instant now) {
		if (n.smsEnabled() && n.smsState().ramping() && due(n.smsNextAt(), now)) {
			WarmupEligibility.Verdict verdict = WarmupEligibility.check(Channel.SMS, n.facts());
			if (!verdict.eligible()) {
				transitions.apply(n, Channel.SMS, WarmupAction.BLOCK, now, WarmupStore.JOB, verdict.reason(), null);
			}
			else {
				boolean attention = n.smsState() == WarmupState.NEEDS_ATTENTION;
				Step step = step(Channel.SMS, n, n.smsDay(), attention, "Delivery rate", now);
				transitions.apply(n, Channel.SMS, step.action(), now, WarmupStore.JOB, step.note(), step.rate());
			}
		}
		if (n.callEnabled() && n.callState().ramping() && due(n.callNextAt(), now)) {
			WarmupEligibility.Verdict verdict = WarmupEligibility.check(Channel.CALL, n.facts());
			if (!verdict.eligible()) {
				transitions.apply(n, Channel.CALL, WarmupAction.BLOCK, now, WarmupStore.JOB, verdict.reason(), null);
			}
			else {
				boolean attention = n.callState() == CallWarmupState.NEEDS_ATTENTION;
				Step step = step(Channel.CALL, n, n.callDay(), attention, "Answer rate", now);
				transitions.apply(n, Channel.CALL, step.action(), now, WarmupStore.JOB, step.note(), step.rate());
			}
		}
	}

	private record Step(WarmupAction action, @Nullable String note, @Nullable Integer rate) {
	}

	/** One ramp day's decision from its signal. */
	private Step step(Channel channel, WarmupNumber n, int day, boolean attention, String signalName, Instant now) {
		OptionalInt signal = signals.rate(channel, n.id(), n.number(), n.sandbox(), day,
				LocalDate.ofInstant(now, ZoneOffset.UTC));
		Integer rate = signal.isPresent() ? signal.getAsInt() : null;
		if (rate != null && rate < properties.attentionBelow()) {
			return new Step(WarmupAction.DEGRADE, signalName + " " + rate + "% on ramp day " + (day + 1) + " is below "
					+ properties.attentionBelow() + "%.", rate);
		}
		if (attention) {
			if (rate == null || rate >= properties.recoverAt()) {
				return new Step(WarmupAction.RECOVER, null, rate);
			}
			return new Step(WarmupAction.DEGRADE, signalName + " " + rate + "% is still below the " + properties.recoverAt()
					+ "% needed to recover.", rate);
		}
		RampPlan plan = properties.plan(channel);
		return new Step(day + 1 >= plan.totalDays() ? WarmupAction.COMPLETE : WarmupAction.ADVANCE, null, rate);
	}

	private static boolean due(@Nullable Instant next, Instant now) {
		return next != null && !next.isAfter(now);
	}
}

package com.numberops.portal.changes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.numberops.portal.numbers.Actor;
import com.numberops.portal.numbers.NumberRef;
import com.numberops.portal.numbers.PhoneNumbers;
import com.numberops.portal.numbers.TimelineEntry;
import com.numberops.portal.providers.CarrierNumbers;
import com.numberops.portal.providers.ChangeResult;
import com.numberops.portal.providers.NumberChange;
import com.numberops.portal.providers.NumberShop;
import com.numberops.portal.providers.ProvisioningState;
import com.numberops.portal.providers.RentSetup;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderNumber;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.system.Times;

/**
 * Pushes one change to its carrier and follows it until it settles: one run per call, called by
 * the push-change task, which runs it again at the moment answered. Each run claims the change
 * (locked, IN_PROGRESS) in one transaction, talks to the carrier outside any transaction, and
 * records the outcome in another. A run that finds the change IN_PROGRESS does not know whether
 * the carrier has it: the previous run stopped halfway (the portal was stopped or died), or its
 * write went unanswered (timeout, reset, a 500 or a gateway's 5xx: {@link ProviderError#outcomeUnknown()}),
 * and such a change is left IN_PROGRESS on purpose. It asks the carrier first and sends only
 * what is still needed, so nothing is applied twice; multi-step changes are planned from what
 * the carrier reports every time.
 */
@Component
class ChangeDispatcher {

	private static final Logger log = LoggerFactory.getLogger(ChangeDispatcher.class);

	static final String SOURCE = "SCHEDULER";

	private final PendingChanges changes;

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ProviderAccounts accounts;

	private final MirrorSync mirror;

	private final ChangesProperties properties;

	private final Clock clock;

	private final PhoneNumbers numbers;

	ChangeDispatcher(PendingChanges changes, NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions,
			ProviderAccounts accounts, MirrorSync mirror, ChangesProperties properties, Clock clock, PhoneNumbers numbers) {
		this.numbers = numbers;
		this.changes = changes;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.accounts = accounts;
		this.mirror = mirror;
		this.properties = properties;
		this.clock = clock;
	}

	/** Where the number lives at its carrier. */
	record Target(long accountId, String providerNumberId) {
	}

	/** What the carrier said, for the record. */
	sealed interface Outcome {
	}

	record Succeeded(@Nullable ProviderNumber number) implements Outcome {
	}

	record Waiting(@Nullable String step, ProviderNumber number) implements Outcome {
	}

	record Failed(String code, String message, @Nullable ProviderNumber number) implements Outcome {
	}

	record Partial(String code, String message, ProviderNumber number) implements Outcome {
	}

	record Released() implements Outcome {
	}

	/** @param uncertain the carrier may have the change (a write went unanswered): ask it before sending again */
	record Retry(ProviderError error, boolean uncertain) implements Outcome {
	}

	/** A write whose outcome no answer told: the carrier may have carried it out. */
	private static final class Unanswered extends RuntimeException {

		private final ProviderError error;

		Unanswered(ProviderError error) {
			super(error.getMessage(), error, false, false);
			this.error = error;
		}
	}

	private record Claim(@Nullable Change change, @Nullable Target target, boolean uncertain, @Nullable Instant later) {
	}

	/** One run; answers when to run again, or null when the change has settled (or is not this task's any more). */
	@Nullable
	Instant push(long changeId) {
		Instant now = clock.instant();
		Claim claim = Objects.requireNonNull(transactions.execute(status -> claim(changeId, now)));
		if (claim.later() != null) {
			return claim.later();
		}
		Change change = claim.change();
		Target target = claim.target();
		if (change == null || target == null) {
			return null;
		}
		Outcome outcome;
		try {
			CarrierNumbers carrier = accounts.find(target.accountId())
				.flatMap(accounts::adapterFor)
				.orElseThrow(() -> new ProviderError(com.numberops.portal.providers.ProviderKind.valueOf(
						Objects.requireNonNull(change.provider())), 0, "NO_ACCOUNT",
						"The carrier account of this number is not configured any more"));
			outcome = send(carrier, target, change, claim.uncertain());
		}
		catch (Unanswered unanswered) {
			outcome = new Retry(unanswered.error, true);
		}
		catch (ProviderError error) {
			outcome = error.retryable() ? new Retry(error, claim.uncertain())
					: new Failed(error.providerCode(), error.describe(), null);
		}
		catch (RuntimeException unexpected) {
			log.error("Change {} could not be pushed", changeId, unexpected);
			// how far it got is unknown: the next run asks the carrier first
			outcome = new Retry(new ProviderError(com.numberops.portal.providers.ProviderKind.valueOf(
					Objects.requireNonNull(change.provider())), 0, "PORTAL_ERROR", String.valueOf(unexpected.getMessage())),
					true);
		}
		Outcome settled = outcome;
		return transactions.execute(status -> record(change, target, settled));
	}

	private Claim claim(long changeId, Instant now) {
		Optional<Change> locked = changes.lock(changeId);
		if (locked.isEmpty()) {
			boolean exists = changes.find(changeId).isPresent();
			// locked by a person cancelling or retrying it: look again in a moment
			return new Claim(null, null, false, exists ? now.plusSeconds(1) : null);
		}
		Change change = locked.get();
		ChangeState state = change.state();
		if (state != ChangeState.PENDING && state != ChangeState.IN_PROGRESS
				&& state != ChangeState.WAITING_FOR_PROVIDER) {
			return new Claim(null, null, false, null);
		}
		if (change.nextAttemptAt() != null && change.nextAttemptAt().isAfter(now.plusMillis(50))) {
			// a release on hold, or a backoff that a reschedule raced: not yet
			return new Claim(null, null, false, change.nextAttemptAt());
		}
		Target target = jdbc.queryForObject(
				"select provider_account_id, provider_phone_number_id from phone_numbers where id = :id",
				new MapSqlParameterSource("id", change.numberId()),
				(rs, i) -> new Target(rs.getLong(1), rs.getString(2)));
		boolean uncertain = state == ChangeState.IN_PROGRESS;
		if (state == ChangeState.PENDING) {
			changes.move(change, ChangeState.IN_PROGRESS, change.step(), null, change.providerCode(),
					change.providerMessage(), change.attempts(), now);
			change = changes.find(changeId).orElseThrow();
		}
		return new Claim(change, target, uncertain, null);
	}

	private Outcome send(CarrierNumbers carrier, Target target, Change change, boolean uncertain) {
		String id = target.providerNumberId();
		switch (change.kind()) {
			case RENAME -> {
				String name = change.payload("name");
				return simple(carrier, id, NumberChange.rename(name), uncertain, now -> name.equals(now.displayName()));
			}
			case CNAM_LOOKUPS -> {
				boolean on = Boolean.parseBoolean(change.payload("enabled"));
				return simple(carrier, id, NumberChange.cnamLookups(on), uncertain,
						now -> Boolean.valueOf(on).equals(now.cnamLookupsEnabled()));
			}
			case MESSAGING -> {
				boolean on = Boolean.parseBoolean(change.payload("enabled"));
				return simple(carrier, id, NumberChange.messaging(on), uncertain,
						now -> Boolean.valueOf(on).equals(now.messagingEnabled()));
			}
			case SMS_CONFIGURATION -> {
				ProviderNumber now = carrier.get(id);
				return follow(carrier, id, now, ProvisioningPlan.sms(carrier.kind(), now, change.payload("servicePlanId"),
						change.payload("campaignId"), change.step()), change.step());
			}
			case VOICE_APP -> {
				ProviderNumber now = carrier.get(id);
				return follow(carrier, id, now, ProvisioningPlan.voice(now, change.payload("appId"), change.step()),
						change.step());
			}
			case RENT -> {
				return rent(carrier, id, change, uncertain);
			}
			case RELEASE -> {
				if (uncertain && gone(carrier, id)) {
					return new Released();
				}
				written(() -> {
					carrier.release(id);
					return id;
				});
				return new Released();
			}
			default -> throw new IllegalStateException(change.kind() + " is not sent to a carrier");
		}
	}

	/** The step of a rent once the carrier has the number: its name and provisioning are followed. */
	static final String RENTED = "RENTED";

	/**
	 * Buys the number, once: when an earlier :rent went unanswered, the carrier is asked first
	 * whether the number is the account's now, and only a 404 sends the rent again. Then the
	 * number gets its name (the rent itself cannot carry one) and is followed until its SMS and
	 * voice provisioning have settled.
	 */
	private Outcome rent(CarrierNumbers carrier, String id, Change change, boolean uncertain) {
		if (!(carrier instanceof NumberShop shop)) {
			throw new ProviderError(carrier.kind(), 0, "NOT_SUPPORTED", carrier.kind().label() + " sells no numbers");
		}
		ProviderNumber now = null;
		if (change.step() == null) {
			if (uncertain) {
				now = ours(carrier, id);
			}
			if (now == null) {
				RentSetup setup = new RentSetup(change.payload("servicePlanId"), change.payload("campaignId"),
						change.payload("appId"));
				ProviderNumber rented = written(() -> shop.rent(id, setup));
				return new Waiting(RENTED, rented);
			}
		}
		if (now == null) {
			now = carrier.get(id);
		}
		String name = change.payload("name");
		if (!name.isEmpty() && !name.equals(now.displayName())) {
			now = written(() -> carrier.apply(id, NumberChange.rename(name))).number();
		}
		ProvisioningState sms = now.smsProvisioning();
		ProvisioningState voice = now.voiceProvisioning();
		if ((sms != null && sms.running()) || (voice != null && voice.running())) {
			return new Waiting(RENTED, now);
		}
		if (sms != null && sms.failed()) {
			ProvisioningPlan.Next failed = ProvisioningPlan.sms(carrier.kind(), now, change.payload("servicePlanId"),
					change.payload("campaignId"), RENTED);
			if (failed instanceof ProvisioningPlan.Failed why) {
				return new Failed(why.code(), "Rented, but " + why.message(), now);
			}
		}
		if (voice != null && voice.failed()) {
			return new Failed(String.join(",", voice.errorCodes()).isEmpty() ? "VOICE_PROVISIONING_FAILED"
					: String.join(",", voice.errorCodes()), "Rented, but the voice app could not be assigned at the carrier.",
					now);
		}
		return new Succeeded(now);
	}

	/** The number as the carrier has it in this account, or null when the carrier does not know it (404). */
	private static @Nullable ProviderNumber ours(CarrierNumbers carrier, String id) {
		try {
			return carrier.get(id);
		}
		catch (ProviderError error) {
			if (error.httpStatus() == 404) {
				return null;
			}
			throw error;
		}
	}

	/** A one-shot change. Sent again only if the carrier does not show it yet. */
	private Outcome simple(CarrierNumbers carrier, String id, NumberChange change, boolean uncertain,
			java.util.function.Predicate<ProviderNumber> applied) {
		if (uncertain) {
			ProviderNumber now = carrier.get(id);
			if (applied.test(now)) {
				return new Succeeded(now);
			}
		}
		ChangeResult result = written(() -> carrier.apply(id, change));
		if (result.partial()) {
			ProviderError part = Objects.requireNonNull(result.partialFailure());
			return new Partial(part.providerCode(), part.describe(), result.number());
		}
		return new Succeeded(result.number());
	}

	private Outcome follow(CarrierNumbers carrier, String id, ProviderNumber now, ProvisioningPlan.Next next,
			@Nullable String sent) {
		if (next instanceof ProvisioningPlan.Done) {
			return new Succeeded(now);
		}
		if (next instanceof ProvisioningPlan.Wait) {
			return new Waiting(sent, now);
		}
		if (next instanceof ProvisioningPlan.Failed failed) {
			return new Failed(failed.code(), failed.message(), now);
		}
		ProvisioningPlan.Send send = (ProvisioningPlan.Send) next;
		ChangeResult result = written(() -> carrier.apply(id, send.change()));
		return new Waiting(send.step(), result.number());
	}

	/** Sends a write; a failure that leaves its outcome unknown becomes {@link Unanswered}. */
	private static <T> T written(java.util.function.Supplier<T> write) {
		try {
			return write.get();
		}
		catch (ProviderError error) {
			if (error.retryable() && error.outcomeUnknown()) {
				throw new Unanswered(error);
			}
			throw error;
		}
	}

	private static boolean gone(CarrierNumbers carrier, String id) {
		try {
			carrier.get(id);
			return false;
		}
		catch (ProviderError error) {
			if (error.httpStatus() == 404) {
				return true;
			}
			throw error;
		}
	}

	private @Nullable Instant record(Change claimed, Target target, Outcome outcome) {
		Instant now = clock.instant();
		Optional<Change> current = changes.lockWaiting(claimed.id());
		if (current.isEmpty() || current.get().state() == ChangeState.CANCELLED) {
			return null;
		}
		Change change = current.get();
		if (outcome instanceof Succeeded succeeded) {
			changes.move(change, ChangeState.SUCCEEDED, change.step(), null, null, null, change.attempts(), now);
			reconcile(target, succeeded.number());
			if (change.kind() == ChangeKind.RENT) {
				numbers.markPurchased(NumberRef.of(change.numberId()), actor(change), entry(change, "RENTED",
						"Rented", "The carrier has the number and its setup is in place."));
				return null;
			}
			event(change, "CHANGE_SUCCEEDED", change.kind().label() + " applied by the carrier", change.summary(), now);
			return null;
		}
		if (outcome instanceof Released) {
			changes.move(change, ChangeState.SUCCEEDED, change.step(), null, null, null, change.attempts(), now);
			numbers.markReleased(NumberRef.of(change.numberId()), actor(change), entry(change, "RELEASED",
					"Released to the carrier", "The hold ended and the carrier took the number back."));
			return null;
		}
		if (outcome instanceof Waiting waiting) {
			Instant next = now.plus(properties.providerPoll());
			boolean newStep = !Objects.equals(waiting.step(), change.step());
			changes.move(change, ChangeState.WAITING_FOR_PROVIDER, waiting.step(), next, null,
					newStep && waiting.step() != null ? stepMessage(waiting.step()) : change.providerMessage(),
					change.attempts(), now);
			reconcile(target, waiting.number());
			if (newStep && waiting.step() != null) {
				event(change, "CHANGE_STEP", stepMessage(waiting.step()), change.summary(), now);
			}
			return next;
		}
		if (outcome instanceof Partial partial) {
			changes.move(change, ChangeState.PARTIAL, change.step(), null, partial.code(), partial.message(),
					change.attempts() + 1, now);
			reconcile(target, partial.number());
			event(change, "CHANGE_PARTIAL", change.kind().label() + " applied in part", partial.message(), now);
			return null;
		}
		if (outcome instanceof Failed failed) {
			changes.move(change, ChangeState.FAILED, change.step(), null, failed.code(), failed.message(),
					change.attempts() + 1, now);
			TimelineEntry entry = entry(change, "CHANGE_FAILED", change.kind().label() + " failed", failed.message());
			if (failed.number() != null) {
				reconcile(target, failed.number());
				numbers.note(change.numberId(), actor(change), entry);
			}
			else if (change.kind() == ChangeKind.RENT) {
				// refused before anything was bought (taken meanwhile, a plan the account lacks)
				numbers.purchaseFailed(NumberRef.of(change.numberId()), actor(change), entry);
			}
			else {
				// refused before anything was applied: the mirror's intent was never the carrier's
				NumberEdits.giveBack(change, actor(change), entry, numbers);
			}
			return null;
		}
		Retry retry = (Retry) outcome;
		ProviderError error = retry.error();
		int attempts = change.attempts() + 1;
		if (attempts >= properties.maxAttempts()) {
			String message = "Gave up after " + attempts + " attempts: " + error.describe()
					+ (retry.uncertain() ? " The carrier may have applied it: check the number there." : "");
			changes.move(change, ChangeState.FAILED, change.step(), null, error.providerCode(), message, attempts, now);
			event(change, "CHANGE_FAILED", change.kind().label() + " failed", message, now);
			return null;
		}
		Duration wait = properties.backoff(attempts);
		if (error.retryAfter() != null && error.retryAfter().compareTo(wait) > 0) {
			wait = error.retryAfter();
		}
		Instant next = now.plus(wait);
		// one the carrier may have stays IN_PROGRESS, so the next run asks before it sends; a change
		// already sent keeps waiting on the carrier; one not sent yet is pending again
		ChangeState state = retry.uncertain() ? ChangeState.IN_PROGRESS
				: change.step() != null ? ChangeState.WAITING_FOR_PROVIDER : ChangeState.PENDING;
		// stored text, read later in any zone: UTC, and no raw instant (the page shows next_attempt_at itself)
		String at = Times.utc(now).precise(next);
		String message = retry.uncertain()
				? "Attempt " + attempts + " went unanswered; the carrier is asked at " + at
						+ " before anything is sent again: " + error.describe()
				: "Attempt " + attempts + " failed, trying again at " + at + ": " + error.describe();
		changes.move(change, state, change.step(), next, error.providerCode(), message, attempts, now);
		return next;
	}

	private static String stepMessage(String step) {
		if (RENTED.equals(step)) {
			return "Rented at the carrier; its setup is being provisioned";
		}
		return ProvisioningPlan.UNLINK.equals(step) ? "Unlinking the current configuration at the carrier"
				: "Linking the new configuration at the carrier";
	}

	/** The carrier's answer into the mirror (after the change's own state, so its columns are free again). */
	private void reconcile(Target target, @Nullable ProviderNumber number) {
		if (number != null) {
			mirror.reconcile(target.accountId(), number, SOURCE);
		}
	}

	private void event(Change change, String type, String title, @Nullable String details, Instant now) {
		numbers.note(change.numberId(), actor(change), entry(change, type, title, details));
	}

	private static TimelineEntry entry(Change change, String type, String title, @Nullable String details) {
		return TimelineEntry.of(type, title, details).withField(NumberEdits.field(change.kind()));
	}

	/** The dispatcher acts for whoever asked for the change. */
	private static Actor actor(Change change) {
		return Actor.scheduler(change.requestedBy());
	}
}

package com.numberops.portal.overrides;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.numbers.Actor;
import com.numberops.portal.numbers.NumberRef;
import com.numberops.portal.numbers.PhoneNumbers;
import com.numberops.portal.numbers.TimelineEntry;
import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.system.UnknownTarget;
import com.numberops.portal.users.PortalPrincipal;

/**
 * Admin enablement overrides, every step: an operator requests one (a newer request supersedes
 * the number's pending one), an admin other than the requester approves or rejects it, an admin
 * clears an override. Scoped to the person's teams (another team's number or request is unknown),
 * authorised by role here and again by {@link OverrideRules}, and each step recorded as an event
 * of the number. An approval or a clearing writes the number's override, recomputes its status
 * and inventory state and publishes {@link EffectiveEnablementChanged}, in one transaction. A
 * refusal changes nothing.
 */
@Service
public class Overrides {

	static final int PAGE_LIMIT = 200;

	static final int RECENT_LIMIT = 30;

	private static final String FIELD = "override";

	private final NamedParameterJdbcTemplate jdbc;

	private final OverrideRequests requests;

	private final Clock clock;

	private final PhoneNumbers numbers;

	Overrides(NamedParameterJdbcTemplate jdbc, OverrideRequests requests, Clock clock, PhoneNumbers numbers) {
		this.numbers = numbers;
		this.jdbc = jdbc;
		this.requests = requests;
		this.clock = clock;
	}

	/** The pending and the recently decided requests, for the Approvals page. */
	public record Approvals(List<ApprovalItem> pending, List<ApprovalItem> decided, Instant now) {
	}

	/** The number as overrides see it. */
	private record Target(long id, boolean enabled, @Nullable Boolean overrideEnabled, boolean released, long version) {
	}

	/** Asks for an override of the number: force enabled or force disabled, with a reason. */
	@Transactional
	@PreAuthorize("hasRole('OPERATOR')")
	public OverrideRequest request(PortalPrincipal user, long numberId, boolean enabled, @Nullable String reason) {
		Target number = target(user, numberId, true).orElseThrow(() -> new UnknownTarget("Number " + numberId));
		check(OverrideRules.request(person(user), number.released(), number.overrideEnabled(), enabled, reason));
		Instant now = clock.instant();
		String why = reason == null ? "" : reason.strip();
		Optional<OverrideRequest> older = requests.pendingFor(numberId);
		older.ifPresent(previous -> requests.supersede(previous.id(), now));
		long id = requests.insert(numberId, enabled, why, user.getUserId(), user.getDisplayName(), now);
		older.ifPresent(previous -> {
			requests.supersededBy(previous.id(), id);
			event(numberId, "OVERRIDE_SUPERSEDED", "Override request superseded",
					"Request #" + previous.id() + " (" + previous.requestedLabel().toLowerCase(java.util.Locale.ROOT)
							+ ", by " + previous.requestedBy() + ") was replaced by request #" + id + ".",
					null, null, user, now);
		});
		event(numberId, "OVERRIDE_REQUESTED", "Override requested: " + OverrideRules.word(enabled),
				"Request #" + id + ", waiting for an admin. Reason: " + why, shown(number.overrideEnabled()),
				OverrideRules.word(enabled), user, now);
		return requests.find(id).orElseThrow();
	}

	/** Approves a pending request (never one's own): the number's override is set and its states follow. */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public OverrideRequest approve(PortalPrincipal user, long requestId, long seenVersion, @Nullable String comment) {
		OverrideRequest request = lockedForDecision(user, requestId);
		Target number = target(user, request.numberId(), false).orElseThrow();
		check(OverrideRules.decide(OverrideRules.Action.APPROVE, person(user), request.facts(), seenVersion,
				number.released(), comment));
		Instant now = clock.instant();
		String note = blankToNull(comment);
		requests.decide(requestId, OverrideState.APPROVED, user.getUserId(), user.getDisplayName(), note, now);
		numbers.applyOverride(NumberRef.at(number.id(), number.version()), request.requestedEnabled(), request.reason(),
				actor(user), entry("OVERRIDE_APPROVED", "Override approved: " + OverrideRules.word(request.requestedEnabled()),
						"Request #" + requestId + " by " + request.requestedBy() + ". Reason: " + request.reason()
								+ (note == null ? "" : ". Comment: " + note),
						shown(number.overrideEnabled()), OverrideRules.word(request.requestedEnabled())));
		return requests.find(requestId).orElseThrow();
	}

	/** Rejects a pending request (never one's own) with a comment; the number stays as it is. */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public OverrideRequest reject(PortalPrincipal user, long requestId, long seenVersion, @Nullable String comment) {
		OverrideRequest request = lockedForDecision(user, requestId);
		check(OverrideRules.decide(OverrideRules.Action.REJECT, person(user), request.facts(), seenVersion, false,
				comment));
		Instant now = clock.instant();
		String note = blankToNull(comment);
		requests.decide(requestId, OverrideState.REJECTED, user.getUserId(), user.getDisplayName(), note, now);
		event(request.numberId(), "OVERRIDE_REJECTED", "Override rejected: " + OverrideRules.word(request.requestedEnabled()),
				"Request #" + requestId + " by " + request.requestedBy() + ". Comment: " + note, null, null, user, now);
		return requests.find(requestId).orElseThrow();
	}

	/** Removes the number's override: its own enabled flag decides again. */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public void clear(PortalPrincipal user, long numberId) {
		Target number = target(user, numberId, true).orElseThrow(() -> new UnknownTarget("Number " + numberId));
		check(OverrideRules.clear(person(user), number.released(), number.overrideEnabled()));
		Instant now = clock.instant();
		numbers.clearOverride(NumberRef.at(number.id(), number.version()), actor(user), entry("OVERRIDE_CLEARED",
				"Override cleared", "The number's own flag decides again: " + OverrideRules.word(number.enabled()) + ".",
				shown(number.overrideEnabled()), "none"));
		requests.inEffectFor(numberId).ifPresent(approved -> requests.cleared(approved.id(), user.getDisplayName(), now));
		// a request still waiting was asked for against the override just cleared: whoever saw it must look again
		requests.pendingFor(numberId).ifPresent(pending -> requests.touch(pending.id()));
	}

	/** The number's latest request, if this person may see the number. */
	@Transactional(readOnly = true)
	public Optional<OverrideRequest> latest(PortalPrincipal user, long numberId) {
		if (target(user, numberId, false).isEmpty()) {
			return Optional.empty();
		}
		return requests.latestFor(numberId);
	}

	/** One request, if this person may see its number (another team's is unknown: a 404). */
	@Transactional(readOnly = true)
	public OverrideRequest visible(PortalPrincipal user, long requestId) {
		OverrideRequest request = requests.find(requestId)
			.orElseThrow(() -> new UnknownTarget("Override request #" + requestId));
		if (target(user, request.numberId(), false).isEmpty()) {
			throw new UnknownTarget("Override request #" + requestId);
		}
		return request;
	}

	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('ADMIN')")
	public Approvals approvals(PortalPrincipal user) {
		Viewer viewer = Viewer.of(user);
		return new Approvals(requests.pending(viewer, PAGE_LIMIT), requests.recentDecisions(viewer, RECENT_LIMIT),
				clock.instant());
	}

	/** How many requests wait for this admin's decision (their teams'), for the navigation badge. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('ADMIN')")
	public long pendingCount(PortalPrincipal user) {
		return requests.countPending(Viewer.of(user));
	}

	/** How many requests wait for this admin's decision, and the newest few. */
	public record Waiting(long count, List<ApprovalItem> newest, Instant now) {
	}

	/**
	 * The requests waiting for this admin's decision (their teams'): how many, and the newest
	 * {@code first}, with the time to tell their age by. The dashboard's worklist; both reads use
	 * override_requests_pending_idx (V6).
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('ADMIN')")
	public Waiting waiting(PortalPrincipal user, int first) {
		Viewer viewer = Viewer.of(user);
		long count = requests.countPending(viewer);
		return new Waiting(count, count == 0 ? List.of() : requests.newestPending(viewer, first), clock.instant());
	}

	/**
	 * The requests of this viewer's numbers waiting longer than {@code longerThan}: how many, and the
	 * longest waiting {@code first}. For the portal's jobs (an alert rule), which act for no person.
	 */
	@Transactional(readOnly = true)
	public Waiting waitingLongerThan(Viewer viewer, Duration longerThan, int first) {
		Instant now = clock.instant();
		Instant before = now.minus(longerThan);
		long count = requests.countPendingBefore(viewer, before);
		return new Waiting(count, count == 0 ? List.of() : requests.oldestPendingBefore(viewer, before, first), now);
	}

	private OverrideRequest lockedForDecision(PortalPrincipal user, long requestId) {
		OverrideRequest seen = requests.find(requestId)
			.orElseThrow(() -> new UnknownTarget("Override request #" + requestId));
		// numbers first, then requests: the same lock order as a new request
		target(user, seen.numberId(), true).orElseThrow(() -> new UnknownTarget("Override request #" + requestId));
		return requests.lock(requestId).orElseThrow(() -> new UnknownTarget("Override request #" + requestId));
	}

	private Optional<Target> target(PortalPrincipal user, long numberId, boolean lock) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", numberId);
		String scope = Viewer.of(user).condition(params);
		return jdbc.query("""
				select id, enabled, override_enabled, provider_released_at is not null or provider_missing_since is not null as released,
				       version
				from phone_numbers p where id = :id and %s%s""".formatted(scope, lock ? " for update" : ""), params,
				(rs, row) -> new Target(rs.getLong("id"), rs.getBoolean("enabled"),
						(Boolean) rs.getObject("override_enabled"), rs.getBoolean("released"), rs.getLong("version")))
			.stream()
			.findFirst();
	}

	private static OverrideRules.Person person(PortalPrincipal user) {
		return new OverrideRules.Person(user.getUserId(), user.getRole());
	}

	private static void check(OverrideRules.Verdict verdict) {
		if (verdict.allowed()) {
			return;
		}
		if (verdict.refusal() == OverrideRules.Refusal.NOT_ALLOWED) {
			throw new AccessDeniedException(verdict.message());
		}
		throw new OverrideRefused(verdict);
	}

	private static String shown(@Nullable Boolean override) {
		return override == null ? "none" : OverrideRules.word(override);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private void event(long numberId, String type, String title, @Nullable String details, @Nullable String before,
			@Nullable String after, PortalPrincipal user, Instant now) {
		numbers.note(numberId, actor(user), entry(type, title, details, before, after));
	}

	private static TimelineEntry entry(String type, String title, @Nullable String details, @Nullable String before,
			@Nullable String after) {
		return new TimelineEntry(type, title, details, before == null && after == null ? null : FIELD, before, after);
	}

	private static Actor actor(PortalPrincipal user) {
		return Actor.person(user.getUserId(), user.getDisplayName());
	}
}

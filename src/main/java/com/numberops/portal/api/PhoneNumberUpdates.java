package com.numberops.portal.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.changes.Change;
import com.numberops.portal.changes.Edit;
import com.numberops.portal.changes.EditConflict;
import com.numberops.portal.changes.NumberEdits;
import com.numberops.portal.numbers.EditRefused;
import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.numbers.NumberDetails;
import com.numberops.portal.numbers.NumberRecord;
import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.overrides.OverrideRequest;
import com.numberops.portal.overrides.Overrides;
import com.numberops.portal.system.UnknownTarget;
import com.numberops.portal.users.PortalPrincipal;

/**
 * {@code PUT /api/phone-numbers/{id}}: seed 003's whole record sent back, turned into the edits
 * the number's page makes, through the same services and so the same rules, events and outbox:
 * a rename through {@link NumberEdits} (on its way to the carrier), {@code enabled} as the page's
 * Enabled form, {@code adminEnablementOverride} through {@link Overrides} (a request an admin other
 * than the requester decides; admins too ask, as on the page; an admin's {@code null} clears).
 * Fields equal to the number's are no edit, so sending back what was read changes nothing.
 *
 * <p>All of it in one transaction: when any part is refused, nothing is changed. With an
 * {@code If-Match}, the version it names must still be the number's: checked against the record
 * read here, and again by the first edit under its row lock (a concurrent write in between is a
 * 412 too).
 */
@Service
public class PhoneNumberUpdates {

	private final NumberDetails details;

	private final NumberEdits edits;

	private final Overrides overrides;

	PhoneNumberUpdates(NumberDetails details, NumberEdits edits, Overrides overrides) {
		this.details = details;
		this.edits = edits;
		this.overrides = overrides;
	}

	/**
	 * What the PUT did.
	 *
	 * @param accepted something was started that completes later: a change on its way to the
	 *     carrier, or an override request waiting for an admin (the answer is a 202)
	 */
	public record Outcome(boolean accepted, List<String> changed) {
	}

	@Transactional
	@PreAuthorize("hasRole('OPERATOR')")
	public Outcome update(PortalPrincipal user, long numberId, PhoneNumberRequest request, @Nullable String ifMatch) {
		NumberRecord number = details.find(Viewer.of(user), numberId)
			.orElseThrow(() -> new UnknownTarget("Number " + numberId));
		long version = number.identity().version();
		if (ifMatch != null && !ETags.matches(ifMatch, version)) {
			throw new PreconditionFailed(ifMatch, version);
		}
		refuseIdentityChanges(number, request);
		List<String> changed = new ArrayList<>();
		boolean accepted = false;
		Long basedOn = ifMatch == null ? null : version;
		String name = request.name().strip();
		if (!name.equals(Objects.requireNonNullElse(number.identity().name(), ""))) {
			Change rename = edit(user, numberId, new Edit.Rename(request.name()), basedOn, ifMatch);
			basedOn = null;
			changed.add("name");
			accepted |= rename.kind().providerBound();
		}
		if (request.enabled() != null && request.enabled() != number.enablement().enabled()) {
			edit(user, numberId, new Edit.Enablement(request.enabled()), basedOn, ifMatch);
			changed.add("enabled");
		}
		Optional<PhoneNumberRequest.WantedOverride> override = request.adminEnablementOverride();
		if (override != null) {
			Boolean current = number.enablement().overrideEnabled();
			if (override.isEmpty()) {
				if (current != null) {
					overrides.clear(user, numberId);
					changed.add("adminEnablementOverride");
				}
			}
			else if (!override.get().enabled().equals(current) && !alreadyAsked(user, numberId, override.get().enabled())) {
				overrides.request(user, numberId, override.get().enabled(), override.get().reason());
				changed.add("adminEnablementOverride");
				accepted = true;
			}
		}
		return new Outcome(accepted, List.copyOf(changed));
	}

	/** The same override is already waiting for an admin: asking again would only supersede it. */
	private boolean alreadyAsked(PortalPrincipal user, long numberId, boolean enabled) {
		return overrides.latest(user, numberId)
			.filter(OverrideRequest::pending)
			.filter(pending -> pending.requestedEnabled() == enabled)
			.isPresent();
	}

	private Change edit(PortalPrincipal user, long numberId, Edit edit, @Nullable Long basedOn, @Nullable String ifMatch) {
		try {
			return edits.submit(user, numberId, edit, basedOn, null);
		}
		catch (EditConflict conflict) {
			// only an edit based on the If-Match version can conflict: the client's precondition failed
			throw new PreconditionFailed(Objects.requireNonNullElse(ifMatch, "*"), conflict.currentVersion());
		}
	}

	/** The number, its business and its id say which number this is; the API does not move them. */
	private static void refuseIdentityChanges(NumberRecord number, PhoneNumberRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		if (request.id() != null && !request.id().equals(String.valueOf(number.id()))) {
			problems.add(new FieldProblem("id", "The id in the body (\"" + shown(request.id())
					+ "\") is not the id in the address (" + number.id() + "): send the number's own id, or leave it out."));
		}
		if (request.number() != null && !request.number().equals(number.identity().number())) {
			problems.add(new FieldProblem("number", "A phone number's digits cannot be changed (this one is "
					+ number.identity().number() + "): send its own number, or leave it out."));
		}
		if (request.businessId() != null && !request.businessId().equals(number.ownership().businessId())) {
			problems.add(new FieldProblem("businessId",
					"The business a number belongs to is kept by billing and cannot be changed here (this one's is "
							+ (number.ownership().businessId() == null ? "none" : "\"" + number.ownership().businessId() + "\"")
							+ "): send its own, or leave it out."));
		}
		if (!problems.isEmpty()) {
			throw new EditRefused(problems);
		}
	}

	/** A value echoed in a message: at most 40 characters of it. */
	private static String shown(String value) {
		return value.length() <= 40 ? value : value.substring(0, 40) + "…";
	}
}

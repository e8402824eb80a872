package com.numberops.portal.changes;

import java.util.Collection;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.numbers.SmsChoices;
import com.numberops.portal.system.UnknownTarget;
import com.numberops.portal.users.PortalPrincipal;

/**
 * An SMS reassignment to a service plan or 10DLC campaign that no number of the account has ever
 * had is sent only when confirmed: a carrier accepts any id and fails the link afterwards, once
 * the number has been unlinked from its working plan. Free text stays allowed; a typo just costs
 * a second look.
 */
@Service
public class UnseenSmsIds {

	private final NumberEdits edits;

	private final PendingChanges changes;

	private final SmsChoices choices;

	UnseenSmsIds(NumberEdits edits, PendingChanges changes, SmsChoices choices) {
		this.edits = edits;
		this.changes = changes;
		this.choices = choices;
	}

	/**
	 * The warnings, by form field, to confirm before this edit is sent; none for other edits, for
	 * an edit the rules refuse (submitting says why) and for the ids in {@code confirmed}.
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole(#edit.kind().requiredRole().name())")
	public Map<String, String> toConfirm(PortalPrincipal user, long numberId, Edit edit, Collection<String> confirmed) {
		if (!(edit instanceof Edit.SmsAssignment sms)) {
			return Map.of();
		}
		NumberSnapshot number = edits.snapshot(user, numberId, false)
			.orElseThrow(() -> new UnknownTarget("Number " + numberId));
		if (!EditRules.check(number, edit, changes.openOfKind(numberId, edit.kind())).isEmpty()) {
			return Map.of();
		}
		return choices.known(number.accountId()).unseen(sms.servicePlanId(), sms.campaignId(), confirmed);
	}
}

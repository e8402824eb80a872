package com.numberops.portal.overrides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.numberops.portal.overrides.OverrideRules.Action;
import com.numberops.portal.overrides.OverrideRules.Person;
import com.numberops.portal.overrides.OverrideRules.Refusal;
import com.numberops.portal.overrides.OverrideRules.Verdict;
import com.numberops.portal.users.Role;

/**
 * {@link OverrideRules} as a table: every request state × decision × who (the requester as an
 * admin, another admin, an operator, a viewer) with a fresh and a stale version, then requests
 * and clearing by role and number state. Each row: the refusal ({@code null}: allowed), the form
 * field it belongs to and a phrase of its message.
 */
class OverrideRulesUnitTest {

	static final long REQUESTER = 7;

	static final long VERSION = 2;

	static final String REASON = "Carrier unblocked it; customer escalation";

	/** Who acts, relative to the request. */
	enum Who {
		REQUESTER_ADMIN(REQUESTER, Role.ADMIN), OTHER_ADMIN(11, Role.ADMIN), OPERATOR(12, Role.OPERATOR),
		REQUESTER_OPERATOR(REQUESTER, Role.OPERATOR), VIEWER(13, Role.VIEWER);

		final Person person;

		Who(long id, Role role) {
			this.person = new Person(id, role);
		}
	}

	static Arguments row(String name, Verdict verdict, @Nullable Refusal refusal, String field, String phrase) {
		return Arguments.of(name, verdict, refusal, field, phrase);
	}

	static OverrideRules.Request request(OverrideState state) {
		return new OverrideRules.Request(state, REQUESTER, VERSION, state == OverrideState.PENDING
				|| state == OverrideState.SUPERSEDED ? null : "Ada Admin");
	}

	/** What the rules must answer for a decision; written out per branch, most specific last. */
	static Arguments decision(Action action, OverrideState state, Who who, boolean stale) {
		String name = action + " a " + state + " request by " + who + (stale ? ", stale version" : "");
		Verdict verdict = OverrideRules.decide(action, who.person, request(state), stale ? VERSION - 1 : VERSION, false,
				"Checked with the carrier");
		if (who.person.role() != Role.ADMIN) {
			return row(name, verdict, Refusal.NOT_ALLOWED, "", "Only admins approve or reject");
		}
		switch (state) {
			case APPROVED:
				return row(name, verdict, Refusal.ALREADY_DECIDED, "", "already approved by Ada Admin");
			case REJECTED:
				return row(name, verdict, Refusal.ALREADY_DECIDED, "", "already rejected by Ada Admin");
			case SUPERSEDED:
				return row(name, verdict, Refusal.ALREADY_DECIDED, "", "superseded by a newer request");
			case CLEARED:
				return row(name, verdict, Refusal.ALREADY_DECIDED, "", "has since been cleared");
			default:
				break;
		}
		if (who == Who.REQUESTER_ADMIN) {
			return row(name, verdict, Refusal.OWN_REQUEST, "", "Nobody decides their own override request");
		}
		if (stale) {
			return row(name, verdict, Refusal.STALE, "", "changed after you opened the page");
		}
		return row(name, verdict, null, "", "");
	}

	static Stream<Arguments> table() {
		List<Arguments> rows = new ArrayList<>();
		for (Action action : List.of(Action.APPROVE, Action.REJECT)) {
			for (OverrideState state : OverrideState.values()) {
				for (Who who : Who.values()) {
					rows.add(decision(action, state, who, false));
					rows.add(decision(action, state, who, true));
				}
			}
		}
		Person admin = Who.OTHER_ADMIN.person;
		OverrideRules.Request pending = request(OverrideState.PENDING);

		// comments: optional to approve, required (3 to 500 characters) to reject
		rows.add(row("approve without a comment", OverrideRules.decide(Action.APPROVE, admin, pending, VERSION, false, null),
				null, "", ""));
		rows.add(row("approve with a blank comment", OverrideRules.decide(Action.APPROVE, admin, pending, VERSION, false, "  "),
				null, "", ""));
		rows.add(row("approve with a 2-character comment (an optional comment has no minimum)",
				OverrideRules.decide(Action.APPROVE, admin, pending, VERSION, false, "ok"), null, "", ""));
		rows.add(row("approve with a 501-character comment",
				OverrideRules.decide(Action.APPROVE, admin, pending, VERSION, false, "c".repeat(501)), Refusal.INVALID,
				"comment", "At most 500 characters (this one has 501)"));
		rows.add(row("reject without a comment", OverrideRules.decide(Action.REJECT, admin, pending, VERSION, false, null),
				Refusal.INVALID, "comment", "Say why the request is rejected (at least 3 characters)"));
		rows.add(row("reject with a blank comment", OverrideRules.decide(Action.REJECT, admin, pending, VERSION, false, "   "),
				Refusal.INVALID, "comment", "at least 3 characters"));
		rows.add(row("reject with a 2-character comment", OverrideRules.decide(Action.REJECT, admin, pending, VERSION, false, " no "),
				Refusal.INVALID, "comment", "at least 3 characters"));
		rows.add(row("reject with a 500-character comment",
				OverrideRules.decide(Action.REJECT, admin, pending, VERSION, false, "c".repeat(500)), null, "", ""));
		rows.add(row("reject with a 501-character comment",
				OverrideRules.decide(Action.REJECT, admin, pending, VERSION, false, "c".repeat(501)), Refusal.INVALID,
				"comment", "At most 500 characters"));
		// a number released while its request waited: no approval, a rejection still closes it
		rows.add(row("approve for a number released meanwhile",
				OverrideRules.decide(Action.APPROVE, admin, pending, VERSION, true, null), Refusal.NOTHING_TO_DO, "",
				"released since the request"));
		rows.add(row("reject for a number released meanwhile",
				OverrideRules.decide(Action.REJECT, admin, pending, VERSION, true, "Number is gone"), null, "", ""));
		// a requester whose account was deleted: any admin may decide
		rows.add(row("approve a request whose requester was deleted", OverrideRules.decide(Action.APPROVE, admin,
				new OverrideRules.Request(OverrideState.PENDING, null, VERSION, null), VERSION, false, null), null, "", ""));

		// requests: operators and admins, a reason of 3 to 500 characters, something to change
		for (Who who : Who.values()) {
			Verdict verdict = OverrideRules.request(who.person, false, null, true, REASON);
			if (who == Who.VIEWER) {
				rows.add(row("request by " + who, verdict, Refusal.NOT_ALLOWED, "", "Only operators and admins request"));
			}
			else {
				rows.add(row("request by " + who, verdict, null, "", ""));
			}
		}
		Person operator = Who.OPERATOR.person;
		rows.add(row("request force disabled", OverrideRules.request(operator, false, null, false, REASON), null, "", ""));
		rows.add(row("request the opposite of the override set", OverrideRules.request(operator, false, true, false, REASON),
				null, "", ""));
		rows.add(row("request the override already set", OverrideRules.request(operator, false, true, true, REASON),
				Refusal.NOTHING_TO_DO, "enabled", "already forces this number enabled"));
		rows.add(row("request force disabled when already forced", OverrideRules.request(operator, false, false, false, REASON),
				Refusal.NOTHING_TO_DO, "enabled", "already forces this number disabled"));
		rows.add(row("request without a reason", OverrideRules.request(operator, false, null, true, null), Refusal.INVALID,
				"reason", "Say why the override is needed (at least 3 characters)"));
		rows.add(row("request with a blank reason", OverrideRules.request(operator, false, null, true, "    "),
				Refusal.INVALID, "reason", "at least 3 characters"));
		rows.add(row("request with a 2-character reason", OverrideRules.request(operator, false, null, true, " ok "),
				Refusal.INVALID, "reason", "at least 3 characters"));
		rows.add(row("request with a 3-character reason", OverrideRules.request(operator, false, null, true, " abc "),
				null, "", ""));
		rows.add(row("request with 500 emoji (characters as people count them)",
				OverrideRules.request(operator, false, null, true, "\uD83D\uDCDE".repeat(500)), null, "", ""));
		rows.add(row("request with a 501-character reason",
				OverrideRules.request(operator, false, null, true, "r".repeat(501)), Refusal.INVALID, "reason",
				"At most 500 characters (this one has 501)"));
		rows.add(row("request for a released number", OverrideRules.request(operator, true, null, true, REASON),
				Refusal.NOTHING_TO_DO, "", "has been released"));
		rows.add(row("viewer's request is refused for the role before the input",
				OverrideRules.request(Who.VIEWER.person, false, null, true, ""), Refusal.NOT_ALLOWED, "", "Only operators"));

		// clearing: admins, when an override is set, on a number still held
		for (Who who : Who.values()) {
			Verdict verdict = OverrideRules.clear(who.person, false, false);
			if (who.person.role() == Role.ADMIN) {
				rows.add(row("clear by " + who, verdict, null, "", ""));
			}
			else {
				rows.add(row("clear by " + who, verdict, Refusal.NOT_ALLOWED, "", "Only admins clear overrides"));
			}
		}
		rows.add(row("clear a force-enabled override", OverrideRules.clear(admin, false, true), null, "", ""));
		rows.add(row("clear when no override is set", OverrideRules.clear(admin, false, null), Refusal.NOTHING_TO_DO, "",
				"Nothing to clear"));
		rows.add(row("clear on a released number", OverrideRules.clear(admin, true, true), Refusal.NOTHING_TO_DO, "",
				"has been released"));
		return rows.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("table")
	void theRulesAllowOrRefuseWithAClearMessage(String name, Verdict verdict, @Nullable Refusal refusal, String field,
			String phrase) {
		assertThat(verdict.refusal()).as(name).isEqualTo(refusal);
		assertThat(verdict.allowed()).as(name).isEqualTo(refusal == null);
		if (refusal != null) {
			assertThat(verdict.field()).as(name).isEqualTo(field);
			assertThat(verdict.message()).as(name).contains(phrase);
		}
	}

	@Test
	void theTableCoversEveryStateDecisionAndPerson() {
		Set<String> covered = table().map(row -> (String) row.get()[0]).collect(Collectors.toSet());
		for (Action action : List.of(Action.APPROVE, Action.REJECT)) {
			for (OverrideState state : EnumSet.allOf(OverrideState.class)) {
				for (Who who : Who.values()) {
					assertThat(covered).contains(action + " a " + state + " request by " + who,
							action + " a " + state + " request by " + who + ", stale version");
				}
			}
		}
	}

	@Test
	void selfApprovalIsRefusedWhateverTheVersionAndComment() {
		for (long seen : List.of(VERSION, VERSION + 1, 0L)) {
			for (Action action : List.of(Action.APPROVE, Action.REJECT)) {
				Verdict verdict = OverrideRules.decide(action, Who.REQUESTER_ADMIN.person, request(OverrideState.PENDING),
						seen, false, "I checked it myself");
				assertThat(verdict.refusal()).isEqualTo(Refusal.OWN_REQUEST);
			}
		}
	}

	@Test
	void onlyApproveAndRejectAreDecisions() {
		assertThatThrownBy(() -> OverrideRules.decide(Action.CLEAR, Who.OTHER_ADMIN.person, request(OverrideState.PENDING),
				VERSION, false, null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theOutcomeSaysWhoDecidedAndWhy() {
		OverrideRequest rejected = new OverrideRequest(5, 9, true, REASON, OverrideState.REJECTED, REQUESTER, "Otto Operator",
				java.time.Instant.EPOCH, 11L, "Ada Admin", java.time.Instant.EPOCH, "Not during the campaign", null, null,
				null, 1);
		assertThat(rejected.outcome()).isEqualTo("Rejected by Ada Admin: “Not during the campaign”");
		OverrideRequest superseded = new OverrideRequest(5, 9, true, REASON, OverrideState.SUPERSEDED, REQUESTER,
				"Otto Operator", java.time.Instant.EPOCH, null, null, java.time.Instant.EPOCH, null, 6L, null, null, 1);
		assertThat(superseded.outcome()).isEqualTo("Superseded by a newer request (#6).");
	}
}

package com.numberops.portal.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.providers.ProviderKind;

/**
 * {@link EditRules#check} as a table: every edit kind on every carrier API, with the field each
 * refusal is shown next to and a phrase of what it says ({@code null} field: the edit is allowed).
 */
class EditRulesUnitTest {

	static final Instant HOLD = Instant.parse("2026-11-29T12:00:00Z");

	static final String HOSTILE = "<script>alert(1)</script>";

	/** A number as the rules see it: a US long code with SMS and voice, configured as its carrier allows. */
	record Number(ProviderKind provider, @Nullable String country, boolean sms, boolean voice, @Nullable String name,
			@Nullable String plan, @Nullable String campaign, @Nullable String businessCampaign,
			@Nullable String voiceApp, @Nullable Boolean cnam, @Nullable Boolean messaging, boolean enabled,
			boolean released, @Nullable Instant releaseScheduledAt) {

		static Number of(ProviderKind provider) {
			boolean sinch = provider != ProviderKind.FLOWROUTE;
			return new Number(provider, "US", true, true, "Front desk", sinch ? "sp-growth-01" : null,
					sinch ? "CA1B2C3" : null, null, provider == ProviderKind.SINCH ? "a7f3c2d1-voice-ivr" : null,
					sinch ? null : false, sinch ? null : false, true, false, null);
		}

		Number country(@Nullable String code) {
			return new Number(provider, code, sms, voice, name, plan, campaign, businessCampaign, voiceApp, cnam,
					messaging, enabled, released, releaseScheduledAt);
		}

		Number capable(boolean smsCapable, boolean voiceCapable) {
			return new Number(provider, country, smsCapable, voiceCapable, name, plan, campaign, businessCampaign,
					voiceApp, cnam, messaging, enabled, released, releaseScheduledAt);
		}

		Number sms(@Nullable String servicePlanId, @Nullable String campaignId) {
			return new Number(provider, country, sms, voice, name, servicePlanId, campaignId, businessCampaign, voiceApp,
					cnam, messaging, enabled, released, releaseScheduledAt);
		}

		Number business(@Nullable String campaignId) {
			return new Number(provider, country, sms, voice, name, plan, campaign, campaignId, voiceApp, cnam, messaging,
					enabled, released, releaseScheduledAt);
		}

		Number flowroute(@Nullable Boolean cnamLookups, @Nullable Boolean messagingEnabled) {
			return new Number(provider, country, sms, voice, name, plan, campaign, businessCampaign, voiceApp,
					cnamLookups, messagingEnabled, enabled, released, releaseScheduledAt);
		}

		Number named(@Nullable String newName) {
			return new Number(provider, country, sms, voice, newName, plan, campaign, businessCampaign, voiceApp, cnam,
					messaging, enabled, released, releaseScheduledAt);
		}

		Number releasedAtCarrier() {
			return new Number(provider, country, sms, voice, name, plan, campaign, businessCampaign, voiceApp, cnam,
					messaging, enabled, true, releaseScheduledAt);
		}

		Number pendingRelease() {
			return new Number(provider, country, sms, voice, name, plan, campaign, businessCampaign, voiceApp, cnam,
					messaging, enabled, released, HOLD);
		}

		NumberSnapshot snapshot() {
			return snapshot(false);
		}

		NumberSnapshot snapshot(boolean smsProvisioningFailed) {
			String id = provider == ProviderKind.FLOWROUTE ? "12065550100" : "+12065550100";
			return new NumberSnapshot(42, "+12065550100", provider, 7, id, country, sms, voice, name, plan, campaign,
					businessCampaign, voiceApp, cnam, messaging, enabled, released, releaseScheduledAt,
					smsProvisioningFailed, 3);
		}
	}

	static final ProviderKind SINCH = ProviderKind.SINCH;

	static final ProviderKind IMPORTED = ProviderKind.SINCH_IMPORTED;

	static final ProviderKind FLOWROUTE = ProviderKind.FLOWROUTE;

	static final List<ProviderKind> ALL = List.of(SINCH, IMPORTED, FLOWROUTE);

	static final List<ProviderKind> SINCH_APIS = List.of(SINCH, IMPORTED);

	static Arguments allowed(String name, ProviderKind provider, UnaryOperator<Number> number, Edit edit) {
		return Arguments.of(provider + ": " + name, number.apply(Number.of(provider)).snapshot(), edit, null, null, null);
	}

	static Arguments refused(String name, ProviderKind provider, UnaryOperator<Number> number, Edit edit,
			String field, String phrase) {
		return Arguments.of(provider + ": " + name, number.apply(Number.of(provider)).snapshot(), edit, null, field,
				phrase);
	}

	static Arguments refusedWhileOpen(String name, ProviderKind provider, Edit edit, ChangeState open, String field,
			String phrase) {
		return Arguments.of(provider + ": " + name, Number.of(provider).snapshot(), edit, open, field, phrase);
	}

	static Stream<Arguments> table() {
		List<Arguments> rows = new ArrayList<>();
		String max = "n".repeat(EditRules.MAX_NAME);
		String tooLong = "n".repeat(EditRules.MAX_NAME + 1);
		// 255 emoji are 510 UTF-16 chars: the limit counts characters as people see them
		String maxEmoji = "\uD83D\uDCDE".repeat(EditRules.MAX_NAME);
		for (ProviderKind p : ALL) {
			// rename: every carrier has a name (Sinch displayName, Flowroute alias)
			rows.add(allowed("rename", p, n -> n, new Edit.Rename("Night desk")));
			rows.add(allowed("rename to 255 characters", p, n -> n, new Edit.Rename(max)));
			rows.add(allowed("rename to 255 emoji", p, n -> n, new Edit.Rename(maxEmoji)));
			rows.add(allowed("markup in a name is text (escaped when shown), not refused", p, n -> n,
					new Edit.Rename(HOSTILE)));
			rows.add(allowed("rename a number without a name", p, n -> n.named(null),
					new Edit.Rename("First name")));
			rows.add(refused("blank name", p, n -> n, new Edit.Rename("   "), "name", "A name is required"));
			rows.add(refused("empty name", p, n -> n, new Edit.Rename(""), "name", "A name is required"));
			rows.add(refused("256 characters", p, n -> n, new Edit.Rename(tooLong), "name",
					"At most 255 characters (this one has 256)"));
			rows.add(refused("256 characters after trimming", p, n -> n, new Edit.Rename("  " + tooLong + " "), "name",
					"this one has 256"));
			rows.add(refused("a line break inside", p, n -> n, new Edit.Rename("Front\ndesk"), "name",
					"without control characters"));
			rows.add(refused("a tab inside", p, n -> n, new Edit.Rename("Front\tdesk"), "name",
					"without control characters"));
			rows.add(refused("a NUL character", p, n -> n, new Edit.Rename("Front\u0000desk"), "name",
					"without control characters"));
			rows.add(refused("a bell character", p, n -> n, new Edit.Rename("\u0007"), "name",
					"without control characters"));
			rows.add(refused("a Unicode line separator inside", p, n -> n, new Edit.Rename("Front\u2028desk"), "name",
					"one line"));
			rows.add(refused("unchanged name", p, n -> n, new Edit.Rename("Front desk"), "name",
					"Nothing to change: it is already \"Front desk\""));
			rows.add(refused("unchanged name but for surrounding spaces", p, n -> n, new Edit.Rename("  Front desk "),
					"name", "Nothing to change"));
			rows.add(refusedWhileOpen("a rename already on its way", p, new Edit.Rename("Night desk"),
					ChangeState.WAITING_FOR_PROVIDER, "name",
					"Another rename change of this number is already on its way (waiting for the provider)"));

			// business campaign: local routing, every carrier
			rows.add(allowed("business campaign", p, n -> n, new Edit.BusinessCampaign("BC-spring.2026")));
			rows.add(allowed("business campaign cleared", p, n -> n.business("BC-1"), new Edit.BusinessCampaign(" ")));
			rows.add(refused("hostile business campaign id", p, n -> n, new Edit.BusinessCampaign(HOSTILE),
					"businessCampaignId", "letters, digits, dots, colons, dashes or underscores"));
			rows.add(refused("business campaign id of 101 characters", p, n -> n,
					new Edit.BusinessCampaign("b".repeat(101)), "businessCampaignId", "1 to 100"));
			rows.add(refused("business campaign id starting with a dash", p, n -> n, new Edit.BusinessCampaign("-BC"),
					"businessCampaignId", "starting with a letter or digit"));
			rows.add(refused("unchanged business campaign", p, n -> n.business("BC-1"), new Edit.BusinessCampaign("BC-1"),
					"businessCampaignId", "Nothing to change: it is already \"BC-1\""));
			rows.add(refused("no business campaign to clear", p, n -> n, new Edit.BusinessCampaign(null),
					"businessCampaignId", "Nothing to change: it is already empty"));
			rows.add(refusedWhileOpen("a business campaign change on its way", p, new Edit.BusinessCampaign("BC-2"),
					ChangeState.PENDING, "businessCampaignId", "already on its way (pending)"));

			// enablement: local, every carrier
			rows.add(allowed("disable", p, n -> n, new Edit.Enablement(false)));
			rows.add(refused("enable an enabled number", p, n -> n, new Edit.Enablement(true), "enabled",
					"Nothing to change: it is already \"enabled\""));

			// release: admins, every carrier
			rows.add(allowed("release", p, n -> n, new Edit.Release("Customer cancelled the contract")));
			rows.add(allowed("release with a 3-character reason", p, n -> n, new Edit.Release(" abc ")));
			rows.add(refused("release reason too short", p, n -> n, new Edit.Release("no"), "reason",
					"at least 3 characters"));
			rows.add(refused("release reason blank", p, n -> n, new Edit.Release("     "), "reason",
					"Say why the number is released"));
			rows.add(refused("release without a reason", p, n -> n, new Edit.Release(null), "reason",
					"at least 3 characters"));
			rows.add(refused("release reason of 501 characters", p, n -> n, new Edit.Release("r".repeat(501)), "reason",
					"At most 500 characters"));
			rows.add(refused("release of a number pending release", p, Number::pendingRelease,
					new Edit.Release("Customer left"), "", "A release is already scheduled"));

			// released and pending release stop every edit, before any other rule
			for (Edit edit : List.of(new Edit.Rename("Night desk"), new Edit.BusinessCampaign("BC-2"),
					new Edit.Enablement(false), new Edit.Release("Customer left"), new Edit.SmsAssignment("sp-2", "C2"),
					new Edit.VoiceApp("app-2"), new Edit.CnamLookups(true), new Edit.Messaging(true))) {
				rows.add(refused(edit.kind() + " of a released number", p, Number::releasedAtCarrier, edit, "",
						"This number has been released: it can no longer be changed."));
				if (!(edit instanceof Edit.Release)) {
					rows.add(refused(edit.kind() + " of a number pending release", p, Number::pendingRelease, edit, "",
							"pending release: cancel the release before changing it"));
				}
			}
		}

		// SMS service plan and 10DLC campaign: Sinch active and imported numbers
		for (ProviderKind p : SINCH_APIS) {
			rows.add(allowed("reassign plan and campaign", p, n -> n, new Edit.SmsAssignment("sp-retention-02", "CB4D5E6")));
			rows.add(allowed("another campaign, same plan", p, n -> n, new Edit.SmsAssignment("sp-growth-01", "CB4D5E6")));
			rows.add(allowed("unlink both", p, n -> n, new Edit.SmsAssignment("", "")));
			rows.add(allowed("unlink both (nulls)", p, n -> n, new Edit.SmsAssignment(null, null)));
			rows.add(allowed("a plan without campaign on a non-US number", p, n -> n.country("CA").sms("", ""),
					new Edit.SmsAssignment("sp-1", "")));
			rows.add(allowed("ids with dots, colons, underscores", p, n -> n,
					new Edit.SmsAssignment("sp_1.a:b", "C-1_x.y:z")));
			rows.add(refused("hostile service plan id", p, n -> n, new Edit.SmsAssignment(HOSTILE, "C2"), "servicePlanId",
					"A service plan id is 1 to 100 letters"));
			rows.add(refused("hostile campaign id", p, n -> n, new Edit.SmsAssignment("sp-2", "C2\"><img src=x>"),
					"campaignId", "A campaign id is 1 to 100 letters"));
			rows.add(refused("service plan id with a space", p, n -> n, new Edit.SmsAssignment("sp 2", ""),
					"servicePlanId", "1 to 100 letters"));
			rows.add(refused("service plan id of 101 characters", p, n -> n, new Edit.SmsAssignment("s".repeat(101), ""),
					"servicePlanId", "1 to 100 letters"));
			rows.add(refused("SQL in a campaign id", p, n -> n, new Edit.SmsAssignment("sp-2", "C2';drop table x;--"),
					"campaignId", "1 to 100 letters"));
			rows.add(refused("10DLC campaign on a CA number", p, n -> n.country("CA").sms("", ""),
					new Edit.SmsAssignment("sp-2", "C2"), "campaignId",
					"10DLC campaigns apply to US numbers only; this is a CA number"));
			rows.add(refused("10DLC campaign on a GB number", p, n -> n.country("GB").sms("", ""),
					new Edit.SmsAssignment("sp-2", "C2"), "campaignId", "this is a GB number"));
			rows.add(refused("10DLC campaign on a number of unknown country", p, n -> n.country(null).sms("", ""),
					new Edit.SmsAssignment("sp-2", "C2"), "campaignId", "this is a non-US number"));
			rows.add(refused("no SMS capability", p, n -> n.capable(false, true).sms("", ""),
					new Edit.SmsAssignment("sp-2", ""), "servicePlanId", "This number has no SMS capability"));
			rows.add(refused("unchanged plan and campaign", p, n -> n, new Edit.SmsAssignment(" sp-growth-01 ", "CA1B2C3"),
					"servicePlanId", "Nothing to change: it is already \"sp-growth-01 / CA1B2C3\""));
			rows.add(refused("unlink when nothing is linked", p, n -> n.sms("", null), new Edit.SmsAssignment("", ""),
					"servicePlanId", "Nothing to change: it is already \"none\""));
			rows.add(refusedWhileOpen("an SMS reassignment on its way", p, new Edit.SmsAssignment("sp-2", "C2"),
					ChangeState.IN_PROGRESS, "servicePlanId",
					"Another SMS service plan and 10DLC campaign change of this number is already on its way (in progress)"));
			rows.add(refused("CNAM lookups", p, n -> n, new Edit.CnamLookups(true), "enabled",
					"CNAM lookups is a Flowroute setting; this is a Sinch number"));
			rows.add(refused("messaging", p, n -> n, new Edit.Messaging(true), "enabled",
					"Messaging enablement is a Flowroute setting; this is a Sinch number"));
		}
		// a campaign hangs off a plan on an active number; imported numbers may carry one alone
		rows.add(refused("campaign without plan on an active number", SINCH, n -> n, new Edit.SmsAssignment("", "C2"),
				"servicePlanId", "A 10DLC campaign needs a service plan on an active number"));
		rows.add(allowed("campaign without plan on an imported number", IMPORTED, n -> n, new Edit.SmsAssignment("", "C2")));

		// voice app: Sinch active numbers only
		rows.add(allowed("voice app", SINCH, n -> n, new Edit.VoiceApp("b8e4d3c2-voice-sales")));
		rows.add(allowed("first voice app", SINCH, n -> n.capable(true, true), new Edit.VoiceApp("app-1")));
		rows.add(refused("blank voice app", SINCH, n -> n, new Edit.VoiceApp("  "), "appId", "app id is required"));
		rows.add(refused("no voice app", SINCH, n -> n, new Edit.VoiceApp(null), "appId", "app id is required"));
		rows.add(refused("hostile voice app", SINCH, n -> n, new Edit.VoiceApp("javascript:alert(1)//<x>"), "appId",
				"app id is 1 to 100 letters"));
		rows.add(refused("no voice capability", SINCH, n -> n.capable(true, false), new Edit.VoiceApp("app-2"), "appId",
				"This number has no voice capability"));
		rows.add(refused("unchanged voice app", SINCH, n -> n, new Edit.VoiceApp("a7f3c2d1-voice-ivr"), "appId",
				"Nothing to change: it is already \"a7f3c2d1-voice-ivr\""));
		rows.add(refusedWhileOpen("a voice app change on its way", SINCH, new Edit.VoiceApp("app-2"), ChangeState.PENDING,
				"appId", "Another voice app change of this number is already on its way (pending)"));
		rows.add(refused("voice app", IMPORTED, n -> n, new Edit.VoiceApp("app-2"), "appId",
				"Imported Sinch numbers have no voice configuration"));
		rows.add(refused("voice app", FLOWROUTE, n -> n, new Edit.VoiceApp("app-2"), "appId",
				"Voice apps are a Sinch setting; this is a Flowroute number"));

		// Flowroute: no SMS plans; CNAM lookups and messaging are its own switches
		rows.add(refused("SMS reassignment", FLOWROUTE, n -> n, new Edit.SmsAssignment("sp-2", "C2"), "servicePlanId",
				"this is a Flowroute number"));
		rows.add(allowed("CNAM lookups on", FLOWROUTE, n -> n, new Edit.CnamLookups(true)));
		rows.add(allowed("CNAM lookups off when not known yet", FLOWROUTE, n -> n.flowroute(null, null),
				new Edit.CnamLookups(false)));
		rows.add(refused("CNAM lookups unchanged", FLOWROUTE, n -> n, new Edit.CnamLookups(false), "enabled",
				"Nothing to change: it is already \"off\""));
		rows.add(refusedWhileOpen("CNAM lookups change on its way", FLOWROUTE, new Edit.CnamLookups(true),
				ChangeState.PARTIAL, "enabled", "Another CNAM lookups change of this number is already on its way (partly applied)"));
		rows.add(allowed("messaging on", FLOWROUTE, n -> n, new Edit.Messaging(true)));
		rows.add(refused("messaging unchanged", FLOWROUTE, n -> n.flowroute(false, true), new Edit.Messaging(true),
				"enabled", "Nothing to change: it is already \"on\""));
		// Flowroute reports SMS capability only once messaging is on: switching it on is how a number gets it
		rows.add(allowed("messaging on while messaging (so SMS capability) is off", FLOWROUTE,
				n -> n.capable(false, true), new Edit.Messaging(true)));
		rows.add(refusedWhileOpen("messaging change on its way", FLOWROUTE, new Edit.Messaging(true), ChangeState.PARTIAL,
				"enabled", "Another messaging change of this number is already on its way (partly applied)"));
		return rows.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("table")
	void theRulesAllowOrRefuseNamingTheField(String name, NumberSnapshot number, Edit edit, @Nullable ChangeState open,
			@Nullable String field, @Nullable String phrase) {
		List<FieldProblem> problems = EditRules.check(number, edit, open);
		if (field == null) {
			assertThat(problems).as(name).isEmpty();
			return;
		}
		assertThat(problems).as(name).hasSize(1);
		assertThat(problems.get(0).field()).as(name).isEqualTo(field);
		assertThat(problems.get(0).message()).as(name).contains(phrase);
	}

	/** "Restore previous" after a failed unlink: the carrier kept the previous pair beside its failed job. */
	@Test
	void theSmsConfigurationTheCarrierFailedToProvisionMayBeSentAgain() {
		for (ProviderKind p : SINCH_APIS) {
			NumberSnapshot failed = Number.of(p).snapshot(true);
			assertThat(EditRules.check(failed, new Edit.SmsAssignment("sp-growth-01", "CA1B2C3"), null)).as(p.name())
				.isEmpty();
			assertThat(EditRules.check(failed, new Edit.SmsAssignment("sp-growth-01", "CA1B2C3"), ChangeState.PENDING))
				.as(p.name())
				.extracting(FieldProblem::message)
				.singleElement()
				.asString()
				.contains("already on its way");
			assertThat(EditRules.check(failed, new Edit.Rename("Front desk"), null)).as("other kinds: " + p)
				.extracting(FieldProblem::message)
				.singleElement()
				.asString()
				.contains("Nothing to change");
		}
	}

	/** A restore is planned from the carrier: the mirror's values, equal or not, never make it "nothing to change". */
	@Test
	void aRestoreIsNeverNothingToChangeButKeepsEveryOtherRule() {
		for (ProviderKind p : SINCH_APIS) {
			NumberSnapshot settled = Number.of(p).snapshot();
			assertThat(EditRules.checkRestore(settled, new Edit.SmsAssignment("sp-growth-01", "CA1B2C3"), null)).as(p.name())
				.isEmpty();
			assertThat(EditRules.checkRestore(settled, new Edit.SmsAssignment("sp-growth-01", "CA1B2C3"),
					ChangeState.WAITING_FOR_PROVIDER)).as(p.name()).extracting(FieldProblem::message).singleElement()
				.asString()
				.contains("already on its way");
			assertThat(EditRules.checkRestore(Number.of(p).pendingRelease().snapshot(),
					new Edit.SmsAssignment("sp-growth-01", "CA1B2C3"), null)).as(p.name())
				.extracting(FieldProblem::message)
				.singleElement()
				.asString()
				.contains("pending release");
		}
	}

	@Test
	void theTableCoversEveryKindOnEveryProvider() {
		Set<String> covered = table().map(row -> {
			NumberSnapshot number = (NumberSnapshot) row.get()[1];
			Edit edit = (Edit) row.get()[2];
			return edit.kind() + "/" + number.provider();
		}).collect(Collectors.toSet());
		// a rent is not an edit of a number: RentRulesUnitTest holds its rules
		Set<String> expected = EnumSet.complementOf(EnumSet.of(ChangeKind.RENT))
			.stream()
			.flatMap(kind -> Stream.of(ProviderKind.values()).map(provider -> kind + "/" + provider))
			.collect(Collectors.toSet());
		assertThat(covered).isEqualTo(expected);
	}

	@Test
	void hostileIdentifiersAreRefusedForEveryIdentifierField() {
		NumberSnapshot sinch = Number.of(SINCH).snapshot();
		for (String hostile : List.of(HOSTILE, "a b", "a/b", "a\u0000b", "a\nb", "é1", "{{7*7}}", "${x}", "a;b", "a'b")) {
			assertThat(EditRules.check(sinch, new Edit.SmsAssignment(hostile, ""), null)).as(hostile)
				.extracting(FieldProblem::field)
				.containsExactly("servicePlanId");
			assertThat(EditRules.check(sinch, new Edit.SmsAssignment("sp-2", hostile), null)).as(hostile)
				.extracting(FieldProblem::field)
				.containsExactly("campaignId");
			assertThat(EditRules.check(sinch, new Edit.VoiceApp(hostile), null)).as(hostile)
				.extracting(FieldProblem::field)
				.containsExactly("appId");
			assertThat(EditRules.check(sinch, new Edit.BusinessCampaign(hostile), null)).as(hostile)
				.extracting(FieldProblem::field)
				.containsExactly("businessCampaignId");
		}
	}

	@Test
	void bothIdentifiersAreReportedAtOnce() {
		assertThat(EditRules.check(Number.of(SINCH).snapshot(), new Edit.SmsAssignment("<a>", "<b>"), null))
			.extracting(FieldProblem::field)
			.containsExactly("servicePlanId", "campaignId");
	}

	@Test
	void messagesUseTheRightArticle() {
		assertThat(EditRules.check(Number.of(SINCH).snapshot(), new Edit.VoiceApp(""), null))
			.extracting(FieldProblem::message)
			.containsExactly("An app id is required.");
		assertThat(EditRules.check(Number.of(SINCH).snapshot(), new Edit.VoiceApp("<x>"), null))
			.extracting(FieldProblem::message)
			.allMatch(message -> message.startsWith("An app id is 1 to 100"));
	}

	@Test
	void everyKindHasItsFormField() {
		assertThat(EditRules.field(new Edit.Rename("x"))).isEqualTo("name");
		assertThat(EditRules.field(new Edit.SmsAssignment("a", "b"))).isEqualTo("servicePlanId");
		assertThat(EditRules.field(new Edit.BusinessCampaign("a"))).isEqualTo("businessCampaignId");
		assertThat(EditRules.field(new Edit.VoiceApp("a"))).isEqualTo("appId");
		assertThat(EditRules.field(new Edit.CnamLookups(true))).isEqualTo("enabled");
		assertThat(EditRules.field(new Edit.Messaging(true))).isEqualTo("enabled");
		assertThat(EditRules.field(new Edit.Enablement(true))).isEqualTo("enabled");
		assertThat(EditRules.field(new Edit.Release("why"))).isEqualTo("reason");
	}
}

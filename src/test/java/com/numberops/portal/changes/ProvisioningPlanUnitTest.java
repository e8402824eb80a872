package com.numberops.portal.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.numberops.portal.changes.ProvisioningPlan.Done;
import com.numberops.portal.changes.ProvisioningPlan.Failed;
import com.numberops.portal.changes.ProvisioningPlan.Next;
import com.numberops.portal.changes.ProvisioningPlan.Send;
import com.numberops.portal.changes.ProvisioningPlan.Wait;
import com.numberops.portal.providers.NumberChange;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProviderNumber;
import com.numberops.portal.providers.ProvisioningState;

/**
 * The next move of an SMS reassignment or a voice app change, planned from what the carrier
 * reports (seed 001: unlink before link, scheduled provisioning, FAILED jobs with error codes).
 */
class ProvisioningPlanUnitTest {

	static final String UNLINK = ProvisioningPlan.UNLINK;

	static final String LINK = ProvisioningPlan.LINK;

	static final ProviderKind ACTIVE = ProviderKind.SINCH;

	static final ProviderKind IMPORTED = ProviderKind.SINCH_IMPORTED;

	/** A Sinch number as the adapter maps it: "" for unset strings, as the wire has them. */
	static ProviderNumber number(ProviderKind kind, String plan, String campaign, @Nullable ProvisioningState sms,
			String app, @Nullable ProvisioningState voice) {
		return new ProviderNumber(kind, "+12065550100", "+12065550100", "Front desk", "US", "LOCAL",
				Set.of("SMS", "VOICE"), new BigDecimal("1.00"), "USD", 1, null, null, plan, campaign, sms,
				kind == ACTIVE ? app : null, kind == ACTIVE ? voice : null, null, null, null, null, null, null);
	}

	static ProviderNumber sms(ProviderKind kind, String plan, String campaign, @Nullable ProvisioningState job) {
		return number(kind, plan, campaign, job, "", null);
	}

	static ProviderNumber sms(ProviderKind kind, String plan, String campaign) {
		return sms(kind, plan, campaign, null);
	}

	static ProviderNumber voice(String app, @Nullable ProvisioningState job) {
		return number(ACTIVE, "", "", null, app, job);
	}

	static ProvisioningState job(String status, String... errorCodes) {
		return new ProvisioningState(status, "sp-2", "C2", null, List.of(errorCodes), Instant.parse("2026-11-22T12:00:00Z"));
	}

	static ProvisioningState voiceJob(String status, String... errorCodes) {
		return new ProvisioningState(status, null, null, "app-2", List.of(errorCodes), Instant.parse("2026-11-22T12:00:00Z"));
	}

	static Send send(String step, @Nullable String plan, @Nullable String campaign) {
		return new Send(step, new NumberChange(null, plan, campaign, null, null, null));
	}

	/** A failure: its code, and a phrase of its message. */
	static Failed failed(String code, String phrase) {
		return new Failed(code, phrase);
	}

	static Arguments row(String name, ProviderKind kind, ProviderNumber now, String plan, String campaign,
			@Nullable String sent, Next expected) {
		return Arguments.of(kind + ": " + name, kind, now, plan, campaign, sent, expected);
	}

	static Stream<Arguments> smsTable() {
		return Stream.of(
				// reassignment: unlink first (servicePlanId "", campaign "" since one is linked), then link
				row("linked → other plan and campaign: unlink both", ACTIVE, sms(ACTIVE, "sp-1", "C1"), "sp-2", "C2", null,
						send(UNLINK, "", "")),
				row("unlinked after the unlink step: link", ACTIVE, sms(ACTIVE, "", ""), "sp-2", "C2", UNLINK,
						send(LINK, "sp-2", "C2")),
				row("linked target reached after the link step", ACTIVE, sms(ACTIVE, "sp-2", "C2"), "sp-2", "C2", LINK,
						new Done()),
				row("plan only linked → other plan and campaign: unlink the plan, no campaign sent", ACTIVE,
						sms(ACTIVE, "sp-1", ""), "sp-2", "C2", null, send(UNLINK, "", null)),
				row("nothing linked: link at once", ACTIVE, sms(ACTIVE, "", ""), "sp-2", "C2", null, send(LINK, "sp-2", "C2")),
				row("nothing linked, plan only: link without campaign", ACTIVE, sms(ACTIVE, "", ""), "sp-2", "", null,
						send(LINK, "sp-2", null)),
				row("same plan, other campaign: unlink the campaign, keeping the plan", ACTIVE, sms(ACTIVE, "sp-1", "C1"),
						"sp-1", "C2", null, send(UNLINK, "sp-1", "")),
				row("same plan, campaign unlinked: link the campaign with the plan", ACTIVE, sms(ACTIVE, "sp-1", ""), "sp-1",
						"C2", UNLINK, send(LINK, "sp-1", "C2")),
				row("same plan, campaign to add: link it with the plan", ACTIVE, sms(ACTIVE, "sp-1", ""), "sp-1", "C2", null,
						send(LINK, "sp-1", "C2")),
				row("drop the campaign only", ACTIVE, sms(ACTIVE, "sp-1", "C1"), "sp-1", "", null, send(UNLINK, "sp-1", "")),
				row("campaign dropped: done", ACTIVE, sms(ACTIVE, "sp-1", ""), "sp-1", "", UNLINK, new Done()),
				row("unlink everything", ACTIVE, sms(ACTIVE, "sp-1", "C1"), "", "", null, send(UNLINK, "", "")),
				row("everything unlinked: done", ACTIVE, sms(ACTIVE, "", ""), "", "", UNLINK, new Done()),
				row("already there before anything was sent", ACTIVE, sms(ACTIVE, "sp-2", "C2"), "sp-2", "C2", null,
						new Done()),
				row("null values read as unset", ACTIVE, number(ACTIVE, null, null, null, "", null), "sp-2", "", null,
						send(LINK, "sp-2", null)),

				// a job still running at the carrier: look again later, whatever was sent
				row("job waiting", ACTIVE, sms(ACTIVE, "sp-1", "C1", job("WAITING")), "sp-2", "C2", UNLINK, new Wait("WAITING")),
				row("job in progress", ACTIVE, sms(ACTIVE, "", "", job("IN_PROGRESS")), "sp-2", "C2", LINK,
						new Wait("IN_PROGRESS")),
				row("someone else's job running before anything was sent", ACTIVE, sms(ACTIVE, "sp-1", "C1", job("WAITING")),
						"sp-2", "C2", null, new Wait("WAITING")),

				// a failed job after a step was sent is this change's failure, with the carrier's codes
				row("link failed: campaign not available", ACTIVE, sms(ACTIVE, "", "", job("FAILED", "CAMPAIGN_NOT_AVAILABLE")),
						"sp-2", "CFAILED1", LINK,
						failed("CAMPAIGN_NOT_AVAILABLE", "SMS provisioning failed at the carrier (CAMPAIGN_NOT_AVAILABLE): The 10DLC campaign refused the number")),
				row("link failed: service plan", ACTIVE, sms(ACTIVE, "", "", job("FAILED", "SMS_PROVISIONING_FAILED")), "SPFAILED1",
						"", LINK, failed("SMS_PROVISIONING_FAILED", "(SMS_PROVISIONING_FAILED): The SMS platform refused the number (a service plan the account does not have?)")),
				row("link failed: a plan code explained", ACTIVE, sms(ACTIVE, "", "", job("FAILED", "SERVICE_PLAN_NOT_FOUND")), "sp-2",
						"", LINK, failed("SERVICE_PLAN_NOT_FOUND", "The SMS service plan could not take the number")),
				row("unlink failed without a code", ACTIVE, sms(ACTIVE, "sp-1", "C1", job("FAILED")), "sp-2", "C2", UNLINK,
						failed("PROVISIONING_FAILED", "no reason was given")),
				row("several codes", ACTIVE, sms(ACTIVE, "", "", job("FAILED", "CAMPAIGN_NOT_AVAILABLE", "E42")), "sp-2", "C2",
						LINK, failed("CAMPAIGN_NOT_AVAILABLE,E42", "The carrier reported E42")),
				// a failed job from before this change is not its failure: it goes on
				row("old failed job before anything was sent: unlink anyway", ACTIVE,
						sms(ACTIVE, "sp-1", "C1", job("FAILED", "CAMPAIGN_NOT_AVAILABLE")), "sp-2", "C2", null,
						send(UNLINK, "", "")),
				row("old failed job before anything was sent: link anyway", ACTIVE,
						sms(ACTIVE, "", "", job("FAILED", "CAMPAIGN_NOT_AVAILABLE")), "sp-2", "C2", null, send(LINK, "sp-2", "C2")),
				// the carrier kept the target beside a failed job (restoring after a failed unlink): sent again, so
				// that the carrier provisions it afresh and the failure clears
				row("old failed job, target already there: send it again", ACTIVE, sms(ACTIVE, "sp-2", "C2", job("FAILED")),
						"sp-2", "C2", null, send(LINK, "sp-2", "C2")),
				row("failed job, no campaign kept: the plan again", ACTIVE, sms(ACTIVE, "sp-2", "", job("FAILED")), "sp-2",
						"", null, send(LINK, "sp-2", null)),
				row("failed job, nothing linked and none wanted: the empty plan again", ACTIVE,
						sms(ACTIVE, "", "", job("FAILED")), "", "", null, send(LINK, "", null)),
				row("sent again and failed again: this change's failure", ACTIVE,
						sms(ACTIVE, "sp-2", "C2", job("FAILED", "SMS_PROVISIONING_FAILED")), "sp-2", "C2", LINK,
						failed("SMS_PROVISIONING_FAILED", "SMS provisioning failed at the carrier")),
				row("failed job, target kept", IMPORTED, sms(IMPORTED, "sp-1", "C1", job("FAILED")), "sp-1", "C1", null,
						send(LINK, "sp-1", "C1")),

				// a step that settled without effect (changed elsewhere meanwhile)
				row("unlink sent, still linked", ACTIVE, sms(ACTIVE, "sp-1", "C1"), "sp-2", "C2", UNLINK,
						failed("NOT_APPLIED", "settled the unlink step without applying it")),
				row("link sent, nothing linked", ACTIVE, sms(ACTIVE, "", ""), "sp-2", "C2", LINK,
						failed("NOT_APPLIED", "settled the link step without applying it")),
				row("link sent, something else linked", ACTIVE, sms(ACTIVE, "sp-9", "C9"), "sp-2", "C2", LINK,
						failed("NOT_APPLIED", "link step")),
				row("link sent, only the plan linked", ACTIVE, sms(ACTIVE, "sp-2", ""), "sp-2", "C2", LINK,
						failed("NOT_APPLIED", "link step")),

				// imported numbers: servicePlanId is optional in their PATCH, so an unchanged plan is not sent
				row("same plan, other campaign: unlink the campaign alone", IMPORTED, sms(IMPORTED, "sp-1", "C1"), "sp-1", "C2",
						null, send(UNLINK, null, "")),
				row("same plan, campaign unlinked: link the campaign alone", IMPORTED, sms(IMPORTED, "sp-1", ""), "sp-1", "C2",
						UNLINK, send(LINK, null, "C2")),
				row("other plan and campaign: unlink both", IMPORTED, sms(IMPORTED, "sp-1", "C1"), "sp-2", "C2", null,
						send(UNLINK, "", "")),
				row("unlinked: link both", IMPORTED, sms(IMPORTED, "", ""), "sp-2", "C2", UNLINK, send(LINK, "sp-2", "C2")),
				row("plan only", IMPORTED, sms(IMPORTED, "", ""), "sp-2", "", null, send(LINK, "sp-2", null)),
				row("campaign without a plan", IMPORTED, sms(IMPORTED, "", ""), "", "C2", null, send(LINK, null, "C2")),
				row("drop the campaign only", IMPORTED, sms(IMPORTED, "sp-1", "C1"), "sp-1", "", null, send(UNLINK, null, "")),
				row("done", IMPORTED, sms(IMPORTED, "sp-1", "C2"), "sp-1", "C2", LINK, new Done()),
				row("link failed", IMPORTED, sms(IMPORTED, "sp-1", "", job("FAILED", "CAMPAIGN_NOT_AVAILABLE")), "sp-1",
						"CFAILED1", LINK, failed("CAMPAIGN_NOT_AVAILABLE", "10DLC campaign refused")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("smsTable")
	void smsPlansFromWhatTheCarrierReports(String name, ProviderKind kind, ProviderNumber now, String plan,
			String campaign, @Nullable String sent, Next expected) {
		assertNext(ProvisioningPlan.sms(kind, now, plan, campaign, sent), expected);
	}

	static Stream<Arguments> voiceTable() {
		return Stream.of(
				Arguments.of("another app: send it", voice("app-1", null), "app-2", null,
						new Send(LINK, NumberChange.voiceApp("app-2"))),
				Arguments.of("first app: send it", voice("", null), "app-2", null, new Send(LINK, NumberChange.voiceApp("app-2"))),
				Arguments.of("job waiting", voice("app-1", voiceJob("WAITING")), "app-2", LINK, new Wait("WAITING")),
				Arguments.of("job in progress", voice("app-1", voiceJob("IN_PROGRESS")), "app-2", LINK, new Wait("IN_PROGRESS")),
				Arguments.of("job failed after sending", voice("app-1", voiceJob("FAILED", "APP_NOT_FOUND")), "VFAILED1", LINK,
						failed("APP_NOT_FOUND", "Voice provisioning failed at the carrier (APP_NOT_FOUND): The voice app could not take the number")),
				Arguments.of("job failed without code", voice("", voiceJob("FAILED")), "VFAILED1", LINK,
						failed("PROVISIONING_FAILED", "Voice provisioning failed")),
				Arguments.of("old failed job before anything was sent", voice("app-1", voiceJob("FAILED")), "app-2", null,
						new Send(LINK, NumberChange.voiceApp("app-2"))),
				Arguments.of("target reached", voice("app-2", null), "app-2", LINK, new Done()),
				Arguments.of("already there", voice("app-2", null), "app-2", null, new Done()),
				Arguments.of("sent, settled without effect", voice("app-1", null), "app-2", LINK,
						failed("NOT_APPLIED", "settled the link step without applying it")),
				Arguments.of("an SMS job does not hold a voice change up",
						number(ACTIVE, "sp-1", "", job("IN_PROGRESS"), "app-1", null), "app-2", null,
						new Send(LINK, NumberChange.voiceApp("app-2"))));
	}

	@ParameterizedTest(name = "voice: {0}")
	@MethodSource("voiceTable")
	void voicePlansFromWhatTheCarrierReports(String name, ProviderNumber now, String app, @Nullable String sent,
			Next expected) {
		assertNext(ProvisioningPlan.voice(now, app, sent), expected);
	}

	@Test
	void aVoiceJobDoesNotHoldAnSmsChangeUp() {
		ProviderNumber now = number(ACTIVE, "sp-1", "C1", null, "app-1", voiceJob("IN_PROGRESS"));
		assertNext(ProvisioningPlan.sms(ACTIVE, now, "sp-2", "C2", null), send(UNLINK, "", ""));
	}

	/** Every step an active number is sent carries servicePlanId: Sinch refuses its smsConfiguration without. */
	@Test
	void everySmsStepOfAnActiveNumberCarriesServicePlanId() {
		List<String> values = List.of("", "sp-1", "sp-2");
		List<String> campaigns = List.of("", "C1", "C2");
		for (String plan : values) {
			for (String campaign : campaigns) {
				for (String targetPlan : values) {
					for (String targetCampaign : campaigns) {
						if (targetPlan.isEmpty() && !targetCampaign.isEmpty()) {
							continue; // refused by the edit rules on an active number
						}
						Next next = ProvisioningPlan.sms(ACTIVE, sms(ACTIVE, plan, campaign), targetPlan, targetCampaign, null);
						if (next instanceof Send step) {
							assertThat(step.change().smsServicePlanId())
								.as("%s/%s → %s/%s", plan, campaign, targetPlan, targetCampaign)
								.isNotNull();
						}
					}
				}
			}
		}
	}

	/** Following the plan step by step, as the carrier applies each step, always reaches the target. */
	@Test
	void followingThePlanReachesTheTargetInAtMostTwoSteps() {
		List<String> values = List.of("", "sp-1", "sp-2");
		List<String> campaigns = List.of("", "C1", "C2");
		for (ProviderKind kind : List.of(ACTIVE, IMPORTED)) {
			for (String plan : values) {
				for (String campaign : campaigns) {
					for (String targetPlan : values) {
						for (String targetCampaign : campaigns) {
							if (kind == ACTIVE && targetPlan.isEmpty() && !targetCampaign.isEmpty()) {
								continue;
							}
							String what = kind + " " + plan + "/" + campaign + " → " + targetPlan + "/" + targetCampaign;
							ProviderNumber now = sms(kind, plan, campaign);
							String sent = null;
							int steps = 0;
							Next next = ProvisioningPlan.sms(kind, now, targetPlan, targetCampaign, sent);
							while (next instanceof Send step) {
								assertThat(++steps).as(what).isLessThanOrEqualTo(2);
								now = applied(kind, now, step.change());
								sent = step.step();
								next = ProvisioningPlan.sms(kind, now, targetPlan, targetCampaign, sent);
							}
							assertThat(next).as(what).isEqualTo(new Done());
						}
					}
				}
			}
		}
	}

	/** What the carrier shows once the job of a step has succeeded (a plan's campaign goes with it). */
	static ProviderNumber applied(ProviderKind kind, ProviderNumber now, NumberChange change) {
		String plan = change.smsServicePlanId() == null ? now.smsServicePlanId() : change.smsServicePlanId();
		String campaign = change.smsCampaignId() == null ? now.smsCampaignId() : change.smsCampaignId();
		if (plan == null || plan.isEmpty()) {
			campaign = kind == ACTIVE ? "" : campaign;
		}
		return sms(kind, plan == null ? "" : plan, campaign == null ? "" : campaign);
	}

	static void assertNext(Next actual, Next expected) {
		if (expected instanceof Failed failure) {
			assertThat(actual).isInstanceOf(Failed.class);
			Failed failedNow = (Failed) actual;
			assertThat(failedNow.code()).isEqualTo(failure.code());
			assertThat(failedNow.message()).contains(failure.message());
		}
		else {
			assertThat(actual).isEqualTo(expected);
		}
	}
}

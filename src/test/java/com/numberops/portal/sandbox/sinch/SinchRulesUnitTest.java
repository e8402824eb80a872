package com.numberops.portal.sandbox.sinch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.numberops.portal.sandbox.SandboxApi.FieldViolation;

/** The simulated Sinch's rules, table by table, without Spring or a database. */
class SinchRulesUnitTest {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	static SinchNumber number(String region, List<String> capabilities, String plan, String campaign,
			SinchNumber.@Nullable SmsJob smsJob, String voiceApp, SinchNumber.@Nullable VoiceJob voiceJob) {
		return new SinchNumber("p", SinchNumber.Kind.ACTIVE, "+12065550100", "n", region, "LOCAL", capabilities, "USD",
				BigDecimal.ONE, 1, null, null, plan, campaign, smsJob, voiceApp, null, voiceJob, null, false);
	}

	static SinchNumber us(String plan, String campaign) {
		return number("US", List.of("SMS", "VOICE"), plan, campaign, null, "", null);
	}

	static SinchNumber.SmsJob job(String plan, String campaign, String status) {
		return new SinchNumber.SmsJob(plan, campaign, status, List.of(), NOW, NOW, null);
	}

	/** "-" in the table: the field is not sent. */
	static @Nullable String sent(String value) {
		return "-".equals(value) ? null : value;
	}

	record Outcome(List<String> fields, SinchRules.@Nullable SmsTarget target) {
	}

	static Outcome sms(SinchNumber number, SinchChangeRequest.Sms request, boolean planRequired) {
		List<FieldViolation> violations = new ArrayList<>();
		SinchRules.SmsTarget target = SinchRules.smsChange(number, request, planRequired, violations);
		return new Outcome(violations.stream().map(FieldViolation::field).toList(), target);
	}

	@ParameterizedTest(name = "linked {0}/{1}, sent {2}/{3} → violations [{4}], job {5}/{6}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			# linked plan | linked campaign | sent plan | sent campaign | violations                                         | job plan | job campaign
			''            | ''              | sp-a      | -             | ''                                                 | sp-a     | ''
			''            | ''              | sp-a      | C1            | ''                                                 | sp-a     | C1
			sp-a          | ''              | sp-a      | -             | ''                                                 | null     | null
			sp-a          | ''              | sp-b      | -             | smsConfiguration.servicePlanId                     | null     | null
			sp-a          | ''              | ''        | -             | ''                                                 | ''       | ''
			sp-a          | C1              | sp-a      | C1            | ''                                                 | null     | null
			sp-a          | C1              | sp-a      | C2            | smsConfiguration.campaignId                        | null     | null
			sp-a          | C1              | sp-b      | C2            | smsConfiguration.servicePlanId smsConfiguration.campaignId | null | null
			sp-a          | C1              | sp-a      | ''            | ''                                                 | sp-a     | ''
			sp-a          | C1              | ''        | ''            | ''                                                 | ''       | ''
			sp-a          | C1              | sp-a      | -             | ''                                                 | null     | null
			sp-a          | ''              | sp-a      | C9            | ''                                                 | sp-a     | C9
			''            | C1              | sp-b      | -             | ''                                                 | sp-b     | C1
			""")
	void unlinkBeforeLink(String plan, String campaign, String sentPlan, String sentCampaign, String violations,
			@Nullable String jobPlan, @Nullable String jobCampaign) {
		Outcome outcome = sms(us(plan, campaign), new SinchChangeRequest.Sms(sent(sentPlan), sent(sentCampaign)), true);
		List<String> expected = violations.isEmpty() ? List.of() : Arrays.asList(violations.split(" "));
		assertThat(outcome.fields()).isEqualTo(expected);
		assertThat(outcome.target())
			.isEqualTo(jobPlan == null ? null : new SinchRules.SmsTarget(jobPlan, jobCampaign));
	}

	static Stream<Arguments> smsRefusals() {
		SinchNumber gb = number("GB", List.of("SMS", "VOICE"), "", "", null, "", null);
		SinchNumber voiceOnly = number("US", List.of("VOICE"), "", "", null, "", null);
		return Stream.of(
				Arguments.of("empty object", us("", ""), new SinchChangeRequest.Sms(null, null), true,
						List.of("smsConfiguration")),
				Arguments.of("campaign without the required plan", us("sp-a", ""), new SinchChangeRequest.Sms(null, "C1"),
						true, List.of("smsConfiguration.servicePlanId")),
				Arguments.of("campaign alone where the plan is optional (imported)", us("sp-a", ""),
						new SinchChangeRequest.Sms(null, "C1"), false, List.of()),
				Arguments.of("campaign outside the US", gb, new SinchChangeRequest.Sms("sp-a", "C1"), true,
						List.of("smsConfiguration.campaignId")),
				Arguments.of("unlinking a campaign outside the US", gb, new SinchChangeRequest.Sms("sp-a", ""), true,
						List.of()),
				Arguments.of("no SMS capability", voiceOnly, new SinchChangeRequest.Sms("sp-a", null), true,
						List.of("smsConfiguration")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("smsRefusals")
	void smsConfigurationRules(String what, SinchNumber number, SinchChangeRequest.Sms request, boolean planRequired,
			List<String> fields) {
		assertThat(sms(number, request, planRequired).fields()).isEqualTo(fields);
	}

	@ParameterizedTest(name = "job {0}/{1} {2}, sent {3}/{4} → refused {5}")
	@CsvSource(delimiter = '|', textBlock = """
			# job plan | job campaign | status      | sent plan | sent campaign | refused
			sp-a       | C1           | WAITING     | sp-a      | C1            | false
			sp-a       | C1           | IN_PROGRESS | sp-a      | -             | false
			sp-a       | C1           | WAITING     | ''        | -             | true
			sp-a       | C1           | IN_PROGRESS | sp-a      | C2            | true
			sp-a       | C1           | FAILED      | sp-a      | C2            | false
			sp-a       | C1           | FAILED      | sp-a      | C1            | false
			""")
	void oneJobAtATime(String jobPlan, String jobCampaign, String status, String sentPlan, String sentCampaign,
			boolean refused) {
		SinchNumber number = number("US", List.of("SMS"), "", "", job(jobPlan, jobCampaign, status), "", null);
		Outcome outcome = sms(number, new SinchChangeRequest.Sms(sent(sentPlan), sent(sentCampaign)), true);
		assertThat(outcome.fields()).isEqualTo(refused ? List.of("smsConfiguration") : List.of());
		if (!status.equals("FAILED")) {
			// a repeat of the running job's request is accepted but starts nothing new
			assertThat(outcome.target()).isNull();
		}
	}

	/** The current pair sent again replaces a FAILED job by one that provisions it afresh; on a healthy number it starts nothing. */
	@Test
	void theCurrentConfigurationSentAgainReplacesAFailedJob() {
		SinchNumber failedUnlink = number("US", List.of("SMS"), "sp-a", "C1", job("", "", SinchNumber.FAILED), "", null);
		assertThat(sms(failedUnlink, new SinchChangeRequest.Sms("sp-a", "C1"), true))
			.isEqualTo(new Outcome(List.of(), new SinchRules.SmsTarget("sp-a", "C1")));
		assertThat(sms(failedUnlink, new SinchChangeRequest.Sms("sp-a", null), true))
			.isEqualTo(new Outcome(List.of(), new SinchRules.SmsTarget("sp-a", "C1")));
		assertThat(sms(us("sp-a", "C1"), new SinchChangeRequest.Sms("sp-a", "C1"), true))
			.isEqualTo(new Outcome(List.of(), null));
	}

	@ParameterizedTest(name = "current {0}, job {1}, sent {2} → violations [{3}], job {4}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			# current app | running job app | sent app | violations          | job app
			app-a         | null            | app-b    | ''                  | app-b
			app-a         | null            | app-a    | ''                  | null
			app-a         | null            | ''       | ''                  | ''
			app-a         | app-b           | app-b    | ''                  | null
			app-a         | app-b           | app-c    | voiceConfiguration  | null
			app-a         | null            | null     | voiceConfiguration  | null
			""")
	void voiceChanges(String current, @Nullable String running, @Nullable String sentApp, String violations,
			@Nullable String jobApp) {
		SinchNumber.VoiceJob job = running == null ? null
				: new SinchNumber.VoiceJob(running, SinchNumber.WAITING, NOW, NOW, null);
		SinchNumber number = number("US", List.of("SMS", "VOICE"), "", "", null, current, job);
		List<FieldViolation> found = new ArrayList<>();
		String target = SinchRules.voiceChange(number, new SinchChangeRequest.Voice(sentApp), found);
		assertThat(found.stream().map(FieldViolation::field).toList())
			.isEqualTo(violations.isEmpty() ? List.of() : List.of(violations));
		assertThat(target).isEqualTo(jobApp);
	}

	@Test
	void voiceOnANumberWithoutVoiceIsRefused() {
		SinchNumber smsOnly = number("US", List.of("SMS"), "", "", null, "", null);
		List<FieldViolation> found = new ArrayList<>();
		SinchRules.voiceChange(smsOnly, new SinchChangeRequest.Voice("app"), found);
		assertThat(found).extracting(FieldViolation::field).containsExactly("voiceConfiguration");
	}

	@Test
	void aRefusedRequestStartsNoJobAtAll() {
		SinchRules.Changes changes = SinchRules.changes(us("sp-a", ""),
				new SinchChangeRequest("x", new SinchChangeRequest.Sms("sp-b", null),
						new SinchChangeRequest.Voice("app"), "not a url"),
				true);
		assertThat(changes.refused()).isTrue();
		assertThat(changes.violations()).extracting(FieldViolation::field)
			.containsExactly("callbackUrl", "smsConfiguration.servicePlanId");
		assertThat(changes.sms()).isNull();
		assertThat(changes.voiceAppId()).isNull();
	}

	/** The project of the table below: plans sp-a, sp-b and campaigns C1, C2 (and the failure hooks, which it lacks). */
	static final SinchRules.ProjectSms PROJECT_SMS = new SinchRules.ProjectSms(Set.of("sp-a", "sp-b"),
			Set.of("C1", "C2"));

	@ParameterizedTest(name = "{0}/{1} → {2}/{3}, fault {4} → {5}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			# plan  | campaign | target plan | target campaign | fault | outcome
			''      | ''       | sp-a        | ''              | false | null
			''      | ''       | sp-a        | CFAILED1        | false | CAMPAIGN_NOT_AVAILABLE
			''      | ''       | SPFAILED1   | ''              | false | SMS_PROVISIONING_FAILED
			''      | ''       | sp-a        | ''              | true  | SMS_PROVISIONING_FAILED
			sp-a    | ''       | sp-a        | C1              | true  | CAMPAIGN_NOT_AVAILABLE
			sp-a    | C1       | ''          | ''              | true  | SMS_PROVISIONING_FAILED
			sp-a    | C1       | sp-a        | ''              | false | null
			''      | ''       | sp-b        | C2              | false | null
			''      | ''       | sp-unknown  | ''              | false | SMS_PROVISIONING_FAILED
			''      | ''       | sp-unknown  | CUNKNOWN        | false | SMS_PROVISIONING_FAILED
			''      | ''       | sp-a        | CUNKNOWN        | false | CAMPAIGN_NOT_AVAILABLE
			sp-a    | ''       | sp-a        | CUNKNOWN        | false | CAMPAIGN_NOT_AVAILABLE
			sp-gone | CGONE    | sp-gone     | CGONE           | false | null
			sp-gone | CGONE    | ''          | ''              | false | null
			sp-gone | CGONE    | sp-gone     | ''              | false | null
			""")
	void howAnSmsJobEnds(String plan, String campaign, String targetPlan, String targetCampaign, boolean fault,
			@Nullable String outcome) {
		assertThat(SinchRules.smsFailure(new SinchRules.SmsTarget(plan, campaign),
				new SinchRules.SmsTarget(targetPlan, targetCampaign), PROJECT_SMS, fault))
			.isEqualTo(outcome);
	}

	@Test
	void howAVoiceJobEnds() {
		assertThat(SinchRules.voiceFailure("app", false)).isNull();
		assertThat(SinchRules.voiceFailure("app", true)).isEqualTo(SinchRules.VOICE_PROVISIONING_FAILED);
		assertThat(SinchRules.voiceFailure("VFAILED1", false)).isEqualTo(SinchRules.VOICE_PROVISIONING_FAILED);
	}

	@ParameterizedTest(name = "{0}/{1} → {2}/{3} ({4}) → {5}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			# plan | campaign | target plan | target campaign | outcome                 | events
			''     | ''       | sp-a        | ''              | null                    | PROVISIONING_TO_SMS_PLATFORM:SUCCEEDED:null
			sp-a   | ''       | ''          | ''              | null                    | DEPROVISIONING_FROM_SMS_PLATFORM:SUCCEEDED:null
			sp-a   | ''       | sp-a        | C1              | CAMPAIGN_NOT_AVAILABLE  | PROVISIONING_TO_CAMPAIGN:FAILED:CAMPAIGN_NOT_AVAILABLE
			sp-a   | C1       | sp-a        | ''              | null                    | DEPROVISIONING_FROM_CAMPAIGN:SUCCEEDED:null
			''     | ''       | sp-a        | C1              | SMS_PROVISIONING_FAILED | PROVISIONING_TO_SMS_PLATFORM:FAILED:null PROVISIONING_TO_CAMPAIGN:FAILED:null
			""")
	void callbackEventsOfAnSmsJob(String plan, String campaign, String targetPlan, String targetCampaign,
			@Nullable String outcome, String events) {
		assertThat(SinchRules
			.smsEvents(new SinchRules.SmsTarget(plan, campaign), new SinchRules.SmsTarget(targetPlan, targetCampaign),
					outcome)
			.stream()
			.map(e -> e.eventType() + ":" + (e.succeeded() ? "SUCCEEDED" : "FAILED") + ":" + e.failureCode())
			.toList()).containsExactly(events.split(" "));
	}

	@Test
	void callbackEventsOfAVoiceJob() {
		assertThat(SinchRules.voiceEvent("app", null).eventType()).isEqualTo("PROVISIONING_TO_VOICE_PLATFORM");
		assertThat(SinchRules.voiceEvent("", null).eventType()).isEqualTo("DEPROVISIONING_FROM_VOICE_PLATFORM");
		assertThat(SinchRules.voiceEvent("app", "X").succeeded()).isFalse();
	}

	// ---------------------------------------------------------------- listing

	static List<String> violations(Runnable call) {
		try {
			call.run();
			return List.of();
		}
		catch (SinchSandboxException refused) {
			assertThat(refused.status()).isEqualTo(400);
			return refused.violations().stream().map(FieldViolation::field).toList();
		}
	}

	@ParameterizedTest(name = "regionCode={0} type={1} pattern={2}/{3} capability={4} orderBy={5} pageSize={6} → [{7}]")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			US   | LOCAL     | null  | null    | null      | null        | null | ''
			null | LOCAL     | null  | null    | null      | null        | null | regionCode
			US   | null      | null  | null    | null      | null        | null | type
			null | null      | null  | null    | null      | null        | null | regionCode type
			USA  | LOCAL     | null  | null    | null      | null        | null | regionCode
			us   | LOCAL     | null  | null    | null      | null        | null | regionCode
			US   | local     | null  | null    | null      | null        | null | type
			US   | TOLL_FREE | +1206 | START   | SMS       | displayName | 50   | ''
			US   | LOCAL     | 1206  | BEGIN   | null      | null        | null | numberPattern.searchPattern
			US   | LOCAL     | ' 1206' | START | null      | null        | null | numberPattern.pattern
			US   | LOCAL     | 12a   | null    | null      | null        | null | numberPattern.pattern
			US   | LOCAL     | null  | null    | MMS       | null        | null | capability
			US   | LOCAL     | null  | null    | null      | price       | null | orderBy
			US   | LOCAL     | null  | null    | null      | null        | -5   | pageSize
			US   | LOCAL     | null  | null    | null      | null        | many | pageSize
			""")
	void activeListQueries(@Nullable String region, @Nullable String type, @Nullable String pattern,
			@Nullable String search, @Nullable String capability, @Nullable String orderBy, @Nullable String pageSize,
			String expected) {
		List<String> found = violations(() -> SinchRules.activeListQuery(region, type, pattern, search,
				capability == null ? null : List.of(capability), orderBy, pageSize, null));
		assertThat(found).isEqualTo(expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" ")));
	}

	@ParameterizedTest(name = "pageSize {0} → {1}")
	@CsvSource(nullValues = "null", textBlock = """
			null, 100
			'', 100
			0, 100
			1, 1
			250, 250
			1000, 1000
			1001, 1000
			999999, 1000
			""")
	void pageSizes(@Nullable String pageSize, int expected) {
		assertThat(SinchRules.activeListQuery("US", "LOCAL", null, null, null, null, pageSize, null).pageSize())
			.isEqualTo(expected);
	}

	@Test
	void theNumberPatternBecomesALikePattern() {
		assertThat(new SinchRules.NumberPattern("+1206", "START").like()).isEqualTo("+1206%");
		assertThat(new SinchRules.NumberPattern("2020", "CONTAIN").like()).isEqualTo("%2020%");
		assertThat(new SinchRules.NumberPattern("99", "END").like()).isEqualTo("%99");
		// without a search pattern the digits may be anywhere
		assertThat(SinchRules.activeListQuery("US", "LOCAL", "555", null, null, null, null, null).pattern())
			.isEqualTo(new SinchRules.NumberPattern("555", "CONTAIN"));
	}

	@Test
	void aTokenBelongsToTheQueryItWasIssuedFor() {
		SinchRules.ActiveListQuery usLocal = SinchRules.activeListQuery("US", "LOCAL", null, null,
				List.of("VOICE", "SMS"), null, "10", null);
		String token = new PageToken(usLocal.fingerprint(), "", "+12065550100").encode();

		// same filters (capabilities in any order, another page size): the token continues the walk
		SinchRules.ActiveListQuery next = SinchRules.activeListQuery("US", "LOCAL", null, null, List.of("SMS", "VOICE"),
				null, "20", token);
		assertThat(next.after()).isEqualTo(new PageToken(usLocal.fingerprint(), "", "+12065550100"));

		assertThat(violations(() -> SinchRules.activeListQuery("US", "MOBILE", null, null, List.of("SMS", "VOICE"),
				null, null, token))).containsExactly("pageToken");
		assertThat(violations(() -> SinchRules.activeListQuery("US", "LOCAL", null, null, List.of("SMS", "VOICE"),
				"displayName", null, token))).containsExactly("pageToken");
		assertThat(violations(() -> SinchRules.importedListQuery("sp", "c", null, token))).containsExactly("pageToken");
	}

	@ParameterizedTest(name = "servicePlanId={0} campaignId={1} → [{2}]")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			sp   | C1   | ''
			sp   | ''   | ''
			null | C1   | servicePlanId
			sp   | null | campaignId
			null | null | servicePlanId campaignId
			""")
	void importedListingNeedsBothFilters(@Nullable String plan, @Nullable String campaign, String expected) {
		assertThat(violations(() -> SinchRules.importedListQuery(plan, campaign, null, null)))
			.isEqualTo(expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" ")));
	}

	@Test
	void regionsByType() {
		assertThat(SinchRules.regions(null)).extracting(SinchRules.Region::regionCode).containsExactly("US", "CA", "GB");
		assertThat(SinchRules.regions(List.of("MOBILE"))).extracting(SinchRules.Region::regionCode)
			.containsExactly("US", "GB");
		assertThat(SinchRules.regions(List.of("NUMBER_TYPE_UNSPECIFIED"))).hasSize(3);
		assertThatThrownBy(() -> SinchRules.regions(List.of("SATELLITE"))).isInstanceOf(SinchSandboxException.class);
	}
}

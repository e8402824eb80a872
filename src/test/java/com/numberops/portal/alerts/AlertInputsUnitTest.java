package com.numberops.portal.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What makes a rule or a channel acceptable: a table of inputs and the problem each has. */
class AlertInputsUnitTest {

	@ParameterizedTest(name = "{0} {1} code={2} N={3} window={4} channels={5}: {6}")
	@CsvSource(nullValues = "null", value = {
			// name,    kind,                code,                     N,        window, channels, problem (field:key)
			"Campaign,  PROVISIONING_FAILED, CAMPAIGN_NOT_AVAILABLE,   5,        60,     1,        null",
			"Campaign,  PROVISIONING_FAILED, 4001,                     1,        1,      1,        null",
			"Campaign,  PROVISIONING_FAILED, '',                       5,        60,     1,        errorCode:alerts.rule.code.required",
			"Campaign,  PROVISIONING_FAILED, null,                     5,        60,     1,        errorCode:alerts.rule.code.required",
			"Campaign,  PROVISIONING_FAILED, 'A B',                    5,        60,     1,        errorCode:alerts.rule.code.malformed",
			"Campaign,  PROVISIONING_FAILED, CAMPAIGN_NOT_AVAILABLE,   -1,       60,     1,        threshold:alerts.rule.threshold.range",
			"Campaign,  PROVISIONING_FAILED, CAMPAIGN_NOT_AVAILABLE,   0,        60,     1,        threshold:alerts.rule.threshold.range",
			"Campaign,  PROVISIONING_FAILED, CAMPAIGN_NOT_AVAILABLE,   null,     60,     1,        threshold:alerts.rule.threshold.range",
			"Campaign,  PROVISIONING_FAILED, CAMPAIGN_NOT_AVAILABLE,   1000001,  60,     1,        threshold:alerts.rule.threshold.range",
			"Campaign,  PROVISIONING_FAILED, CAMPAIGN_NOT_AVAILABLE,   5,        0,      1,        windowMinutes:alerts.rule.window.range",
			"Campaign,  PROVISIONING_FAILED, CAMPAIGN_NOT_AVAILABLE,   5,        10081,  1,        windowMinutes:alerts.rule.window.range",
			"Campaign,  PROVISIONING_FAILED, CAMPAIGN_NOT_AVAILABLE,   5,        60,     '',       channelIds:alerts.rule.channels.required",
			"'',        CHANGE_FAILED,       null,                     1,        60,     1,        name:alerts.name.required",
			"Changes,   CHANGE_FAILED,       null,                     1,        60,     1,        null",
			"Changes,   CHANGE_FAILED,       'ignored, no code here',  1,        60,     1,        null",
			"Changes,   null,                null,                     1,        60,     1,        kind:alerts.rule.kind.required",
			"Stale,     SYNC_STALE,          null,                     1,        120,    1,        null",
			"Waiting,   OVERRIDE_WAITING,    null,                     1,        30,     1,        null" })
	void aRule(String name, String kind, String code, Integer threshold, Integer window, String channels, String problem) {
		Set<Long> channelIds = channels.isEmpty() ? Set.of() : Set.of(Long.parseLong(channels));
		List<AlertInputs.Problem> problems = AlertInputs.check(new AlertInputs.Rule(name,
				kind == null ? null : RuleKind.valueOf(kind), code, threshold, window, channelIds));
		assertThat(problems).isEqualTo(problem == null ? List.of() : List.of(problem(problem)));
	}

	@ParameterizedTest(name = "{0} {1} {2} secret={3}: {4}")
	@CsvSource(nullValues = "null", value = {
			"Bell,   PORTAL,  null,                                  null,                  null",
			"Hook,   WEBHOOK, https://hooks.example.com/alerts,      null,                  null",
			"Hook,   WEBHOOK, http://127.0.0.1:9000/hook?x=1,        a-long-enough-secret,  null",
			"Hook,   WEBHOOK, https://hooks.example.com/alerts,      short,                 secret:alerts.channel.secret.short",
			"Hook,   WEBHOOK, not a url,                             null,                  target:alerts.channel.url.invalid",
			"Hook,   WEBHOOK, ftp://files.example.com/x,             null,                  target:alerts.channel.url.invalid",
			"Hook,   WEBHOOK, /relative/path,                        null,                  target:alerts.channel.url.invalid",
			"Hook,   WEBHOOK, https://user:pw@hooks.example.com/x,   null,                  target:alerts.channel.url.invalid",
			"Hook,   WEBHOOK, null,                                  null,                  target:alerts.channel.url.invalid",
			"Mail,   EMAIL,   ops@example.com,                       null,                  null",
			"Mail,   EMAIL,   'ops@example.com, oncall@example.com', null,                  null",
			"Mail,   EMAIL,   ops,                                   null,                  target:alerts.channel.email.invalid",
			"Mail,   EMAIL,   'ops@example.com; x',                  null,                  target:alerts.channel.email.invalid",
			"Mail,   EMAIL,   null,                                  null,                  target:alerts.channel.email.invalid",
			"'',     PORTAL,  null,                                  null,                  name:alerts.name.required",
			"Bell,   null,    null,                                  null,                  kind:alerts.channel.kind.required" })
	void aChannel(String name, String kind, String target, String secret, String problem) {
		List<AlertInputs.Problem> problems = AlertInputs.check(
				new AlertInputs.Channel(name, kind == null ? null : ChannelKind.valueOf(kind), target, secret));
		assertThat(problems).isEqualTo(problem == null ? List.of() : List.of(problem(problem)));
	}

	private static AlertInputs.Problem problem(String text) {
		String[] parts = text.split(":", 2);
		return new AlertInputs.Problem(parts[0], parts[1]);
	}
}

package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.Locator;
import com.numberops.portal.alerts.AlertEvaluation;
import com.numberops.portal.support.BrowserTest;

/**
 * An admin sets up an alert on /admin/alerts: a channel in the portal, a rule on a carrier error
 * code. Numbers then fail provisioning with that code, the rules are evaluated (as the
 * evaluate-alerts task does every minute), the bell shows the alert, and its link opens the
 * Numbers page filtered to exactly those numbers.
 */
class AdminSetsUpAnAlertIT extends BrowserTest {

	@Autowired
	AlertEvaluation evaluation;

	@Autowired
	JdbcTemplate jdbc;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	final String code = "IT_ALERT_" + tag.toUpperCase();

	@AfterEach
	void ruleOff() {
		jdbc.update("update alert_rules set enabled = false where error_code = ?", code);
	}

	@Test
	void theBellShowsTheAlertAndLeadsToTheNumbers() {
		// a first sign-in of a cold portal on a busy machine took longer than the shared 10 s twice
		page.setDefaultTimeout(30_000);
		loginSuccessfully("admin", DEMO_PASSWORD);
		page.navigate("/admin/alerts");
		assertThat(page.locator("#admin-alerts-tab")).hasClass(java.util.regex.Pattern.compile("active"));

		page.locator("#channel-form input[name=name]").fill("Ops bell " + tag);
		page.locator("#channel-kind").selectOption("PORTAL");
		page.locator("#channel-save").click();
		Locator channel = page.locator("#channels-table tr", new com.microsoft.playwright.Page.LocatorOptions()
			.setHasText("Ops bell " + tag));
		assertThat(channel).isVisible();

		page.locator("#rule-form input[name=name]").fill("Campaign failures " + tag);
		page.locator("#rule-kind").selectOption("PROVISIONING_FAILED");
		page.locator("#rule-form input[name=errorCode]").fill(code);
		page.locator("#rule-form input[name=threshold]").fill("-2");
		page.locator("#rule-form input[name=windowMinutes]").fill("60");
		page.getByLabel("Ops bell " + tag, new com.microsoft.playwright.Page.GetByLabelOptions().setExact(false)).check();
		page.locator("#rule-save").click();
		assertThat(page.locator("#threshold-errors")).containsText("from 1 to 1000000");

		page.locator("#rule-form input[name=threshold]").fill("2");
		page.getByLabel("Ops bell " + tag, new com.microsoft.playwright.Page.GetByLabelOptions().setExact(false)).check();
		page.locator("#rule-save").click();
		assertThat(page.locator("#rules-table")).containsText("Campaign failures " + tag);
		screenshot("rule-and-channel");

		long[] numbers = { failing("+1628555" + digits(1)), failing("+1628555" + digits(2)) };
		evaluation.evaluate(Instant.now());

		page.navigate("/");
		Locator bell = page.locator("#alerts-bell");
		assertThat(page.locator("#alerts-bell-count")).isVisible();
		bell.click();
		page.waitForURL(url("/alerts"));
		Locator alert = page.locator("#alerts-list > li", new com.microsoft.playwright.Page.LocatorOptions()
			.setHasText("Campaign failures " + tag));
		assertThat(alert).hasAttribute("data-unread", "true");
		assertThat(alert.locator("a.alert-link-main")).containsText("2 numbers failed provisioning with " + code);
		assertThat(alert.locator("a[href='/numbers/" + numbers[0] + "']")).isVisible();
		assertThat(page.locator("#alerts-bell-count")).hasCount(0);
		screenshot("the-bell");

		alert.locator("a.alert-link-main").click();
		page.waitForURL(address -> address.contains("/numbers?provisioningError=" + code));
		assertThat(page.locator("#number-results")).hasAttribute("data-count", "2");
		screenshot("the-numbers");
	}

	private String digits(int i) {
		return String.format("%04d", Math.floorMod((tag + i).hashCode(), 9000) + 1000);
	}

	private long failing(String number) {
		Long account = jdbc.queryForObject("select id from provider_accounts where provider = 'SINCH' order by id limit 1",
				Long.class);
		return jdbc.queryForObject("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, cap_sms, cap_voice, sms_provisioning_status, sms_provisioning_error_codes)
				values (?, ?, 'US', 'LOCAL', ?, 'SINCH', ?, true, true, 'FAILED', ?::text[]) returning id""", Long.class,
				number, "Alerted " + tag, account, "it-" + tag + number, "{" + code + "}");
	}
}

package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.Locator;
import com.numberops.portal.support.BrowserTest;

/**
 * An operator asks for an admin override of a number's enablement, an admin finds it on the
 * Approvals page (the navigation's badge counts it) and approves it, and the operator sees the
 * number's new effective state, the admin override marker and who approved it. A request from
 * the admin's own hand shows no Approve button to that admin.
 */
class OperatorRequestsOverrideIT extends BrowserTest {

	@Autowired
	JdbcTemplate jdbc;

	long numberId;

	/** The test's own number: a US Sinch line linked to a plan and a 10DLC campaign, enabled, Active. */
	@BeforeEach
	void ownNumber() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode)
				values ('SINCH', ?, 'Override browser test', 'SANDBOX') returning id""", Long.class, "ovr-it-" + tag);
		String e164 = "+1503" + String.format("%07d", (int) (Math.random() * 9_000_000) + 1_000_000);
		numberId = jdbc.queryForObject("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, business_id, business_name, cap_sms, cap_voice, sms_service_plan_id,
				    ten_dlc_campaign_id, inventory_state, status)
				values (?, 'Override desk', 'US', 'LOCAL', ?, 'SINCH', ?, 'biz-1', 'Acme', true, true, 'sp-1', 'C1',
				    'Ready for SMS', 'Active')
				returning id""", Long.class, e164, account, "ovr-it-" + tag);
	}

	private void logout() {
		page.locator("#logout").click();
		page.waitForURL(Pattern.compile(".*/login.*"));
	}

	private long pending() {
		return jdbc.queryForObject("select count(*) from override_requests where state = 'PENDING'", Long.class);
	}

	@Test
	void anOperatorRequestsAnAdminApprovesAndTheOperatorSeesTheNewEffectiveState() {
		// the operator asks for the number to be forced off
		loginSuccessfully("operator", DEMO_PASSWORD);
		page.navigate("/numbers/" + numberId);
		assertThat(page.locator("#effective-enablement")).hasText("Enabled");
		assertThat(page.locator("#override-clear-form")).hasCount(0);
		page.locator("#override-request-button").click();
		assertThat(page.locator("#override-reason-errors")).containsText("at least 3 characters");
		assertThat(page.locator("#override-request")).hasCount(0);
		page.locator("#override-force-disabled").check();
		page.locator("#override-reason").fill("Carrier flagged spam complaints on this line");
		page.locator("#override-request-button").click();
		assertThat(page.locator("#override-request")).hasAttribute("data-state", "PENDING");
		assertThat(page.locator("#toasts")).containsText("Override requested (disabled)");
		assertThat(page.locator("#override-outcome")).hasText("Waiting for an admin's decision.");
		assertThat(page.locator("#effective-enablement")).hasText("Enabled");
		// operators have no Approvals section
		assertThat(page.locator("#main-nav a[data-section=APPROVALS]")).hasCount(0);
		screenshot("1-operator-requested");
		long requestId = jdbc.queryForObject(
				"select id from override_requests where phone_number_id = ? and state = 'PENDING'", Long.class, numberId);
		logout();

		// an admin sees the badge, opens Approvals and approves
		loginSuccessfully("admin", DEMO_PASSWORD);
		Locator badge = page.locator("#nav-badge-APPROVALS");
		assertThat(badge).isVisible();
		assertThat(Long.parseLong(badge.textContent().strip())).isPositive().isEqualTo(pending());
		page.locator("#main-nav a[data-section=APPROVALS]").click();
		page.waitForURL(url("/approvals"));
		Locator row = page.locator("#request-" + requestId);
		assertThat(row).isVisible();
		assertThat(row.locator(".request-value")).hasText("Force disabled");
		assertThat(row.locator(".request-current")).hasText("Enabled");
		assertThat(row.locator(".request-reason")).hasText("Carrier flagged spam complaints on this line");
		assertThat(row.locator(".request-by")).not().isEmpty();
		screenshot("2-admin-approvals-page");
		long before = pending();
		row.locator(".decision-comment").fill("Confirmed with the carrier");
		row.locator(".approve-button").click();
		assertThat(page.locator("#toasts")).containsText("Request #" + requestId + " approved.");
		assertThat(page.locator("#request-" + requestId)).hasCount(0);
		assertThat(page.locator("#decision-" + requestId)).hasAttribute("data-state", "APPROVED");
		if (before > 1) {
			assertThat(page.locator("#nav-badge-APPROVALS")).hasText(String.valueOf(pending()));
		}
		screenshot("3-admin-approved");
		logout();

		// the operator sees the number forced off, and by whom
		loginSuccessfully("operator", DEMO_PASSWORD);
		page.navigate("/numbers/" + numberId);
		assertThat(page.locator("#effective-enablement")).hasAttribute("data-enabled", "false");
		assertThat(page.locator("#effective-enablement")).hasText("Disabled");
		assertThat(page.locator(".number-header .override-marker")).isVisible();
		assertThat(page.locator(".number-header .status-badge")).hasText("Suspended");
		assertThat(page.locator(".number-header .state-badge")).hasText("Suspended");
		assertThat(page.locator("#override-value")).hasText("Disabled");
		assertThat(page.locator("#override-request")).hasAttribute("data-state", "APPROVED");
		assertThat(page.locator("#override-outcome")).containsText("Approved by");
		assertThat(page.locator("#override-outcome")).containsText("Confirmed with the carrier");
		assertThat(page.locator("#number-timeline .timeline-event[data-type=OVERRIDE_APPROVED]")).hasCount(1);
		screenshot("4-operator-sees-new-state");
	}

	@Test
	void anAdminsOwnRequestHasNoApproveButtonForThemAndAnotherAdminClearsTheOverride() {
		loginSuccessfully("admin", DEMO_PASSWORD);
		page.navigate("/numbers/" + numberId);
		page.locator("#override-force-disabled").check();
		page.locator("#override-reason").fill("Pausing it myself");
		page.locator("#override-request-button").click();
		assertThat(page.locator("#override-request")).hasAttribute("data-state", "PENDING");
		long requestId = jdbc.queryForObject(
				"select id from override_requests where phone_number_id = ? and state = 'PENDING'", Long.class, numberId);
		page.locator("#override-decide-link").click();
		page.waitForURL(url("/approvals"));
		Locator row = page.locator("#request-" + requestId);
		assertThat(row.locator(".request-own")).isVisible();
		assertThat(row.locator(".approve-button")).hasCount(0);
		logout();

		String other = uniqueUsername("admin2");
		createUser(other, com.numberops.portal.users.Role.ADMIN, "long-enough-password-1");
		loginSuccessfully(other, "long-enough-password-1");
		page.navigate("/approvals");
		page.locator("#request-" + requestId + " .approve-button").click();
		assertThat(page.locator("#toasts")).containsText("approved");
		page.navigate("/numbers/" + numberId);
		assertThat(page.locator("#effective-enablement")).hasText("Disabled");
		page.locator("#override-clear-button").click();
		assertThat(page.locator("#toasts")).containsText("Override cleared");
		assertThat(page.locator("#effective-enablement")).hasText("Enabled");
		assertThat(page.locator("#override-request")).hasAttribute("data-state", "CLEARED");
		assertThat(page.locator("#override-clear-form")).hasCount(0);
		screenshot("5-admin-cleared");
	}
}

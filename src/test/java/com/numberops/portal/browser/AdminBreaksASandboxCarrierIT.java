package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.support.BrowserTest;

/**
 * The Providers page: an admin tests a carrier connection, switches a sandbox fault on, and sees
 * the next test fail with the provider's own message.
 */
class AdminBreaksASandboxCarrierIT extends BrowserTest {

	@Autowired
	SandboxFaults faults;

	@AfterEach
	void healthySandbox() {
		faults.clearAll();
	}

	@Test
	void aFaultMakesTheNextConnectionTestFailWithTheProvidersMessage() {
		loginSuccessfully("admin", DEMO_PASSWORD);
		page.navigate("/admin/providers");
		Locator sinch = page.locator("#accounts-table tr[data-provider=SINCH]");
		assertThat(sinch).containsText("Sandbox");
		assertThat(page.locator("#accounts-table tr[data-provider=FLOWROUTE]")).containsText("Sandbox");

		sinch.locator("button.test-connection").click();
		assertThat(sinch.locator(".connection-result[data-ok=true]")).containsText("OK");

		page.locator("#fault-form select[name=api]").selectOption("SINCH");
		page.locator("#fault-form select[name=endpoint]").selectOption("list");
		page.locator("#fault-form input[name=serverErrorPercent]").fill("100");
		page.locator("#set-fault").click();
		assertThat(page.locator("#active-faults")).containsText("SINCH");
		assertThat(page.locator("#active-faults")).containsText("100%");

		sinch = page.locator("#accounts-table tr[data-provider=SINCH]");
		sinch.locator("button.test-connection").click();
		Locator failed = sinch.locator(".connection-result[data-ok=false]");
		assertThat(failed).containsText("Failed");
		assertThat(failed).containsText("Internal error (sandbox 5xx fault).");
		assertThat(failed).containsText("500");
		screenshot("connection-failed-with-fault");

		page.locator("#clear-faults").click();
		assertThat(page.locator("#active-faults")).containsText("No fault is switched on");
	}
}

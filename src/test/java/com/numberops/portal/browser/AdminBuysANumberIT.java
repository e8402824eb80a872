package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.SelectOption;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.support.BrowserTest;
import com.numberops.portal.support.SandboxSinchProject;

/**
 * Getting a number in a browser: an admin opens Buy numbers from the Numbers page, finds local
 * numbers of area code 415, checks the setup and monthly cost, puts one in the cart, rents it
 * with an SMS service plan and a 10DLC campaign for a team under a name, lands on the number's
 * page while it is Provisioning, and follows it (the page polls while the rent is open) to Ready
 * for SMS. The sandbox settles provisioning in half a second and the outbox retries within one:
 * the test waits on what the page shows, never on a clock.
 */
class AdminBuysANumberIT extends BrowserTest {

	private static final LocatorAssertions.HasTextOptions SETTLES = new LocatorAssertions.HasTextOptions()
		.setTimeout(40_000);

	@Autowired
	SandboxDatabase sandbox;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void adminFindsANumberByAreaCodeRentsItAndFollowsItToReadyForSms() {
		SandboxSinchProject.has(sandbox.jdbc(), "sp-growth-01", "CA1B2C3");
		loginSuccessfully("admin", DEMO_PASSWORD);
		page.navigate("/numbers");
		page.locator("#buy-numbers").click();
		page.waitForURL(url("/numbers/buy"));

		// the regions follow the type at once: Sinch sells mobile numbers in the US and GB, not in CA
		page.locator("#buy-type").selectOption("MOBILE");
		assertThat(page.locator("#buy-region option")).hasCount(2);
		page.locator("#buy-type").selectOption("LOCAL");
		assertThat(page.locator("#buy-region option")).hasCount(3);
		page.locator("#buy-region").selectOption("US");
		page.locator("#buy-match").selectOption("STARTS");
		page.locator("#buy-pattern").fill("415");
		page.locator("#buy-cap-SMS").check();
		page.locator("#buy-search-button").click();

		Locator results = page.locator("#buy-results tbody tr");
		assertThat(results.first()).isVisible();
		assertThat(results.first().locator("td").first()).hasText(Pattern.compile("\\+1415\\d{7}"));
		// the first is a "vanity" number with a setup fee; the next ones cost only their month
		assertThat(results.first()).containsText("25.00 USD");
		Locator offer = results.nth(1);
		assertThat(page.locator("#buy-results thead")).containsText("Setup");
		assertThat(page.locator("#buy-results thead")).containsText("Monthly");
		String number = offer.locator("td").first().textContent().strip();
		assertThat(offer).containsText("0.00 USD");
		assertThat(offer).containsText("1.00 USD");

		offer.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
		Locator cartLine = page.locator("#cart-" + number.substring(1));
		assertThat(cartLine).isVisible();
		assertThat(page.locator("#buy-cart-total")).containsText("1.00 USD");
		screenshot("cart");

		page.locator("#buy-plan").fill("sp-growth-01");
		page.locator("#buy-campaign").fill("CA1B2C3");
		page.locator("#buy-team").selectOption(new SelectOption().setLabel("Growth"));
		page.locator("#buy-name").fill("Growth west coast line");
		page.locator("#buy-rent-button").click();

		page.waitForURL(Pattern.compile(".*/numbers/\\d+$"));
		assertThat(page.locator("#number-title")).hasText(number);
		assertThat(page.locator(".number-header .number-name")).hasText("Growth west coast line");
		assertThat(page.locator("#pending-changes tr.pending-change[data-kind='RENT']")).hasCount(1);

		assertThat(page.locator(".number-header .state-badge")).hasText("Ready for SMS", SETTLES);
		assertThat(page.locator(".number-header .status-badge")).hasText("Active");
		assertThat(page.locator("#section-10dlc")).containsText("CA1B2C3");
		screenshot("ready-for-sms");

		assertThat(jdbc.queryForObject("""
				select t.name from phone_numbers p join teams t on t.id = p.team_id where p.number = ? and p.provider = 'SINCH'""",
				String.class, number)).isEqualTo("Growth");
		assertThat(sandbox.jdbc().sql("select count(*) from sinch_numbers where phone_number = ?").param(number)
			.query(Integer.class).single()).isEqualTo(1);

		page.navigate("/changes");
		assertThat(page.locator("body")).containsText("Rent " + number);
	}
}

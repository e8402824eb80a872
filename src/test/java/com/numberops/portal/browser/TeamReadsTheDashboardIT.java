package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.Locator;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.support.BrowserTest;
import com.numberops.portal.support.SandboxMirror;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.sync.SyncRuns;
import com.numberops.portal.users.NewUser;
import com.numberops.portal.users.Role;

/**
 * The dashboard is the first page everyone sees: each role signs in to it, its figures are the
 * mirror's (for a team-limited viewer, their team's only), and a figure or a "needs attention"
 * count opens the Numbers page filtered to exactly those numbers.
 */
class TeamReadsTheDashboardIT extends BrowserTest {

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	MirrorSync sync;

	@Autowired
	SyncRuns runs;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void mirrorFilled() {
		SandboxMirror.fill(accounts, sync, runs, jdbc, "dashboard-browser-test");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "viewer", "operator", "admin" })
	void everyRoleLandsOnTheDashboardAndItsFiguresAreTheMirrors(String username) {
		loginSuccessfully(username, DEMO_PASSWORD);
		assertThat(page).hasURL(url("/"));
		assertThat(page.locator("#fleet")).isVisible();
		assertThat(page.locator("#attention")).isVisible();
		assertThat(page.locator("#trends")).isVisible();
		long total = jdbc.queryForObject("select count(*) from phone_numbers", Long.class);
		assertThat(figure("total")).hasText(String.format("%,d", total));
		long ready = jdbc.queryForObject("select count(*) from phone_numbers where inventory_state = 'Ready for SMS'",
				Long.class);
		assertThat(figure("ready_for_sms")).hasText(String.format("%,d", ready));
		screenshot(username);
	}

	@Test
	void aFigureOpensTheNumbersPageFilteredToExactlyItsNumbers() {
		loginSuccessfully("admin", DEMO_PASSWORD);
		String shown = figure("ready_for_sms").innerText().replace(",", "");
		page.locator("[data-figure=ready_for_sms]").click();
		page.waitForURL(address -> address.contains("/numbers"));
		assertThat(page.url()).contains("state=Ready%20for%20SMS");
		assertThat(page.locator("#number-results")).hasAttribute("data-count", shown);
	}

	@Test
	void aNeedsAttentionCountOpensTheMatchingNumbers() {
		loginSuccessfully("admin", DEMO_PASSWORD);
		Locator numbersConcern = page.locator("[data-concern] a.concern-count[href^='/numbers']").first();
		assertThat(numbersConcern).isVisible();
		String count = numbersConcern.innerText().replace(",", "");
		String href = numbersConcern.getAttribute("href");
		numbersConcern.click();
		page.waitForURL(url(href));
		assertThat(page.locator("#number-results")).hasAttribute("data-count", count);
		screenshot("followed-a-concern");
	}

	@Test
	void aTeamLimitedViewerSeesTheirTeamOnly() {
		Long team = jdbc.queryForObject("""
				select team_id from phone_numbers where team_id is not null group by team_id order by count(*) desc limit 1""",
				Long.class);
		long teamTotal = jdbc.queryForObject("select count(*) from phone_numbers where team_id = ?", Long.class, team);
		long everyone = jdbc.queryForObject("select count(*) from phone_numbers", Long.class);
		assertThat(teamTotal).isLessThan(everyone);
		String username = uniqueUsername("team-viewer");
		asAdmin(() -> userAdministration.create(new NewUser(username, "Team viewer", Role.VIEWER, "team-viewer-pw-1",
				Set.of(team))));
		loginSuccessfully(username, "team-viewer-pw-1");
		assertThat(page.locator("#dashboard-scope")).hasText("Your teams only");
		assertThat(figure("total")).hasText(String.format("%,d", teamTotal));
		assertThat(page.locator("[data-distribution=teams] tbody tr")).hasCount(1);
		screenshot("team-limited-viewer");
	}

	private Locator figure(String key) {
		return page.locator("[data-figure=" + key + "] .figure-count");
	}
}

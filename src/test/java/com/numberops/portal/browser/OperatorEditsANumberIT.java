package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.support.BrowserTest;
import com.numberops.portal.support.SandboxMirror;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.sync.SyncRuns;

/**
 * An operator edits a number on its page, over the sandbox fleet a real sync copied into the
 * mirror: a rename and an SMS reassignment travel to the (simulated) carrier and are watched to
 * completion on the page, which refreshes itself; a refused edit comes back as a field error and
 * changes nothing; a viewer gets neither the forms nor the endpoint; the Changes page lists what
 * the operator did with each change's state.
 */
class OperatorEditsANumberIT extends BrowserTest {

	/** Sandbox provisioning settles in about half a second here; htmx polls every 2 s. */
	private static final LocatorAssertions.HasAttributeOptions SETTLES = new LocatorAssertions.HasAttributeOptions()
		.setTimeout(30_000);

	/** Campaign the Sinch sandbox always fails to link, with CAMPAIGN_NOT_AVAILABLE. */
	private static final String FAILING_CAMPAIGN = "CFAILED1";

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	MirrorSync sync;

	@Autowired
	SyncRuns runs;

	@Autowired
	JdbcTemplate jdbc;

	/** The mirror holds every sandbox number (a sync of each account, once per test JVM). */
	@BeforeEach
	void mirrorFilled() {
		SandboxMirror.fill(accounts, sync, runs, jdbc, "edits-browser-test");
	}

	/**
	 * A Sinch active number nobody has changed from the portal yet (so every test gets its own, and
	 * the inventory test's numbers, the lowest ones, are left alone), editable, with nothing
	 * running at the carrier.
	 */
	private long untouchedSinchNumber(String condition) {
		return jdbc.queryForObject("""
				select id from phone_numbers n
				where provider = 'SINCH' and provider_released_at is null and provider_missing_since is null
				  and provider_release_scheduled_at is null and sms_provisioning_status is null
				  and voice_provisioning_status is null
				  and not exists (select 1 from pending_changes c where c.phone_number_id = n.id)
				  and %s
				order by number desc limit 1""".formatted(condition), Long.class);
	}

	/** A US number linked to a service plan, which the SMS form is shown for. */
	private long untouchedUsSmsNumber() {
		return untouchedSinchNumber("country_code = 'US' and cap_sms and coalesce(sms_service_plan_id, '') <> ''");
	}

	private int changesOf(long numberId) {
		return jdbc.queryForObject("select count(*) from pending_changes where phone_number_id = ?", Integer.class,
				numberId);
	}

	private long latestChange(long numberId, String kind) {
		return jdbc.queryForObject(
				"select max(id) from pending_changes where phone_number_id = ? and kind = ?", Long.class, numberId, kind);
	}

	private Locator changeRows() {
		return page.locator("#pending-changes tr.pending-change");
	}

	private static String uniqueName(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 6);
	}

	/** Types a name and renames; waits until the page shows it (htmx swaps the number in place). */
	private void rename(long id, String name) {
		page.navigate("/numbers/" + id);
		assertThat(page.locator("#number-edits")).isVisible();
		page.locator("#edit-name").fill(name);
		page.locator("#rename-button").click();
		assertThat(page.locator(".number-header .number-name")).hasText(name);
	}

	@Test
	void renamingInlineShowsTheNewNameAndTheChangeReachesTheCarrier() {
		long id = untouchedSinchNumber("true");
		String name = uniqueName("Browser renamed");

		loginSuccessfully("operator", DEMO_PASSWORD);
		rename(id, name);

		assertThat(page.locator("#toasts")).containsText("Rename saved and on its way to the carrier.");
		assertThat(changeRows()).hasCount(1);
		Locator row = page.locator("#change-" + latestChange(id, "RENAME"));
		assertThat(row).hasAttribute("data-kind", "RENAME");
		assertThat(row.locator(".change-summary")).containsText(name);
		assertThat(row).hasAttribute("data-state", "SUCCEEDED", SETTLES);
		assertThat(row.locator(".change-state")).hasText("SUCCEEDED");
		assertThat(row).containsText("operator");
		// the page reloaded itself when the change settled: the name is still the new one
		assertThat(page.locator(".number-header .number-name")).hasText(name);
		assertThat(page.locator("#edit-name")).hasValue(name);
		assertThat(page.locator("#section-identity")).containsText(name);
		assertThat(jdbc.queryForObject("select name from phone_numbers where id = ?", String.class, id)).isEqualTo(name);
		screenshot("renamed");
	}

	@Test
	void reassigningTheSmsPlanAndCampaignIsWatchedToCompletion() {
		long id = untouchedUsSmsNumber();
		String plan = jdbc.queryForObject("select sms_service_plan_id from phone_numbers where id = ?", String.class, id);
		String newPlan = jdbc.query("""
				select distinct sms_service_plan_id from phone_numbers
				where provider = 'SINCH' and coalesce(sms_service_plan_id, '') not in ('', ?, 'SPFAILED1')
				order by 1 limit 1""", (rs, n) -> rs.getString(1), plan).stream().findFirst().orElse("SPBROWSER1");
		String campaign = jdbc.queryForObject("select coalesce(ten_dlc_campaign_id, '') from phone_numbers where id = ?",
				String.class, id);
		// a campaign the account's numbers have (the carrier fails one its account does not have)
		String newCampaign = jdbc.query("""
				select distinct ten_dlc_campaign_id from phone_numbers
				where provider = 'SINCH' and coalesce(ten_dlc_campaign_id, '') not in ('', ?, 'CFAILED1')
				order by 1 limit 1""", (rs, n) -> rs.getString(1), campaign).stream().findFirst().orElseThrow();

		// every answer the page gets about this number, from the form's own redirect to the live polls
		List<String> states = new CopyOnWriteArrayList<>();
		List<String> polls = new CopyOnWriteArrayList<>();
		Pattern smsRow = Pattern.compile("class=\"pending-change[^\"]*\"[^>]*data-state=\"([A-Z_]+)\"[^>]*data-kind=\"SMS_CONFIGURATION\""
				+ "|data-kind=\"SMS_CONFIGURATION\"[^>]*data-state=\"([A-Z_]+)\"");
		String pagePath = "/numbers/" + id;

		loginSuccessfully("operator", DEMO_PASSWORD);
		page.navigate(pagePath);
		assertThat(page.locator("#edit-plan")).hasValue(plan);
		assertThat(page.locator("#no-pending-changes")).isVisible();
		page.onResponse(response -> {
			String address = response.url();
			if (!response.request().method().equals("GET") || !address.startsWith(url(pagePath))
					|| address.length() > url(pagePath).length() && address.charAt(url(pagePath).length()) != '?') {
				return;
			}
			if (address.contains("open=")) {
				polls.add(address + (response.headers().containsKey("hx-refresh") ? " (refresh)" : ""));
			}
			try {
				Matcher state = smsRow.matcher(response.text());
				if (state.find()) {
					states.add(state.group(1) != null ? state.group(1) : state.group(2));
				}
			}
			catch (RuntimeException ignored) {
				// a response the page navigated away from has no body any more
			}
		});

		page.locator("#edit-plan").fill(newPlan);
		page.locator("#edit-campaign").fill(newCampaign);
		page.locator("#sms-button").click();

		Locator row = page.locator("#pending-changes tr.pending-change[data-kind='SMS_CONFIGURATION']");
		assertThat(row).hasCount(1);
		assertThat(row.locator(".change-summary")).containsText(newPlan);
		assertThat(row).hasAttribute("data-state", "SUCCEEDED", SETTLES);
		// nobody reloaded by hand: the section polled while the change was open, then asked for a refresh
		assertThat(polls).isNotEmpty();
		assertThat(polls.get(polls.size() - 1)).endsWith("(refresh)");
		assertThat(states).first().isIn("PENDING", "IN_PROGRESS", "WAITING_FOR_PROVIDER");
		assertThat(states).last().isEqualTo("SUCCEEDED");

		assertThat(page.locator("#section-configuration")).containsText(newPlan);
		assertThat(page.locator("#section-configuration")).not().containsText("Provisioning plan");
		assertThat(page.locator("#section-10dlc")).containsText(newCampaign);
		assertThat(page.locator("#edit-plan")).hasValue(newPlan);
		assertThat(page.locator("#edit-campaign")).hasValue(newCampaign);
		assertThat(page.locator("#pending-changes")).hasAttribute("data-open", "0");
		assertThat(jdbc.queryForMap("select sms_service_plan_id, ten_dlc_campaign_id from phone_numbers where id = ?", id))
			.containsEntry("sms_service_plan_id", newPlan)
			.containsEntry("ten_dlc_campaign_id", newCampaign);
		screenshot("sms-reassigned");
	}

	@Test
	void aBlankNameIsRefusedNextToTheFieldAndChangesNothing() {
		long id = untouchedSinchNumber("name is not null");
		Map<String, Object> before = jdbc.queryForMap("select name, version from phone_numbers where id = ?", id);

		loginSuccessfully("operator", DEMO_PASSWORD);
		page.navigate("/numbers/" + id);
		assertThat(page.locator("#no-pending-changes")).isVisible();
		page.locator("#edit-name").fill("   ");
		page.locator("#rename-button").click();

		Locator error = page.locator("#rename-form #name-errors");
		assertThat(error).hasText("A name is required.");
		assertThat(page.locator("#edit-name")).hasClass(Pattern.compile("\\bis-invalid\\b"));
		assertThat(page.locator("#toasts")).containsText("Not changed");
		assertThat(page.locator(".number-header .number-name")).hasText((String) before.get("name"));
		assertThat(page.locator("#no-pending-changes")).isVisible();
		assertThat(changeRows()).hasCount(0);
		assertThat(changesOf(id)).isZero();
		assertThat(jdbc.queryForMap("select name, version from phone_numbers where id = ?", id)).isEqualTo(before);
		screenshot("blank-name");
	}

	@Test
	void aViewerGetsNoFormsNoChangeButtonsAndNoEdit(Browser browser) {
		long id = untouchedSinchNumber("name is not null");
		String name = jdbc.queryForObject("select name from phone_numbers where id = ?", String.class, id);
		// a failed change: an operator would be offered Retry and Cancel on it
		long failed = jdbc.queryForObject("""
				insert into pending_changes (phone_number_id, kind, fields, payload, state, attempts, provider_code,
				    provider_message, requested_by)
				values (?, 'VOICE_APP', array[]::text[], '{"appId": "VFAILED1"}', 'FAILED', 1, '400', 'Refused by the carrier',
				    'operator')
				returning id""", Long.class, id);
		try {
			// the same request from an operator's page is accepted (and refused on its merits): the token is right
			BrowserContext operator = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl()));
			try {
				Page operatorPage = operator.newPage();
				signIn(operatorPage, "operator");
				operatorPage.navigate("/numbers/" + id);
				assertThat(operatorPage.locator("#change-" + failed + " .change-retry")).isVisible();
				assertThat(operatorPage.locator("#change-" + failed + " .change-cancel")).isVisible();
				assertThat(postBlankRename(operatorPage, id)).isEqualTo(200);
			}
			finally {
				operator.close();
			}

			loginSuccessfully("viewer", DEMO_PASSWORD);
			page.navigate("/numbers/" + id);
			assertThat(page.locator("#number-title")).isVisible();
			assertThat(page.locator("#change-" + failed)).hasAttribute("data-state", "FAILED");
			assertThat(page.locator("#number-edits")).hasCount(0);
			assertThat(page.locator("form[action*='/edits/']")).hasCount(0);
			assertThat(page.locator(".change-retry, .change-cancel, .change-restore")).hasCount(0);
			assertThat(page.locator(".change-actions")).hasCount(0);
			screenshot("viewer");

			assertThat(postRename(page, id, "Viewer was here").get("status")).isEqualTo(403);
			assertThat(jdbc.queryForObject("select name from phone_numbers where id = ?", String.class, id)).isEqualTo(name);
			assertThat(changesOf(id)).isEqualTo(1);
		}
		finally {
			jdbc.update("delete from pending_changes where id = ?", failed);
		}
	}

	private void signIn(Page other, String username) {
		other.navigate("/login");
		other.locator("#username").fill(username);
		other.locator("#password").fill(DEMO_PASSWORD);
		other.locator("#login-form button[type=submit]").click();
		assertThat(other.locator("#main-nav")).isVisible();
	}

	private int postBlankRename(Page from, long id) {
		return ((Number) postRename(from, id, "").get("status")).intValue();
	}

	/** A form POST from the page's own script, with its session cookie and the CSRF header htmx sends. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> postRename(Page from, long id, String name) {
		return (Map<String, Object>) from.evaluate("""
				async ([path, name]) => {
				  const headers = JSON.parse(document.body.getAttribute('hx-headers'));
				  const response = await fetch(path, { method: 'POST', headers: headers,
				      body: new URLSearchParams({ name: name }) });
				  return { status: response.status, url: response.url };
				}""", List.of("/numbers/" + id + "/edits/rename", name));
	}

	@Test
	void theChangesPageListsTheOperatorsChangesWithTheirStates() {
		long renamed = untouchedSinchNumber("true");
		String name = uniqueName("Listed rename");
		long failing = untouchedUsSmsNumber();
		String plan = jdbc.queryForObject("select sms_service_plan_id from phone_numbers where id = ?", String.class,
				failing);

		loginSuccessfully("operator", DEMO_PASSWORD);
		rename(renamed, name);
		long renameChange = latestChange(renamed, "RENAME");
		assertThat(page.locator("#change-" + renameChange)).hasAttribute("data-state", "SUCCEEDED", SETTLES);

		page.navigate("/numbers/" + failing);
		page.locator("#edit-plan").fill(plan);
		page.locator("#edit-campaign").fill(FAILING_CAMPAIGN);
		page.locator("#sms-button").click();
		// no number of the account has that campaign: the form asks once more before sending it
		assertThat(page.locator("#campaignId-warning")).containsText(FAILING_CAMPAIGN);
		assertThat(page.locator("#sms-button")).hasText("Reassign anyway");
		page.locator("#sms-button").click();
		assertThat(page.locator("#pending-changes tr.pending-change[data-kind='SMS_CONFIGURATION']")).hasCount(1);
		long smsChange = latestChange(failing, "SMS_CONFIGURATION");

		page.navigate("/changes?user=operator");
		assertThat(page.locator("#user")).hasValue("operator");
		Locator renameRow = page.locator("#changes-table tr.change-row#change-" + renameChange);
		assertThat(renameRow).hasAttribute("data-state", "SUCCEEDED");
		assertThat(renameRow.locator(".change-state")).hasText("Succeeded");
		assertThat(renameRow.locator(".change-summary")).containsText(name);
		assertThat(renameRow).containsText(jdbc.queryForObject("select number from phone_numbers where id = ?",
				String.class, renamed));
		// the list refreshes itself while the reassignment is open, until the carrier refuses the campaign
		Locator smsRow = page.locator("#changes-table tr.change-row#change-" + smsChange);
		assertThat(smsRow).hasAttribute("data-state", "FAILED", SETTLES);
		assertThat(smsRow.locator(".change-state")).hasText("Failed");
		assertThat(smsRow.locator(".change-message")).containsText("CAMPAIGN_NOT_AVAILABLE");
		assertThat(smsRow.locator(".change-retry")).isVisible();
		assertThat(smsRow.locator(".change-restore")).isVisible();

		int mine = jdbc.queryForObject("select count(*) from pending_changes where requested_by = 'operator'",
				Integer.class);
		Locator rows = page.locator("#changes-table tr.change-row");
		assertThat(rows.first()).isVisible();
		for (Locator row : rows.all()) {
			assertThat(row.locator("td").nth(7)).hasText("operator");
		}
		assertThat(rows.count()).isBetween(2, mine);
		screenshot("changes");

		// the number itself says it needs attention, with the carrier's code explained
		page.navigate("/numbers/" + failing);
		Locator attention = page.locator(".number-header .attention-badge");
		assertThat(attention).containsText("needs attention");
		assertThat(attention).hasAttribute("title", java.util.regex.Pattern.compile(".*CAMPAIGN_NOT_AVAILABLE.*"));
		screenshot("needs-attention");
	}
}

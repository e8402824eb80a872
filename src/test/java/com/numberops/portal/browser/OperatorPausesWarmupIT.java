package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.support.BrowserTest;
import com.numberops.portal.support.SandboxMirror;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.sync.SyncRuns;

/**
 * An operator warms up a number's SMS from its page, over the sandbox fleet a real sync copied
 * into the mirror (synced local and mobile numbers get the warmup capability when first mirrored):
 * turns it on, is refused a pause without a reason, pauses with one, resumes; every step is on
 * the page and in the number's timeline. A viewer sees the warmup state but no buttons and cannot
 * post one; an ineligible (toll-free) number offers Turn on disabled, saying why.
 */
class OperatorPausesWarmupIT extends BrowserTest {

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
		SandboxMirror.fill(accounts, sync, runs, jdbc, "warmup-browser-test");
	}

	/**
	 * A synced Sinch number still active at the carrier, Active and effectively enabled, whose
	 * warmup nobody has turned on and which no portal change touched (the highest id: the other
	 * browser tests pick by number or the lowest ones).
	 */
	private long untouchedSinchNumber(String condition) {
		return jdbc.queryForObject("""
				select id from phone_numbers n
				where provider = 'SINCH' and provider_released_at is null and provider_missing_since is null
				  and provider_release_scheduled_at is null and status = 'Active'
				  and coalesce(override_enabled, enabled) and not coalesce(warmup_enabled, false)
				  and coalesce(warmup_state, 'Not Started') = 'Not Started'
				  and not exists (select 1 from pending_changes c where c.phone_number_id = n.id)
				  and not exists (select 1 from override_requests o where o.phone_number_id = n.id)
				  and %s
				order by id desc limit 1""".formatted(condition), Long.class);
	}

	/** Eligible for SMS warmup: a local or mobile number with SMS, which the sync made warmup-capable. */
	private long eligibleNumber() {
		return untouchedSinchNumber("number_type in ('LOCAL', 'MOBILE') and cap_sms and cap_warmup");
	}

	private Map<String, Object> warmupRow(long id) {
		return jdbc.queryForMap("""
				select warmup_enabled, warmup_state, warmup_pause_reason, version from phone_numbers where id = ?""", id);
	}

	private int warmupEvents(long id) {
		return jdbc.queryForObject("select count(*) from number_events where phone_number_id = ? and type = 'WARMUP'",
				Integer.class, id);
	}

	private Locator controls() {
		return page.locator("#warmup-sms-controls");
	}

	/** The value next to a label in the SMS warmup section's facts. */
	private Locator warmupFact(String label) {
		return page.locator("#section-warmup dl.facts dt").filter(new Locator.FilterOptions().setHasText(Pattern.compile("^" + label + "$")))
			.locator("xpath=following-sibling::dd[1]");
	}

	private Locator warmupEvent(String title) {
		return page.locator("#number-timeline .timeline-event[data-type=WARMUP]")
			.filter(new Locator.FilterOptions().setHas(page.locator(".event-title")
				.and(page.getByText(title, new Page.GetByTextOptions().setExact(true)))));
	}

	@Test
	void anOperatorTurnsSmsWarmupOnPausesWithAReasonAndResumes() {
		long id = eligibleNumber();
		String reason = "Carrier filtering spike " + UUID.randomUUID().toString().substring(0, 6);

		loginSuccessfully("operator", DEMO_PASSWORD);
		page.navigate("/numbers/" + id);
		assertThat(controls()).hasAttribute("data-state", "Not Started");
		assertThat(page.locator("#warmup-sms-on")).isEnabled();
		assertThat(page.locator("#warmup-sms-why")).hasCount(0);
		assertThat(page.locator("#warmup-sms-pause")).hasCount(0);

		// on: the ramp starts Warming, and the timeline says who turned it on
		page.locator("#warmup-sms-on").click();
		assertThat(controls()).hasAttribute("data-state", "Warming");
		assertThat(page.locator("#toasts")).containsText("SMS warmup turned on.");
		assertThat(warmupFact("State")).hasText("Warming");
		assertThat(warmupFact("Enabled")).hasText("Yes");
		assertThat(page.locator("#warmup-sms-on")).hasCount(0);
		assertThat(page.locator("#warmup-sms-off")).isVisible();
		assertThat(page.locator("#warmup-sms-pause")).isVisible();
		assertThat(page.locator("#warmup-sms-resume")).hasCount(0);
		// the swapped-in part of the page holds the timeline too: no reload needed
		Locator turnedOn = warmupEvent("SMS warmup turned on");
		assertThat(turnedOn).hasCount(1);
		assertThat(turnedOn.locator(".event-before")).hasText("Not Started");
		assertThat(turnedOn.locator(".event-after")).hasText("Warming");
		assertThat(turnedOn).containsText("Oscar Operator");
		Map<String, Object> warming = warmupRow(id);
		assertThat(warming).containsEntry("warmup_enabled", true).containsEntry("warmup_state", "Warming");
		assertThat(warmupEvents(id)).isEqualTo(1);

		// a pause without a reason is refused next to the field and changes nothing
		page.locator("#warmup-sms-reason-input").fill("");
		page.locator("#warmup-sms-pause").click();
		assertThat(page.locator("#warmup-sms-reason-errors")).hasText("Say why warmup is paused.");
		assertThat(page.locator("#warmup-sms-reason-input")).hasClass(Pattern.compile("\\bis-invalid\\b"));
		assertThat(page.locator("#toasts")).containsText("SMS warmup not changed");
		assertThat(controls()).hasAttribute("data-state", "Warming");
		assertThat(warmupFact("Pause reason")).hasText("—");
		assertThat(warmupRow(id)).isEqualTo(warming);
		assertThat(warmupEvents(id)).isEqualTo(1);

		// with a reason: Paused, the reason shown, Resume offered instead of Pause
		page.locator("#warmup-sms-reason-input").fill(reason);
		page.locator("#warmup-sms-pause").click();
		assertThat(controls()).hasAttribute("data-state", "Paused");
		assertThat(page.locator("#toasts")).containsText("SMS warmup paused.");
		assertThat(warmupFact("State")).hasText("Paused");
		assertThat(warmupFact("Pause reason")).hasText(reason);
		assertThat(page.locator("#section-warmup")).containsText(reason);
		assertThat(page.locator("#warmup-sms-reason-errors")).hasCount(0);
		assertThat(page.locator("#warmup-sms-pause")).hasCount(0);
		assertThat(page.locator("#warmup-sms-resume")).isEnabled();
		assertThat(page.locator("#warmup-sms-off")).isVisible();
		assertThat(warmupRow(id)).containsEntry("warmup_state", "Paused").containsEntry("warmup_pause_reason", reason);
		screenshot("1-paused");

		// resume: Warming again, the reason gone
		page.locator("#warmup-sms-resume").click();
		assertThat(controls()).hasAttribute("data-state", "Warming");
		assertThat(page.locator("#toasts")).containsText("SMS warmup resumed.");
		assertThat(warmupFact("State")).hasText("Warming");
		assertThat(warmupFact("Pause reason")).hasText("—");
		assertThat(page.locator("#warmup-sms-resume")).hasCount(0);
		assertThat(page.locator("#warmup-sms-pause")).isVisible();
		assertThat(warmupRow(id)).containsEntry("warmup_state", "Warming").containsEntry("warmup_pause_reason", null);

		Locator paused = warmupEvent("SMS warmup paused");
		assertThat(paused).hasCount(1);
		assertThat(paused.locator(".event-details")).hasText("Reason: " + reason);
		assertThat(paused.locator(".event-after")).hasText("Paused");
		Locator resumed = warmupEvent("SMS warmup resumed");
		assertThat(resumed).hasCount(1);
		assertThat(resumed.locator(".event-before")).hasText("Paused");
		assertThat(resumed.locator(".event-after")).hasText("Warming");
		assertThat(warmupEvents(id)).isEqualTo(3);
		screenshot("2-resumed");
	}

	@Test
	void aViewerSeesTheWarmupStateButNoButtons(Browser browser) {
		long id = eligibleNumber();

		// an operator turns the warmup on, in a session of their own
		BrowserContext operator = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl()));
		try {
			Page operatorPage = operator.newPage();
			signIn(operatorPage, "operator");
			operatorPage.navigate("/numbers/" + id);
			operatorPage.locator("#warmup-sms-on").click();
			assertThat(operatorPage.locator("#warmup-sms-controls")).hasAttribute("data-state", "Warming");
		}
		finally {
			operator.close();
		}
		Map<String, Object> warming = warmupRow(id);

		loginSuccessfully("viewer", DEMO_PASSWORD);
		page.navigate("/numbers/" + id);
		assertThat(controls()).hasAttribute("data-state", "Warming");
		assertThat(warmupFact("State")).hasText("Warming");
		assertThat(page.locator("#section-warmup .warmup-buttons, #section-call-warmup .warmup-buttons")).hasCount(0);
		assertThat(page.locator("[id^=warmup-sms-], [id^=warmup-call-]").and(page.locator("button, form, input")))
			.hasCount(0);
		assertThat(page.locator("#section-warmup button, #section-call-warmup button")).hasCount(0);
		assertThat(warmupEvent("SMS warmup turned on")).hasCount(1);
		screenshot("3-viewer");

		// nor can the viewer post what the buttons would
		assertThat(post(id, "pause", "Viewer was here")).isEqualTo(403);
		assertThat(post(id, "off", "")).isEqualTo(403);
		assertThat(warmupRow(id)).isEqualTo(warming);
	}

	@Test
	void aTollFreeNumberOffersTurnOnDisabledAndSaysWhy() {
		long id = untouchedSinchNumber("number_type = 'TOLL_FREE' and cap_sms and not cap_warmup");
		String why = "This number does not have the warmup capability.";

		loginSuccessfully("operator", DEMO_PASSWORD);
		page.navigate("/numbers/" + id);
		assertThat(controls()).hasAttribute("data-state", "Not Started");
		Locator turnOn = page.locator("#warmup-sms-on");
		assertThat(turnOn).isVisible();
		assertThat(turnOn).isDisabled();
		assertThat(turnOn).hasAttribute("title", why);
		assertThat(page.locator("#warmup-sms-why")).hasText(why);
		assertThat(page.locator("#warmup-sms-pause, #warmup-sms-resume, #warmup-sms-off")).hasCount(0);
		screenshot("4-toll-free");

		// the service refuses it too, whatever the page offers
		Map<String, Object> before = warmupRow(id);
		int events = warmupEvents(id);
		assertThat(post(id, "on", "")).isEqualTo(200);
		page.reload();
		assertThat(controls()).hasAttribute("data-state", "Not Started");
		assertThat(warmupRow(id)).isEqualTo(before).containsEntry("warmup_enabled", false);
		assertThat(warmupEvents(id)).isEqualTo(events);
	}

	private void signIn(Page other, String username) {
		other.navigate("/login");
		other.locator("#username").fill(username);
		other.locator("#password").fill(DEMO_PASSWORD);
		other.locator("#login-form button[type=submit]").click();
		assertThat(other.locator("#main-nav")).isVisible();
	}

	/** A warmup form POST from the page's own script, with its session cookie and the CSRF header htmx sends. */
	private int post(long id, String action, String reason) {
		return ((Number) page.evaluate("""
				async ([path, reason]) => {
				  const headers = JSON.parse(document.body.getAttribute('hx-headers'));
				  const response = await fetch(path, { method: 'POST', headers: headers,
				      body: new URLSearchParams({ reason: reason }) });
				  return response.status;
				}""", List.of("/numbers/" + id + "/warmup/sms/" + action, reason))).intValue();
	}
}

package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.sandbox.Fault;
import com.numberops.portal.sandbox.SandboxApi;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.support.BrowserTest;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.sync.SyncRequests;
import com.numberops.portal.sync.SyncRun;
import com.numberops.portal.sync.SyncRuns;
import com.numberops.portal.sync.SyncTrigger;

/**
 * The Sync page in a browser: an operator presses Sync now, watches the progress bar fill while
 * the page polls, and sees the finished run at the top of the list, all without a reload; a
 * viewer has no button, and posting to it directly is refused.
 */
class OperatorSyncsNowIT extends BrowserTest {

	@Autowired
	SandboxFaults faults;

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	SyncRuns runs;

	@Autowired
	SyncRequests requests;

	@Autowired
	MirrorSync sync;

	@AfterEach
	void healthyAndIdle() {
		faults.clearAll();
		for (ProviderAccount account : accounts.all()) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> !requests.queued(account.id()) && runs.running(account.id()).isEmpty());
		}
	}

	@Test
	void operatorPressesSyncNowWatchesTheProgressAndSeesTheRunInTheList() {
		ProviderAccount sinch = account(ProviderKind.SINCH);
		// each of the nine Sinch listings answers after 300 ms: the run lasts a few polls
		faults.set(SandboxApi.SINCH, "list", Fault.latency(300));
		List<Long> before = runIds(sinch);

		loginSuccessfully("operator", DEMO_PASSWORD);
		page.navigate("/sync");
		assertThat(page.locator(".sync-card")).hasCount(accounts.all().size());
		Locator card = page.locator("#sync-account-" + sinch.id());
		assertThat(card.locator("h2")).hasText("Sinch active numbers");
		// a full reload would wipe this
		page.evaluate("() => { window.portalTestMarker = 'same page'; }");

		card.locator("button.sync-now").click();

		assertThat(page.locator(".portal-toast")).containsText("Sync of Sinch active numbers queued");
		assertThat(card.locator("button.sync-now")).isDisabled();
		assertThat(card.locator("progress.sync-progress")).isVisible();
		// queued first, perhaps only for an instant; then running with its counts
		Locator running = card.locator(".sync-status[data-state=running]");
		assertThat(running).isVisible();
		assertThat(running).containsText(Pattern.compile("\\d+ numbers? fetched · listing \\d of 9"));
		assertThat(running).containsText("by operator");
		screenshot("progress");

		// the run ends: the card stops polling, the bar goes, the run heads the list
		assertThat(card.locator(".sync-status")).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
		assertThat(card).not().hasAttribute("hx-trigger", Pattern.compile(".*"));
		SyncRun run = runs.recent(sinch.id(), 20).stream().filter(candidate -> !before.contains(candidate.id()))
			.findFirst().orElseThrow();
		Locator newest = card.locator("tr.sync-run").first();
		assertThat(newest).hasAttribute("id", "sync-run-" + run.id());
		assertThat(newest).hasAttribute("data-status", SyncRun.SUCCEEDED);
		assertThat(newest).containsText("Sync now · operator");
		assertThat(newest).containsText(String.valueOf(run.fetched()));
		assertThat(card.locator("button.sync-now")).isEnabled();
		assertThat(page).hasURL(url("/sync"));
		assertThat(page.evaluate("() => window.portalTestMarker")).isEqualTo("same page");
		screenshot("finished");
	}

	@Test
	void aViewerSeesWhyARunFailedHasNoSyncNowAndADirectPostIsRefused() {
		ProviderAccount flowroute = account(ProviderKind.FLOWROUTE);
		faults.set(SandboxApi.FLOWROUTE, "list", Fault.serverErrors(1.0));
		SyncRun failed = sync.syncAccount(flowroute.id(), SyncTrigger.SCHEDULED, null).orElseThrow();
		faults.clearAll();
		ProviderAccount sinch = account(ProviderKind.SINCH);
		List<Long> before = runIds(sinch);

		loginSuccessfully("viewer", DEMO_PASSWORD);
		page.navigate("/sync");
		assertThat(page.locator(".sync-card")).hasCount(accounts.all().size());
		assertThat(page.locator("button.sync-now")).hasCount(0);
		Locator failedRow = page.locator("#sync-run-" + failed.id());
		assertThat(failedRow).hasAttribute("data-status", SyncRun.FAILED);
		assertThat(failedRow).containsText("Scheduled");
		assertThat(page.locator("#sync-account-" + flowroute.id() + " .sync-error-message"))
			.hasText(String.valueOf(failed.errorMessage()));
		screenshot("viewer");

		// what a crafted request would send: the page's own session and CSRF token
		String token = (String) page.evaluate("() => JSON.parse(document.body.getAttribute('hx-headers'))['X-CSRF-TOKEN']");
		assertThat(token).isNotBlank();
		APIResponse refused = page.request()
			.post(url("/sync/" + sinch.id() + "/run"), RequestOptions.create().setHeader("X-CSRF-TOKEN", token)
				.setHeader("HX-Request", "true"));
		assertThat(refused.status()).isEqualTo(403);
		APIResponse refusedForm = page.request()
			.post(url("/sync/" + sinch.id() + "/run"), RequestOptions.create().setHeader("Accept", "text/html")
				.setForm(FormData.create().set("_csrf", token)));
		assertThat(refusedForm.status()).isEqualTo(403);
		assertThat(refusedForm.text()).contains("You may not open this page");

		assertThat(requests.queued(sinch.id())).isFalse();
		assertThat(runIds(sinch)).isEqualTo(before);
	}

	private ProviderAccount account(ProviderKind kind) {
		return accounts.all().stream().filter(account -> account.provider() == kind).findFirst().orElseThrow();
	}

	private List<Long> runIds(ProviderAccount account) {
		return runs.recent(account.id(), 1000).stream().map(SyncRun::id).toList();
	}
}

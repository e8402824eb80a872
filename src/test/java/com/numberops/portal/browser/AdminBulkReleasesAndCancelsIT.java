package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.numberops.portal.changes.Edit;
import com.numberops.portal.changes.NumberEdits;
import com.numberops.portal.support.BrowserTest;
import com.numberops.portal.users.PortalPrincipal;

/**
 * A bulk release in a browser (issue 17, item 6): an admin ticks three numbers on the Numbers page,
 * one of them already pending release, chooses Release with a reason, reads the dry run (two held,
 * one left alone and why), is asked by the browser (a dismissed question sends nothing), confirms,
 * reads on the batch's page until when the numbers are held, then cancels the releases, and the
 * Numbers page shows the numbers kept again.
 */
class AdminBulkReleasesAndCancelsIT extends BrowserTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NumberEdits edits;

	@Autowired
	UserDetailsService users;

	@Test
	void anAdminReleasesThreeTickedNumbersAndCancelsTheReleases() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		// digits no seeded number has, so a search finds exactly these
		String block = "1554" + (1000 + Math.floorMod(tag.hashCode(), 8999));
		long account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode)
				values ('SINCH', ?, 'Bulk release browser test', 'SANDBOX') returning id""", Long.class, "bulk-it-" + tag);
		List<Long> ids = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			ids.add(jdbc.queryForObject("""
					insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
					    provider_phone_number_id, cap_sms, cap_voice, inventory_state, status)
					values (?, 'Winding down', 'US', 'LOCAL', ?, 'SINCH', ?, true, true, 'Available', 'Active')
					returning id""", Long.class, "+" + block + "00" + i, account, tag + "-" + i));
		}
		long held = ids.get(2);
		// the third is released on its own first: the bulk release must leave it alone
		asAdmin(() -> edits.submit((PortalPrincipal) users.loadUserByUsername("admin"), held, new Edit.Release("Released alone"), null, null));

		loginSuccessfully("admin", DEMO_PASSWORD);

		page.navigate("/numbers?q=" + block);
		assertThat(page.locator("tr.number-row")).hasCount(3);
		for (long id : ids) {
			page.locator("#number-" + id + " input.bulk-check").check();
		}
		assertThat(page.locator("#bulk-selected-count")).hasText("3 selected");
		screenshot("selected");
		page.locator("#bulk-selected").click();

		assertThat(page.locator("#bulk-selection")).containsText("3 selected numbers");
		page.locator("#bulk-kind").selectOption("RELEASE");
		assertThat(page.locator("#bulk-enabled")).isHidden();
		page.locator("#bulk-reason").fill("Customer left");
		page.locator("#bulk-preview-button").click();

		assertThat(page.locator("#bulk-will-change")).hasText("2 will change");
		assertThat(page.locator("#bulk-item-" + held)).hasAttribute("data-outcome", "skip");
		assertThat(page.locator("#bulk-item-" + held)).containsText("A release is already scheduled for this number.");
		assertThat(page.locator("#bulk-release-hold")).containsText("(in 7 days)");
		assertThat(page.locator("#bulk-confirm-button")).hasText("Release 2 numbers");
		screenshot("preview");

		List<String> asked = new ArrayList<>();
		page.onceDialog(dialog -> {
			asked.add(dialog.message());
			dialog.dismiss();
		});
		page.locator("#bulk-confirm-button").click();
		assertThat(page.locator("#bulk-preview")).isVisible();
		assertThat(jdbc.queryForObject("select count(*) from pending_changes where phone_number_id = any(?) and batch_id is not null",
				Long.class, (Object) ids.toArray(Long[]::new))).as("a dismissed question sends nothing").isZero();

		page.onceDialog(dialog -> {
			asked.add(dialog.message());
			dialog.accept();
		});
		page.locator("#bulk-confirm-button").click();

		assertThat(page).hasURL(Pattern.compile(".*/changes/batches/\\d+$"));
		assertThat(asked).hasSize(2).allSatisfy(message -> assertThat(message).startsWith("Release 2 numbers?"));
		assertThat(page.locator("#batch-held-until")).containsText("(in 7 days)");
		assertThat(page.locator("#batch-state")).hasText("2 held");
		assertThat(page.locator("tr.batch-change[data-state=PENDING]")).hasCount(2);
		assertThat(page.locator("#batch-skips")).containsText("1 number was left alone: why");
		assertThat(page.locator("#batch-retry-failed")).hasCount(0);
		screenshot("held");

		page.locator("#batch-cancel-releases").click();

		assertThat(page.locator("#toasts")).containsText("Cancelled: 2 releases. Those numbers are kept.");
		assertThat(page.locator("tr.batch-change[data-state=CANCELLED]")).hasCount(2);
		assertThat(page.locator("#batch-state")).hasText("Done");
		assertThat(page.locator("#batch-cancel-releases")).hasCount(0);
		screenshot("cancelled");

		page.navigate("/numbers?q=" + block);
		assertThat(page.locator("tr.number-row")).hasCount(3);
		for (long id : ids.subList(0, 2)) {
			assertThat(page.locator("#number-" + id + " .state-badge")).hasText("Available");
		}
		assertThat(page.locator("#number-" + held + " .state-badge")).hasText("Pending release");
		screenshot("kept");
		assertThat(jdbc.queryForObject("""
				select count(*) from phone_numbers where id = any(?) and provider_release_scheduled_at is null""",
				Long.class, (Object) ids.toArray(Long[]::new))).isEqualTo(2);
	}
}

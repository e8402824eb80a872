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

import com.numberops.portal.support.BrowserTest;
import com.numberops.portal.users.Role;
import com.numberops.portal.users.UserAdministration.UserRow;

/**
 * Daily use on the Users and number pages: an admin gives a user another role and a team on the
 * user's own form; an admin in Berlin releases a number, is asked first by the browser (a
 * dismissed question sends nothing), and the toast says until when the number is held, in their
 * zone, which they chose on My settings.
 */
class AdminEditsTeamsAndConfirmsAReleaseIT extends BrowserTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anAdminChangesAUsersRoleAndTeams() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String teamName = "Support " + tag;
		long team = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, teamName);
		String username = uniqueUsername("teamless");
		UserRow user = createUser(username, Role.VIEWER, "viewer-pass-1");

		loginSuccessfully("admin", DEMO_PASSWORD);
		page.navigate("/admin/users");
		page.locator("#access-" + username).click();
		assertThat(page.locator("#access-form")).isVisible();
		page.locator("#access-role").selectOption("OPERATOR");
		page.locator("#access-team-" + team).check();
		screenshot("access-form");
		page.locator("#access-save").click();

		assertThat(page).hasURL(url("/admin/users"));
		assertThat(page.locator(".portal-toast")).containsText("Changed " + username + ": Operator, " + teamName + ".");
		assertThat(page.locator("#user-" + user.id())).containsText(teamName);
		assertThat(page.locator("#user-" + user.id())).containsText("Operator");
		UserRow changed = userRow(user.id());
		assertThat(changed.role()).isEqualTo(Role.OPERATOR);
		assertThat(changed.teamIds()).containsExactly(team);
		screenshot("access-changed");
	}

	@Test
	void anAdminConfirmsAReleaseInTheDialogAndIsToldUntilWhenItIsHeld() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode)
				values ('SINCH', ?, 'Release dialog test', 'SANDBOX') returning id""", Long.class, "dialog-" + tag);
		String e164 = "+1557" + (1_000_000 + Math.floorMod(tag.hashCode(), 8_999_999));
		long number = jdbc.queryForObject("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, cap_sms, cap_voice, inventory_state, status)
				values (?, 'To give back', 'US', 'LOCAL', ?, 'SINCH', ?, true, true, 'Available', 'Active')
				returning id""", Long.class, e164, account, "dialog-" + tag);
		String admin = uniqueUsername("berlin-admin");
		createUser(admin, Role.ADMIN, "admin-pass-12");

		loginSuccessfully(admin, "admin-pass-12");
		page.navigate("/settings");
		page.locator("#timeZone").selectOption("Europe/Berlin");
		page.locator("#settings-save").click();
		assertThat(page.locator(".portal-toast")).containsText("Times are now shown in Europe/Berlin.");
		screenshot("settings");

		page.navigate("/numbers/" + number);
		page.locator("#edit-release-reason").fill("Customer cancelled");
		List<String> asked = new ArrayList<>();
		page.onceDialog(dialog -> {
			asked.add(dialog.message());
			dialog.dismiss();
		});
		page.locator("#release-button").click();

		page.onceDialog(dialog -> {
			asked.add(dialog.message());
			dialog.accept();
		});
		page.locator("#release-button").click();

		assertThat(page.locator("#toasts"))
			.containsText(Pattern.compile("Release of \\" + e164
					+ " requested: held until \\d{1,2} \\w{3} \\d{4} \\d{2}:\\d{2} CES?T \\(in 7 days\\)"));
		assertThat(asked).hasSize(2).allSatisfy(message -> assertThat(message).startsWith("Release this number?"));
		// the dismissed question sent nothing: one release, the confirmed one
		assertThat(jdbc.queryForObject("select count(*) from pending_changes where phone_number_id = ?", Long.class,
				number)).isOne();
		assertThat(page.locator("#section-release")).containsText("CET");
		screenshot("release-held");
	}
}

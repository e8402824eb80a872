package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.numberops.portal.support.BrowserTest;
import com.numberops.portal.users.Role;
import com.numberops.portal.users.UserAdministration.UserRow;

/**
 * Five wrong passwords in a row lock the account for 15 minutes: from then on even the right
 * password is refused with the lock message. A made-up username is answered word for word the
 * same, so the page never tells which usernames exist. Runs on its own user, never on a demo user.
 */
class LoginLockoutIT extends BrowserTest {

	private static final String PASSWORD = "right-password-42";

	@Test
	void fiveWrongPasswordsLockTheAccount() {
		String username = uniqueUsername("lockout");
		UserRow user = createUser(username, Role.OPERATOR, PASSWORD);
		Locator error = page.locator("#login-error");

		for (int attempt = 1; attempt <= 4; attempt++) {
			login(username, "wrong-" + attempt);
			assertThat(error).hasAttribute("data-reason", "bad");
		}
		// the fifth wrong password is the one that locks: the portal says so straight away
		login(username, "wrong-5");
		assertThat(error).hasAttribute("data-reason", "locked");
		assertThat(userRow(user.id()).locked()).isTrue();

		login(username, "wrong-6");
		assertThat(page).hasURL(url("/login?error=locked"));
		assertThat(error).hasAttribute("data-reason", "locked");
		assertThat(error).containsText("locked for 15 minutes");
		screenshot("locked-after-sixth-attempt");

		login(username, PASSWORD);
		assertThat(page).hasURL(url("/login?error=locked"));
		assertThat(error).hasAttribute("data-reason", "locked");
		assertThat(page.locator("#main-nav")).hasCount(0);
		assertThat(userRow(user.id()).lastLoginAt()).isNull();
	}

	@Test
	void aMadeUpUsernameReadsExactlyTheSame() {
		String username = uniqueUsername("nobody");
		Locator error = page.locator("#login-error");
		for (int attempt = 1; attempt <= 4; attempt++) {
			login(username, "wrong-" + attempt);
			assertThat(error).hasAttribute("data-reason", "bad");
		}
		login(username, "wrong-5");
		assertThat(page).hasURL(url("/login?error=locked"));
		assertThat(error).hasAttribute("data-reason", "locked");
		assertThat(error).hasText("Too many failed sign-in attempts: this username is locked for 15 minutes. "
				+ "Try again later or ask an admin to reset your password.");
	}
}

package com.numberops.portal.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import com.numberops.portal.support.PortalIntegrationTest;

/** The lockout rule applied to stored accounts, through the real login endpoint. */
class LoginThrottlingTests extends PortalIntegrationTest {

	private static final String PASSWORD = "right-password-1";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder encoder;

	String newUser(boolean enabled) {
		String username = "lock-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.update("insert into users (username, display_name, password_hash, role, enabled) values (?, ?, ?, 'VIEWER', ?)",
				username, username, encoder.encode(PASSWORD), enabled);
		return username;
	}

	int failures(String username) {
		return jdbc.queryForObject("select failed_login_attempts from users where username = ?", Integer.class, username);
	}

	@Test
	void theFifthWrongPasswordLocksAndTheRightOneIsThenRefused() throws Exception {
		String username = newUser(true);
		for (int attempt = 1; attempt <= 4; attempt++) {
			mvc.perform(formLogin("/login").user(username).password("wrong"))
				.andExpect(redirectedUrl("/login?error=bad"))
				.andExpect(unauthenticated());
		}
		mvc.perform(formLogin("/login").user(username).password("wrong")).andExpect(redirectedUrl("/login?error=locked"));
		mvc.perform(formLogin("/login").user(username).password("wrong")).andExpect(redirectedUrl("/login?error=locked"));
		mvc.perform(formLogin("/login").user(username).password(PASSWORD))
			.andExpect(redirectedUrl("/login?error=locked"))
			.andExpect(unauthenticated());
		assertThat(jdbc.queryForObject("select locked_until > now() + interval '14 minutes' from users where username = ?",
				Boolean.class, username)).isTrue();
	}

	@Test
	void aLockThatRanOutLetsTheRightPasswordInAndResetsTheCount() throws Exception {
		String username = newUser(true);
		jdbc.update("update users set failed_login_attempts = 5, locked_until = now() - interval '1 second' where username = ?",
				username);
		mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(authenticated());
		assertThat(failures(username)).isZero();
		assertThat(jdbc.queryForObject("select last_login_at is not null from users where username = ?", Boolean.class,
				username)).isTrue();
	}

	@Test
	void aSuccessForgetsEarlierFailures() throws Exception {
		String username = newUser(true);
		mvc.perform(formLogin("/login").user(username).password("wrong"));
		mvc.perform(formLogin("/login").user(username).password("wrong"));
		assertThat(failures(username)).isEqualTo(2);
		mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(authenticated());
		assertThat(failures(username)).isZero();
	}

	@Test
	void aDisabledAccountIsToldSo() throws Exception {
		String username = newUser(false);
		mvc.perform(formLogin("/login").user(username).password(PASSWORD))
			.andExpect(redirectedUrl("/login?error=disabled"))
			.andExpect(unauthenticated());
	}

	@Test
	void anUnknownUserGetsTheSameAnswerAsAWrongPassword() throws Exception {
		mvc.perform(formLogin("/login").user("nobody-at-all").password("whatever"))
			.andExpect(redirectedUrl("/login?error=bad"));
	}

	@Test
	void usernamesAreMatchedWhateverTheirCase() throws Exception {
		mvc.perform(formLogin("/login").user(" ADMIN ").password("demo")).andExpect(authenticated());
	}
}

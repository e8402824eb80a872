package com.numberops.portal.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.SignedIn;

/**
 * The lockout rule applied to typed usernames, real or not, through the real login endpoint: the
 * answer never tells an existing username from an unknown one.
 */
class LoginThrottlingTests extends PortalIntegrationTest {

	private static final String PASSWORD = "right-password-1";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	Users users;

	@Autowired
	UserAdministration administration;

	@Autowired
	UserDetailsService userDetails;

	String newUser(boolean enabled) {
		String username = "lock-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.update("insert into users (username, display_name, password_hash, role, enabled) values (?, ?, ?, 'VIEWER', ?)",
				username, username, encoder.encode(PASSWORD), enabled);
		return username;
	}

	int failures(String username) {
		return jdbc.queryForObject("select coalesce(sum(failures), 0) from login_attempts where name_digest = ?",
				Integer.class, LoginAttemptService.digest(username));
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
		assertThat(jdbc.queryForObject("select locked_until > now() + interval '14 minutes' from login_attempts where name_digest = ?",
				Boolean.class, LoginAttemptService.digest(username))).isTrue();
	}

	@Test
	void aLockThatRanOutLetsTheRightPasswordInAndResetsTheCount() throws Exception {
		String username = newUser(true);
		jdbc.update("""
				insert into login_attempts (name_digest, failures, last_failure_at, locked_until, forget_at)
				values (?, 5, now() - interval '15 minutes', now() - interval '1 second', now() - interval '1 second')""",
				LoginAttemptService.digest(username));
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
	void anUnknownUserGetsTheSameAnswerAsAWrongPassword() throws Exception {
		mvc.perform(formLogin("/login").user("nobody-at-all").password("whatever"))
			.andExpect(redirectedUrl("/login?error=bad"));
	}

	/** What a sign-in answers, as a person sees it: status, where it sends them, the message there. */
	record Answer(int status, String redirect, String message) {
	}

	Answer signIn(String username, String password) throws Exception {
		MvcResult result = mvc.perform(formLogin("/login").user(username).password(password))
			.andExpect(unauthenticated())
			.andReturn();
		String redirect = result.getResponse().getRedirectedUrl();
		String page = mvc.perform(get(redirect)).andReturn().getResponse().getContentAsString();
		Matcher message = Pattern.compile("id=\"login-error\"[^>]*>([^<]*)<").matcher(page);
		return new Answer(result.getResponse().getStatus(), redirect, message.find() ? message.group(1) : "");
	}

	@Test
	void wrongPasswordsAnswerTheSameForAnExistingAndAnUnknownUsername() throws Exception {
		String existing = newUser(true);
		String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
		for (int attempt = 1; attempt <= 7; attempt++) {
			Answer forExisting = signIn(existing, "wrong-" + attempt);
			Answer forUnknown = signIn(unknown, "wrong-" + attempt);
			assertThat(forUnknown).as("attempt %d", attempt).isEqualTo(forExisting);
			assertThat(forExisting.message()).as("attempt %d", attempt).isNotEmpty();
		}
		// the right password of the locked account reads like any password of the unknown name
		assertThat(signIn(existing, PASSWORD)).isEqualTo(signIn(unknown, PASSWORD));
		assertThat(signIn(existing, PASSWORD).redirect()).isEqualTo("/login?error=locked");
	}

	@Test
	void aDisabledAccountIsToldSoOnlyAfterTheRightPassword() throws Exception {
		String disabled = newUser(false);
		String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(signIn(disabled, "wrong")).isEqualTo(signIn(unknown, "wrong"));
		assertThat(signIn(disabled, "wrong").redirect()).isEqualTo("/login?error=bad");
		assertThat(signIn(disabled, PASSWORD).redirect()).isEqualTo("/login?error=disabled");
	}

	@Test
	void anAdminSaveNeitherUnlocksTheAccountNorForgetsTheLastSignIn() throws Exception {
		String username = newUser(true);
		mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(authenticated());
		// an admin's copy of the user, read before the sign-ins below and saved after them
		PortalUser stale = users.findByUsername(username).orElseThrow();
		mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(authenticated());
		Instant lastSignIn = jdbc.queryForObject("select last_login_at from users where username = ?", Instant.class,
				username);
		for (int attempt = 1; attempt <= 5; attempt++) {
			mvc.perform(formLogin("/login").user(username).password("wrong"));
		}
		stale.rename("Renamed by an admin", Instant.now());
		users.save(stale);

		mvc.perform(formLogin("/login").user(username).password(PASSWORD))
			.andExpect(redirectedUrl("/login?error=locked"));
		assertThat(jdbc.queryForObject("select last_login_at from users where username = ?", Instant.class, username))
			.isEqualTo(lastSignIn);
	}

	/**
	 * An unknown username costs a password check too (Spring Security's dummy check), so the time
	 * of the answer does not tell it apart: without it, the unknown name would answer about a
	 * hundred times faster than a real one (no bcrypt at all).
	 */
	@Test
	void anUnknownUsernameTakesAsLongAsAWrongPassword() throws Exception {
		String existing = newUser(true);
		List<Long> known = new ArrayList<>();
		List<Long> unknown = new ArrayList<>();
		for (int round = 0; round < 4; round++) {
			// a success in between keeps the real account from locking
			unknown.add(nanosOf(() -> signIn("nobody-" + UUID.randomUUID().toString().substring(0, 8), "wrong")));
			known.add(nanosOf(() -> signIn(existing, "wrong")));
			mvc.perform(formLogin("/login").user(existing).password(PASSWORD)).andExpect(authenticated());
		}
		assertThat(median(unknown)).as("unknown %s, known %s", unknown, known).isGreaterThan(median(known) / 3);
	}

	interface Call {

		void run() throws Exception;
	}

	static long nanosOf(Call call) throws Exception {
		long start = System.nanoTime();
		call.run();
		return System.nanoTime() - start;
	}

	static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	@Test
	void anyTypedNameIsAnsweredAlikeHoweverLongOrOdd() throws Exception {
		String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
		Answer usual = signIn(unknown, "wrong");
		assertThat(signIn("x".repeat(10_000), "wrong")).isEqualTo(usual);
		assertThat(signIn("<b>\r\nnobody", "wrong")).isEqualTo(usual);
	}

	@Test
	void attemptsThatCountForNothingAreDeletedSoGuessedNamesCannotFillTheTable() throws Exception {
		byte[] stale = LoginAttemptService.digest("stale-" + UUID.randomUUID());
		jdbc.update("""
				insert into login_attempts (name_digest, failures, last_failure_at, forget_at)
				values (?, 3, now() - interval '20 minutes', now() - interval '5 minutes')""", stale);
		signIn("nobody-" + UUID.randomUUID().toString().substring(0, 8), "wrong");
		assertThat(jdbc.queryForObject("select count(*) from login_attempts where name_digest = ?", Integer.class, stale))
			.isZero();
		assertThat(jdbc.queryForObject("select count(*) from login_attempts where forget_at <= now()", Integer.class))
			.isZero();
	}

	@Test
	void aNameLockedBeforeItsUserExistedStartsClean() throws Exception {
		String username = "future-" + UUID.randomUUID().toString().substring(0, 8);
		for (int attempt = 1; attempt <= 5; attempt++) {
			signIn(username, "wrong");
		}
		SignedIn.during((PortalPrincipal) userDetails.loadUserByUsername("admin"), () -> administration
			.create(new NewUser(username, "Future", Role.VIEWER, PASSWORD, Set.of())));
		mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(authenticated());
	}

	@Test
	void anAdminUnlocksFromTheUsersPage() throws Exception {
		String username = newUser(true);
		for (int attempt = 1; attempt <= 5; attempt++) {
			signIn(username, "wrong");
		}
		long id = jdbc.queryForObject("select id from users where username = ?", Long.class, username);
		PortalPrincipal admin = (PortalPrincipal) userDetails.loadUserByUsername("admin");
		assertThat(SignedIn.during(admin, () -> administration.user(id).locked())).isTrue();
		assertThat(SignedIn.during(admin, () -> administration.users()).stream().filter(u -> u.id() == id)
			.findFirst().orElseThrow().locked()).isTrue();
		mvc.perform(post("/admin/users/{id}/unlock", id).with(user(admin)).with(csrf()))
			.andExpect(redirectedUrl("/admin/users"));
		assertThat(failures(username)).isZero();
		mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(authenticated());
	}

	@Test
	void usernamesAreMatchedWhateverTheirCase() throws Exception {
		mvc.perform(formLogin("/login").user(" ADMIN ").password("demo")).andExpect(authenticated());
	}
}

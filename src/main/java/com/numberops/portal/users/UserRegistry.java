package com.numberops.portal.users;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates users and sets passwords, enforcing every rule on them. No authorisation here: the
 * admin-facing {@link UserAdministration} and the start-up bootstrap are its only callers.
 */
@Component
class UserRegistry {

	private final Users users;

	private final Teams teams;

	private final PasswordEncoder passwordEncoder;

	private final LoginAttemptService loginAttempts;

	private final Clock clock;

	UserRegistry(Users users, Teams teams, PasswordEncoder passwordEncoder, LoginAttemptService loginAttempts,
			Clock clock) {
		this.users = users;
		this.teams = teams;
		this.passwordEncoder = passwordEncoder;
		this.loginAttempts = loginAttempts;
		this.clock = clock;
	}

	@Transactional
	PortalUser create(NewUser request) {
		String username = normalizeUsername(request.username());
		if (!username.matches(PortalUser.USERNAME_PATTERN)) {
			throw new UserChangeRefused("username",
					"Use 2 to 40 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit.");
		}
		if (users.existsByUsername(username)) {
			throw new UserChangeRefused("username", "The username " + username + " is taken.");
		}
		String displayName = request.displayName().strip();
		if (displayName.isEmpty() || displayName.length() > 100) {
			throw new UserChangeRefused("displayName", "Enter a name of 1 to 100 characters.");
		}
		checkPassword(request.password());
		checkTeams(request.teamIds());
		// failures typed against the name before it existed are no business of the new user
		loginAttempts.forget(username);
		return users.save(PortalUser.create(username, displayName, passwordEncoder.encode(request.password()),
				request.role(), request.teamIds(), clock.instant()));
	}

	/** A new password also lifts a lock: the admin who set it vouches for the person. */
	@Transactional
	PortalUser changePassword(PortalUser user, String password) {
		checkPassword(password);
		user.changePassword(passwordEncoder.encode(password), clock.instant());
		loginAttempts.forget(user.getUsername());
		return users.save(user);
	}

	/** Bootstrap only: the sandbox demo password is deliberately short, so no policy applies. */
	@Transactional
	PortalUser ensureFixture(String username, String displayName, Role role, String password) {
		PortalUser user = users.findByUsername(username)
			.orElseGet(() -> PortalUser.create(username, displayName, "", role, Set.of(), clock.instant()));
		loginAttempts.forget(username);
		boolean passwordKept = user.getId() != null && passwordEncoder.matches(password, user.getPasswordHash());
		if (passwordKept && user.getRole() == role && user.isEnabled()) {
			// as it should be: saved anyway, its version would move at every start, and an admin's
			// form of it opened before a restart would be refused as changed meanwhile
			return user;
		}
		if (!passwordKept) {
			user.changePassword(passwordEncoder.encode(password), clock.instant());
		}
		user.changeRole(role, clock.instant());
		user.enable(clock.instant());
		return users.save(user);
	}

	void checkTeams(Set<Long> teamIds) {
		long known = teams.findAllById(teamIds).size();
		if (known != teamIds.size()) {
			throw new UserChangeRefused("teamIds", "One of the chosen teams does not exist (any more).");
		}
	}

	private static void checkPassword(String password) {
		PasswordPolicy.problemWith(password).ifPresent(problem -> {
			throw new UserChangeRefused("password", problem);
		});
	}

	static String normalizeUsername(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}
}

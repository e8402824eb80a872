package com.numberops.portal.users;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's Users page, as a service: every method is for admins only, whatever the caller
 * (a hidden button is not a permission).
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class UserAdministration {

	private final Users users;

	private final Teams teams;

	private final UserRegistry registry;

	private final Clock clock;

	private final SessionRegistry sessions;

	UserAdministration(Users users, Teams teams, UserRegistry registry, Clock clock, SessionRegistry sessions) {
		this.users = users;
		this.teams = teams;
		this.registry = registry;
		this.clock = clock;
		this.sessions = sessions;
	}

	/** Signs a user out everywhere: their next request lands on the login page. */
	private void endSessionsOf(String username) {
		for (Object principal : sessions.getAllPrincipals()) {
			if (principal instanceof PortalPrincipal portal && portal.getUsername().equals(username)) {
				sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
			}
		}
	}

	/** A user as the list shows it, with team names resolved. */
	public record UserRow(long id, String username, String displayName, Role role, boolean enabled, boolean locked,
			List<String> teamNames, @Nullable Instant lastLoginAt, long version) {

		public boolean allTeams() {
			return teamNames.isEmpty();
		}
	}

	@Transactional(readOnly = true)
	public List<UserRow> users() {
		Map<Long, String> teamNames = teamNamesById();
		return users.findAllByOrderByUsername().stream().map(user -> toRow(user, teamNames)).toList();
	}

	@Transactional(readOnly = true)
	public UserRow user(long id) {
		return toRow(find(id), teamNamesById());
	}

	@Transactional(readOnly = true)
	public List<Team> teams() {
		return teams.findAllByOrderByName();
	}

	@Transactional
	public UserRow create(NewUser request) {
		return toRow(registry.create(request), teamNamesById());
	}

	@Transactional
	public UserRow disable(long id, long actingUserId) {
		if (id == actingUserId) {
			throw new UserChangeRefused(null, "You cannot disable your own account.");
		}
		PortalUser user = find(id);
		user.disable(clock.instant());
		UserRow row = toRow(users.save(user), teamNamesById());
		endSessionsOf(user.getUsername());
		return row;
	}

	@Transactional
	public UserRow enable(long id) {
		PortalUser user = find(id);
		user.enable(clock.instant());
		return toRow(users.save(user), teamNamesById());
	}

	@Transactional
	public UserRow unlock(long id) {
		PortalUser user = find(id);
		user.unlock(clock.instant());
		return toRow(users.save(user), teamNamesById());
	}

	@Transactional
	public void resetPassword(long id, String password) {
		PortalUser user = registry.changePassword(find(id), password);
		endSessionsOf(user.getUsername());
	}

	@Transactional
	public Team createTeam(String name) {
		String trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw new UserChangeRefused("name", "Enter a team name of 1 to 100 characters.");
		}
		if (teams.existsByNameIgnoringCase(trimmed)) {
			throw new UserChangeRefused("name", "A team called " + trimmed + " exists already.");
		}
		return teams.save(Team.named(trimmed, clock.instant()));
	}

	private PortalUser find(long id) {
		return users.findById(id).orElseThrow(() -> new UserNotFound(id));
	}

	private Map<Long, String> teamNamesById() {
		return teams.findAll().stream().collect(Collectors.toMap(Team::getId, Team::getName, (a, b) -> a));
	}

	private UserRow toRow(PortalUser user, Map<Long, String> teamNames) {
		List<String> names = user.getTeamIds().stream().map(teamId -> teamNames.getOrDefault(teamId, "#" + teamId))
			.sorted().toList();
		return new UserRow(user.getId(), user.getUsername(), user.getDisplayName(), user.getRole(), user.isEnabled(),
				user.isLockedAt(clock.instant()), names, user.getLastLoginAt(), user.getVersion());
	}
}

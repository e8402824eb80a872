package com.numberops.portal.users;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's Users page, as a service: every method is for admins only, whatever the caller
 * (a hidden button is not a permission), and works within the signed-in admin's
 * {@link UserScope}: a user outside it is not found, a team outside it cannot be granted.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class UserAdministration {

	private final Users users;

	private final Teams teams;

	private final UserRegistry registry;

	private final Clock clock;

	private final SessionRegistry sessions;

	private final LoginAttemptService loginAttempts;

	private final JdbcClient jdbc;

	UserAdministration(Users users, Teams teams, UserRegistry registry, Clock clock, SessionRegistry sessions,
			LoginAttemptService loginAttempts, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.users = users;
		this.teams = teams;
		this.registry = registry;
		this.clock = clock;
		this.sessions = sessions;
		this.loginAttempts = loginAttempts;
	}

	/**
	 * Signs a user out everywhere: their next request, on whichever instance, lands on the login
	 * page. The registry looks the sessions up in the shared session store by principal name (a
	 * database registry cannot list all principals, nor needs to).
	 */
	private void endSessionsOf(String username) {
		sessions.getAllSessions(username, false).forEach(SessionInformation::expireNow);
	}

	/** A user as the list shows it, with team names resolved. */
	public record UserRow(long id, String username, String displayName, Role role, boolean enabled, boolean locked,
			List<String> teamNames, Set<Long> teamIds, @Nullable Instant lastLoginAt, long version) {

		public boolean allTeams() {
			return teamNames.isEmpty();
		}
	}

	@Transactional(readOnly = true)
	public List<UserRow> users() {
		UserScope scope = scope();
		Map<Long, String> teamNames = teamNamesById();
		List<PortalUser> visible = users.findAllByOrderByUsername().stream()
			.filter(user -> scope.covers(user.getTeamIds()))
			.toList();
		Set<String> locked = loginAttempts.lockedAmong(visible.stream().map(PortalUser::getUsername).toList());
		return visible.stream().map(user -> toRow(user, teamNames, locked.contains(user.getUsername()))).toList();
	}

	@Transactional(readOnly = true)
	public UserRow user(long id) {
		return toRow(find(id), teamNamesById());
	}

	/** The teams this admin may tick on a user. */
	@Transactional(readOnly = true)
	public List<Team> teams() {
		UserScope scope = scope();
		return teams.findAllByOrderByName().stream().filter(team -> scope.offers(team.getId())).toList();
	}

	/** Whether this admin may create users for all teams, and add teams. */
	public boolean administersAllTeams() {
		return scope().allTeams();
	}

	@Transactional
	public UserRow create(NewUser request) {
		scope().refusalToGrant(request.teamIds()).ifPresent(refusal -> {
			throw new UserChangeRefused("teamIds", refusal);
		});
		return toRow(registry.create(request), teamNamesById());
	}

	/**
	 * Changes a user's role and teams within this admin's scope ({@link AccessRules}). A user whose
	 * reach changed is signed out everywhere, so that no session goes on with the old role or teams.
	 *
	 * @param version the user's version the form was drawn from: a user changed since is not overwritten
	 */
	@Transactional
	public UserRow changeAccess(long id, Role role, Set<Long> teamIds, long version) {
		UserScope scope = scope();
		PortalUser user = find(id);
		if (user.getVersion() != version) {
			throw new UserChangeRefused(null, "Someone changed " + user.getUsername()
					+ " meanwhile: this is what they have now. Make your change again if it still applies.");
		}
		registry.checkTeams(teamIds);
		// the rows of every unrestricted admin are locked, so two admins demoting each other at once
		// cannot both count the other and leave none
		long others = jdbc.sql("""
				select id from users u
				where u.role = 'ADMIN' and u.enabled and u.id <> ?
				  and not exists (select 1 from user_teams t where t.user_id = u.id)
				for update""").param(id).query(Long.class).list().size();
		AccessRules.Access current = new AccessRules.Access(user.getRole(), user.getTeamIds(), user.isEnabled());
		AccessRules.Access requested = new AccessRules.Access(role, teamIds, user.isEnabled());
		AccessRules.refusal(scope, current, requested, others).ifPresent(refusal -> {
			throw refusal;
		});
		if (current.equals(requested)) {
			return toRow(user, teamNamesById());
		}
		Instant now = clock.instant();
		user.changeRole(role, now);
		user.limitToTeams(teamIds, now);
		UserRow row = toRow(users.save(user), teamNamesById());
		endSessionsOf(user.getUsername());
		return row;
	}

	@Transactional
	public UserRow disable(long id) {
		if (id == actor().getUserId()) {
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
		loginAttempts.forget(user.getUsername());
		return toRow(user, teamNamesById());
	}

	@Transactional
	public void resetPassword(long id, String password) {
		PortalUser user = registry.changePassword(find(id), password);
		endSessionsOf(user.getUsername());
	}

	@Transactional
	public Team createTeam(String name) {
		if (!scope().mayAddTeams()) {
			throw new AccessDeniedException("Only an admin of all teams adds teams.");
		}
		String trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw new UserChangeRefused("name", "Enter a team name of 1 to 100 characters.");
		}
		if (teams.existsByNameIgnoringCase(trimmed)) {
			throw new UserChangeRefused("name", "A team called " + trimmed + " exists already.");
		}
		return teams.save(Team.named(trimmed, clock.instant()));
	}

	/** A user within this admin's scope; any other is "not found", so that nothing tells it exists. */
	private PortalUser find(long id) {
		UserScope scope = scope();
		return users.findById(id).filter(user -> scope.covers(user.getTeamIds()))
			.orElseThrow(() -> new UserNotFound(id));
	}

	/**
	 * The signed-in admin, from the same security context as {@code @PreAuthorize}: a caller cannot
	 * pass another admin's scope. Anything but a portal user is refused, never taken as all teams.
	 */
	private static PortalPrincipal actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof PortalPrincipal admin) {
			return admin;
		}
		throw new AccessDeniedException("Users are administered by a signed-in portal admin only.");
	}

	private static UserScope scope() {
		return UserScope.of(actor());
	}

	private Map<Long, String> teamNamesById() {
		return teams.findAll().stream().collect(Collectors.toMap(Team::getId, Team::getName, (a, b) -> a));
	}

	private UserRow toRow(PortalUser user, Map<Long, String> teamNames) {
		return toRow(user, teamNames, loginAttempts.isLocked(user.getUsername()));
	}

	private UserRow toRow(PortalUser user, Map<Long, String> teamNames, boolean locked) {
		List<String> names = user.getTeamIds().stream().map(teamId -> teamNames.getOrDefault(teamId, "#" + teamId))
			.sorted().toList();
		return new UserRow(user.getId(), user.getUsername(), user.getDisplayName(), user.getRole(), user.isEnabled(),
				locked, names, user.getTeamIds(), user.getLastLoginAt(), user.getVersion());
	}
}

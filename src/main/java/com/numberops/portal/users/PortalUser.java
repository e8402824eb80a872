package com.numberops.portal.users;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person who signs in. Limited to the teams in {@link #getTeamIds()}; no team means all teams.
 */
@Table("users")
public class PortalUser {

	/** Lower-case letters, digits, dot, dash, underscore; 2 to 40 characters. The schema says the same. */
	public static final String USERNAME_PATTERN = "^[a-z0-9][a-z0-9._-]{1,39}$";

	@Id
	private @Nullable Long id;

	private String username;

	private String displayName;

	private String passwordHash;

	private Role role;

	private boolean enabled;

	/** A {@link java.time.ZoneId} the person reads times in; UTC unless they chose another. */
	private String timeZone;

	// written only by a sign-in (LoginAttemptService), so that an admin's save of a copy read
	// before it cannot put back an older value; sign-in failures live in login_attempts
	@ReadOnlyProperty
	private @Nullable Instant lastLoginAt;

	private Instant createdAt;

	private Instant modifiedAt;

	// a wrapper, so that "new" means null: rows written by SQL start at version 0 and are not new
	@Version
	private @Nullable Long version;

	@MappedCollection(idColumn = "user_id")
	private Set<TeamMembership> teams;

	@PersistenceCreator
	PortalUser(@Nullable Long id, String username, String displayName, String passwordHash, Role role,
			boolean enabled, @Nullable String timeZone, @Nullable Instant lastLoginAt,
			Instant createdAt, Instant modifiedAt, @Nullable Long version, Set<TeamMembership> teams) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.role = role;
		this.enabled = enabled;
		this.timeZone = timeZone == null ? "UTC" : timeZone;
		this.lastLoginAt = lastLoginAt;
		this.createdAt = createdAt;
		this.modifiedAt = modifiedAt;
		this.version = version;
		this.teams = teams;
	}

	static PortalUser create(String username, String displayName, String passwordHash, Role role,
			Set<Long> teamIds, Instant now) {
		PortalUser user = new PortalUser(null, username, displayName, passwordHash, role, true, "UTC", null, now,
				now, null, Set.of());
		user.limitToTeams(teamIds, now);
		return user;
	}

	void disable(Instant now) {
		this.enabled = false;
		this.modifiedAt = now;
	}

	void enable(Instant now) {
		this.enabled = true;
		this.modifiedAt = now;
	}

	void changePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.modifiedAt = now;
	}

	void changeRole(Role role, Instant now) {
		this.role = role;
		this.modifiedAt = now;
	}

	void changeTimeZone(ZoneId zone, Instant now) {
		this.timeZone = zone.getId();
		this.modifiedAt = now;
	}

	void rename(String displayName, Instant now) {
		this.displayName = displayName;
		this.modifiedAt = now;
	}

	void limitToTeams(Set<Long> teamIds, Instant now) {
		this.teams = teamIds.stream().map(TeamMembership::new).collect(Collectors.toSet());
		this.modifiedAt = now;
	}

	public @Nullable Long getId() {
		return id;
	}

	public String getUsername() {
		return username;
	}

	public String getDisplayName() {
		return displayName;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	public Role getRole() {
		return role;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public String getTimeZone() {
		return timeZone;
	}

	public @Nullable Instant getLastLoginAt() {
		return lastLoginAt;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public long getVersion() {
		return version == null ? 0 : version;
	}

	/** Sorted, for stable display. Empty means every team. */
	public Set<Long> getTeamIds() {
		return teams.stream().map(TeamMembership::teamId).collect(Collectors.toCollection(TreeSet::new));
	}
}

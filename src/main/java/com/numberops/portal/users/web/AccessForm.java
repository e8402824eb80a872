package com.numberops.portal.users.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.users.Role;
import com.numberops.portal.users.UserAdministration.UserRow;

/**
 * The "edit role and teams" form of one user. Text fields, so that whatever a browser sends binds
 * and comes back as a message beside its field rather than a failed conversion; the service
 * checks the scope rules again ({@code users.AccessRules}).
 *
 * @param teamIds the ticked teams (none: all teams)
 * @param version the user's version the form was drawn from
 */
record AccessForm(@NotBlank(message = "{users.access.role.required}")
		@Pattern(regexp = "VIEWER|OPERATOR|ADMIN", message = "{users.access.role.required}") String role,
		List<String> teamIds,
		@Pattern(regexp = "\\d{1,18}", message = "{users.access.damaged}") String version) {

	AccessForm(@Nullable String role, @Nullable List<String> teamIds, @Nullable String version) {
		this.role = role == null ? "" : role.strip();
		this.teamIds = teamIds == null ? List.of() : List.copyOf(teamIds);
		this.version = version == null ? "" : version.strip();
	}

	static AccessForm of(UserRow user) {
		return new AccessForm(user.role().name(), user.teamIds().stream().map(String::valueOf).toList(),
				String.valueOf(user.version()));
	}

	Role chosenRole() {
		return Role.valueOf(role);
	}

	/** Whether every ticked team is an id at all (which teams exist is the service's to say). */
	boolean teamsAreIds() {
		return teamIds.stream().allMatch(id -> id.matches("\\d{1,18}"));
	}

	Set<Long> chosenTeams() {
		Set<Long> teams = new LinkedHashSet<>();
		teamIds.forEach(id -> teams.add(Long.parseLong(id)));
		return teams;
	}

	long versionNumber() {
		return Long.parseLong(version);
	}

	/** Whether the team is ticked, for drawing the form again. */
	public boolean ticks(long teamId) {
		return teamIds.contains(String.valueOf(teamId));
	}
}

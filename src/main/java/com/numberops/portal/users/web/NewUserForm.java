package com.numberops.portal.users.web;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.numberops.portal.users.NewUser;
import com.numberops.portal.users.PortalUser;
import com.numberops.portal.users.Role;

/** The "new user" form. The service checks everything again; this gives field-level messages early. */
class NewUserForm {

	@NotBlank(message = "Enter a username.")
	@Pattern(regexp = PortalUser.USERNAME_PATTERN,
			message = "Use 2 to 40 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit.")
	private String username = "";

	@NotBlank(message = "Enter a name for the person.")
	@Size(max = 100, message = "Use at most 100 characters.")
	private String displayName = "";

	@NotNull(message = "Choose a role.")
	private Role role = Role.VIEWER;

	@NotBlank(message = "Enter a password.")
	private String password = "";

	private Set<Long> teamIds = new LinkedHashSet<>();

	NewUser toRequest() {
		return new NewUser(username, displayName, role, password, teamIds == null ? Set.of() : Set.copyOf(teamIds));
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username == null ? "" : username.strip();
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName == null ? "" : displayName;
	}

	public Role getRole() {
		return role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password == null ? "" : password;
	}

	public Set<Long> getTeamIds() {
		return teamIds;
	}

	public void setTeamIds(Set<Long> teamIds) {
		this.teamIds = teamIds;
	}
}

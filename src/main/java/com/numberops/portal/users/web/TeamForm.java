package com.numberops.portal.users.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

class TeamForm {

	@NotBlank(message = "Enter a team name.")
	@Size(max = 100, message = "Use at most 100 characters.")
	private String name = "";

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name == null ? "" : name;
	}
}

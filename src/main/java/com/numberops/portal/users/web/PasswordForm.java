package com.numberops.portal.users.web;

import jakarta.validation.constraints.NotBlank;

class PasswordForm {

	@NotBlank(message = "Enter a password.")
	private String password = "";

	@NotBlank(message = "Repeat the password.")
	private String confirmation = "";

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password == null ? "" : password;
	}

	public String getConfirmation() {
		return confirmation;
	}

	public void setConfirmation(String confirmation) {
		this.confirmation = confirmation == null ? "" : confirmation;
	}
}

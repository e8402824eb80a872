package com.numberops.portal.users;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.users.*}: the sandbox demo password, the first admin outside sandbox mode, and
 * the login throttling.
 */
@ConfigurationProperties("portal.users")
public record UsersProperties(@DefaultValue("demo") String demoPassword, @DefaultValue("") String adminUsername,
		@DefaultValue("") String adminPassword, @DefaultValue Login login) {

	public record Login(@DefaultValue("5") int maxFailedAttempts, @DefaultValue("15m") Duration lockDuration) {
	}

	LoginLockout lockout() {
		return new LoginLockout(login.maxFailedAttempts(), login.lockDuration());
	}

	@Override
	public String toString() {
		// never print the passwords, even by accident in a log line
		return "UsersProperties[adminUsername=" + adminUsername + ", login=" + login + "]";
	}
}

package com.numberops.portal.numbers.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.numberops.portal.support.SignedIn;
import com.numberops.portal.users.NewUser;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Role;
import com.numberops.portal.users.UserAdministration;

/**
 * Numbers of a test's own: a provider account and teams made for one test, so what the test
 * counts is its own whatever else lives in the shared test schema. Tests filter on {@link #account}.
 */
final class Fleet {

	final JdbcTemplate jdbc;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	final long account;

	Fleet(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode)
				values ('SINCH', ?, 'Web test account', 'SANDBOX') returning id""", Long.class, "web-" + tag);
	}

	long team(String name) {
		return jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, name + "-" + tag);
	}

	/** A US local Sinch number; {@code subscriber} makes its digits (+1 206 5xx xxxx). */
	long number(int subscriber, String name, Long teamId) {
		String e164 = "+1206" + String.format("%07d", subscriber);
		return jdbc.queryForObject("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, team_id, cap_sms, cap_voice, inventory_state, status)
				values (?, ?, 'US', 'LOCAL', ?, 'SINCH', ?, ?, true, true, 'Ready for SMS', 'Active')
				returning id""", Long.class, e164, name, account, tag + "-" + e164, teamId);
	}

	void event(long numberId, String title, Instant at) {
		jdbc.update("""
				insert into number_events (phone_number_id, type, title, field, before_value, after_value, source,
				    actor_name, created_at)
				values (?, 'RENAMED', ?, 'name', 'old', 'new', 'PORTAL', 'Test Operator', ?)""", numberId, title,
				Timestamp.from(at));
	}

	/** A viewer limited to one team, created the way an admin creates users. */
	UserDetails viewerLimitedTo(UserAdministration administration, UserDetailsService users, long teamId) {
		String username = "limited-" + UUID.randomUUID().toString().substring(0, 8);
		// as the demo admin, whose scope (all teams) user administration works within
		SignedIn.during((PortalPrincipal) users.loadUserByUsername("admin"), () -> administration
			.create(new NewUser(username, "Limited " + username, Role.VIEWER, "long-enough-1", Set.of(teamId))));
		return users.loadUserByUsername(username);
	}
}

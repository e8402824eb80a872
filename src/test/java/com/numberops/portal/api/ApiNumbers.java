package com.numberops.portal.api;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Role;

/**
 * Numbers, teams and people of a test's own: a provider account made for the test (so lists can
 * be narrowed to it with {@code account=}), numbers in it with every section of seed 003 filled,
 * and users limited to a team.
 */
final class ApiNumbers {

	private static final AtomicInteger SUBSCRIBER = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

	final JdbcTemplate jdbc;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	final long account;

	ApiNumbers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode)
				values ('SINCH', ?, 'API test account', 'SANDBOX') returning id""", Long.class, "api-" + tag);
	}

	long team(String name) {
		return jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, name + "-" + tag);
	}

	/** A US local Sinch number of this account with a fresh +1 207 number, every section of the record set. */
	long number(String name, Long teamId) {
		String e164 = "+1207" + String.format("%07d", Math.floorMod(SUBSCRIBER.incrementAndGet(), 10_000_000));
		long id = jdbc.queryForObject("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, team_id, cap_sms, cap_voice, inventory_state, status)
				values (?, ?, 'US', 'LOCAL', ?, 'SINCH', ?, ?, true, true, 'Ready for SMS', 'Active')
				returning id""", Long.class, e164, name, account, tag + "-" + e164, teamId);
		jdbc.update("""
				update phone_numbers set business_id = 'biz-1', business_name = 'Acme Dental', owner_user_id = 'u-7',
				    owner_user_name = 'Dana Owner', campaign_id = 'camp-1', source_id = 'src-1', provider_order_id = 'ord-1',
				    provider_order_status = 'COMPLETED', provider_status = 'ACTIVE', provider_synced_at = now(),
				    cap_warmup = true, routing_sms_enabled = true, routing_team_id = 'rt-1', routing_source_id = 'rs-1',
				    routing_campaign_id = 'rc-1', routing_messaging_profile_id = 'mp-1', routing_voice_connection_id = 'vc-1',
				    ten_dlc_brand_id = 'B1', ten_dlc_campaign_id = 'CX1', ten_dlc_campaign_status = 'ACTIVE',
				    ten_dlc_assignment_status = 'ASSIGNED', ten_dlc_messaging_profile_id = 'mp-1',
				    ten_dlc_status_updated_at = now(), billing_business_id = 'biz-1', billing_business_name = 'Acme Dental',
				    billing_user_id = 'u-7', billing_user_name = 'Dana Owner', billing_subscription_item_id = 'si-1',
				    billing_monthly_amount = 1.25, billing_currency = 'USD', billing_channel = 'SMS', is_preferred = true,
				    location_name = 'Portland', location_state = 'ME', location_country_code = 'US',
				    location_latitude = 43.661471, location_longitude = -70.255326, location_time_zone_id = 'America/New_York',
				    warmup_enabled = true, warmup_state = 'Warming', warmup_health_score = 87, warmup_progress_percent = 40,
				    warmup_next_action_at = now() + interval '1 day', health_status = 'Warming', health_reason = 'On schedule',
				    call_warmup_enabled = true, call_warmup_state = 'Warming', call_warmup_stage = 2,
				    call_warmup_next_action_at = now() + interval '1 day', call_warmup_health_reason = 'Answered well'
				where id = ?""", id);
		jdbc.update("""
				insert into number_events (phone_number_id, type, title, details, field, before_value, after_value, source,
				    actor_name)
				values (?, 'PROVIDER_CHANGED', 'Seen at the carrier', 'First sync', null, null, null, 'PROVIDER_SYNC', null)""",
				id);
		return id;
	}

	/** A user of this role limited to the team (password unusable: tests sign them in directly). */
	PortalPrincipal person(UserDetailsService users, Role role, Long... teams) {
		String username = role.name().toLowerCase(java.util.Locale.ROOT) + "-" + tag + "-" + SUBSCRIBER.incrementAndGet();
		long id = jdbc.queryForObject("""
				insert into users (username, display_name, password_hash, role) values (?, ?, '{noop}x', ?) returning id""",
				Long.class, username, "Name of " + username, role.name());
		for (Long team : teams) {
			jdbc.update("insert into user_teams (user_id, team_id) values (?, ?)", id, team);
		}
		return (PortalPrincipal) users.loadUserByUsername(username);
	}

	Map<String, Object> row(long id) {
		return jdbc.queryForMap("select * from phone_numbers where id = ?", id);
	}

	long version(long id) {
		return jdbc.queryForObject("select version from phone_numbers where id = ?", Long.class, id);
	}

	int events(long id) {
		return jdbc.queryForObject("select count(*) from number_events where phone_number_id = ?", Integer.class, id);
	}

	int changes(long id) {
		return jdbc.queryForObject("select count(*) from pending_changes where phone_number_id = ?", Integer.class, id);
	}

	int overrideRequests(long id) {
		return jdbc.queryForObject("select count(*) from override_requests where phone_number_id = ?", Integer.class, id);
	}
}

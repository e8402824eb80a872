package com.numberops.portal.warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.numberops.portal.support.SignedIn;
import com.numberops.portal.users.PortalPrincipal;

/** Warmup-ready numbers of a test's own sandbox (or live) account, made with direct SQL. */
final class WarmupTestNumbers {

	private final JdbcTemplate jdbc;

	private final long account;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	private int next = (int) (Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 9_000_000);

	WarmupTestNumbers(JdbcTemplate jdbc) {
		this(jdbc, "SANDBOX");
	}

	/**
	 * @param mode SANDBOX or LIVE. No adapter is configured for the account (its ref is the
	 *     test's own), so no sync ever reaches it: its numbers are only what the test makes.
	 */
	WarmupTestNumbers(JdbcTemplate jdbc, String mode) {
		this.jdbc = jdbc;
		this.account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode)
				values ('SINCH', ?, 'Warmup test account', ?) returning id""", Long.class, "warmup-" + tag, mode);
	}

	/** An Active, enabled number with the SMS, voice and warmup capabilities whose E.164 passes the filter. */
	long eligible(Predicate<String> which) {
		String e164;
		do {
			e164 = "+1415" + String.format("%07d", next++ % 10_000_000);
		}
		while (!which.test(e164));
		return jdbc.queryForObject("""
				insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
				    provider_phone_number_id, cap_sms, cap_voice, cap_warmup, sms_service_plan_id, inventory_state, status)
				values (?, 'Warmup test', 'US', 'LOCAL', ?, 'SINCH', ?, true, true, true, 'SPWARM', 'Ready for SMS', 'Active')
				returning id""", Long.class, e164, account, tag + "-" + e164);
	}

	List<Long> eligible(Predicate<String> which, int count) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(eligible(which));
		}
		return ids;
	}

	String number(long id) {
		return jdbc.queryForObject("select number from phone_numbers where id = ?", String.class, id);
	}

	static PortalPrincipal signIn(UserDetailsService users, String username) {
		return SignedIn.as(users, username);
	}
}

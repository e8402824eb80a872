package com.numberops.portal.numbers;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Marks numbers of a test's account (+1206555nnnn, nnnn = 1..30, see NumberQueriesTests) with what
 * the dashboard's worklist looks for; times are relative to the database's now().
 *
 * <ul>
 * <li>failed provisioning: 7, 14 SMS CAMPAIGN_NOT_AVAILABLE; 21 SMS EXCEEDED_10DLC_LIMIT and
 * CAMPAIGN_NOT_AVAILABLE; 28 SMS without a code (ERROR_CODE_UNSPECIFIED); 1 voice
 * VOICE_PROVISIONING_FAILED; 2 SMS still in progress with an old code (not failed)</li>
 * <li>releases on hold: 3 ends in 1 h, 4 in 47 h, 5 in 49 h (too late), 6 in 1 h but already released</li>
 * <li>vanished: 8 one hour ago, 9 six days ago, 10 eight days ago</li>
 * <li>drift: 11 synced change 1 h ago (twice), 12 webhook 2 h ago, 13 a portal event (not drift),
 * 15 synced change 30 h ago (too old), 16 a rename seen by a sync (not a provider change)</li>
 * </ul>
 */
final class AttentionFleet {

	private AttentionFleet() {
	}

	static void mark(JdbcTemplate jdbc, long account) {
		codes(jdbc, account, 7, "sms", "FAILED", "{CAMPAIGN_NOT_AVAILABLE}");
		codes(jdbc, account, 14, "sms", "FAILED", "{CAMPAIGN_NOT_AVAILABLE}");
		codes(jdbc, account, 21, "sms", "FAILED", "{EXCEEDED_10DLC_LIMIT,CAMPAIGN_NOT_AVAILABLE}");
		codes(jdbc, account, 28, "sms", "FAILED", null);
		codes(jdbc, account, 1, "voice", "FAILED", "{VOICE_PROVISIONING_FAILED}");
		codes(jdbc, account, 2, "sms", "IN_PROGRESS", "{CAMPAIGN_NOT_AVAILABLE}");
		// the failures changed in this order: 21 last
		set(jdbc, account, 7, "modified_at = now() - interval '4 hours'");
		set(jdbc, account, 14, "modified_at = now() - interval '3 hours'");
		set(jdbc, account, 21, "modified_at = now() - interval '1 hours'");
		set(jdbc, account, 3, "provider_release_scheduled_at = now() + interval '1 hour', provider_release_reason = 'Churned'");
		set(jdbc, account, 4, "provider_release_scheduled_at = now() + interval '47 hours'");
		set(jdbc, account, 5, "provider_release_scheduled_at = now() + interval '49 hours'");
		set(jdbc, account, 6, "provider_release_scheduled_at = now() + interval '1 hour', provider_released_at = now()");
		set(jdbc, account, 8, "provider_missing_since = now() - interval '1 hour'");
		set(jdbc, account, 9, "provider_missing_since = now() - interval '6 days'");
		set(jdbc, account, 10, "provider_missing_since = now() - interval '8 days'");
		event(jdbc, account, 11, "PROVIDER_CHANGED", "PROVIDER_SYNC", "2 hours");
		event(jdbc, account, 11, "PROVIDER_CHANGED", "PROVIDER_SYNC", "1 hour");
		event(jdbc, account, 12, "PROVIDER_CHANGED", "WEBHOOK", "90 minutes");
		event(jdbc, account, 13, "PROVIDER_CHANGED", "PORTAL", "1 hour");
		event(jdbc, account, 15, "PROVIDER_CHANGED", "PROVIDER_SYNC", "30 hours");
		event(jdbc, account, 16, "RENAMED", "PROVIDER_SYNC", "1 hour");
	}

	static String number(int i) {
		return "+1206555" + String.format("%04d", i);
	}

	private static void codes(JdbcTemplate jdbc, long account, int i, String channel, String status, String codes) {
		jdbc.update("update phone_numbers set %1$s_provisioning_status = ?, %1$s_provisioning_error_codes = ?::text[] where provider_account_id = ? and number = ?"
			.formatted(channel), status, codes, account, number(i));
	}

	private static void set(JdbcTemplate jdbc, long account, int i, String assignments) {
		jdbc.update("update phone_numbers set " + assignments + " where provider_account_id = ? and number = ?", account,
				number(i));
	}

	static void event(JdbcTemplate jdbc, long account, int i, String type, String source, String ago) {
		jdbc.update("""
				insert into number_events (phone_number_id, type, title, field, before_value, after_value, source, created_at)
				select id, ?, 'SMS service plan changed at Sinch', 'sms_service_plan_id', 'sp-a', 'sp-z', ?, now() - cast(? as interval)
				from phone_numbers where provider_account_id = ? and number = ?""", type, source, ago, account, number(i));
	}
}

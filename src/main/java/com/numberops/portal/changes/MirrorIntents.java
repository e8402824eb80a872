package com.numberops.portal.changes;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The portal's intent in the mirror's carrier-owned columns: written when an edit is made, given
 * back when its change is cancelled or fails without a word from the carrier. The one place that
 * knows which column each kind of change writes.
 */
@Component
class MirrorIntents {

	/** Kind → the column its intent is written to, and how a stored text value reads back. */
	private static final Map<ChangeKind, String> COLUMNS = Map.of(ChangeKind.RENAME, "name", ChangeKind.BUSINESS_CAMPAIGN,
			"campaign_id", ChangeKind.CNAM_LOOKUPS, "cnam_lookups_enabled", ChangeKind.MESSAGING, "messaging_enabled",
			ChangeKind.ENABLEMENT, "enabled");

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	MirrorIntents(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether this kind keeps its intent in the mirror at all (SMS and voice show the carrier's state). */
	static boolean kept(ChangeKind kind) {
		return COLUMNS.containsKey(kind);
	}

	/** The edit's value into its column. */
	void write(long numberId, Edit edit) {
		ChangeKind kind = edit.kind();
		String column = COLUMNS.get(kind);
		if (column == null) {
			return;
		}
		Map<String, String> payload = edit.payload();
		Object value = switch (kind) {
			case RENAME -> payload.get("name");
			case BUSINESS_CAMPAIGN -> emptyToNull(payload.get("campaignId"));
			default -> Boolean.valueOf(payload.get("enabled"));
		};
		set(numberId, column, value);
	}

	/** The value before the change (kept in its {@code previous}) back into its column. */
	void restore(Change change) {
		String column = COLUMNS.get(change.kind());
		if (column == null) {
			return;
		}
		String before = change.previous().get(column);
		Object value = column.endsWith("_enabled") || column.equals("enabled")
				? (before == null ? null : Boolean.valueOf(before)) : before;
		if (column.equals("enabled") && value == null) {
			return;
		}
		set(change.numberId(), column, value);
	}

	/**
	 * provider_state_hash is cleared: the carrier may still report the other value, and the next
	 * sync must compare and write rather than skip the number as "unchanged".
	 */
	private void set(long numberId, String column, @Nullable Object value) {
		jdbc.update("update phone_numbers set " + column + " = :value, provider_state_hash = null, modified_at = :now,"
				+ " version = version + 1 where id = :id", new MapSqlParameterSource("id", numberId).addValue("value", value)
					.addValue("now", Timestamp.from(clock.instant())));
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return value == null || value.isEmpty() ? null : value;
	}
}

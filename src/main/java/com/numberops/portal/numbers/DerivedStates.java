package com.numberops.portal.numbers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings the stored status and inventory state of numbers in line with {@link NumberStates},
 * for callers that changed inputs in SQL. Writes only rows whose derived values actually change.
 */
@Service
public class DerivedStates {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	DerivedStates(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Recomputes the given numbers; answers how many rows changed. */
	@Transactional(propagation = Propagation.MANDATORY)
	public int recompute(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		Instant now = clock.instant();
		record Row(long id, String inventoryState, String status, MirrorFacts facts) {
		}
		List<Row> rows = jdbc.query("select id, inventory_state, status, " + MirrorFacts.COLUMNS
				+ " from phone_numbers where id = any(?)", (rs, i) -> new Row(rs.getLong("id"), rs.getString("inventory_state"),
						rs.getString("status"), MirrorFacts.read(rs)),
				(Object) ids.toArray(Long[]::new));
		List<Object[]> changes = rows.stream()
			.filter(row -> !row.inventoryState().equals(row.facts().inventoryState(now).value())
					|| !row.status().equals(row.facts().status(now).value()))
			.map(row -> new Object[] { row.facts().inventoryState(now).value(), row.facts().status(now).value(),
					Timestamp.from(now), row.id() })
			.toList();
		jdbc.batchUpdate("""
				update phone_numbers set inventory_state = ?, status = ?, modified_at = ?, version = version + 1
				where id = ?""", changes);
		return changes.size();
	}
}

package com.numberops.portal.numbers;

import java.sql.Timestamp;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The number's timeline (number_events), one event at a time: edits, their changes' outcomes,
 * overrides and warmup all write it here, in the transaction of what they record. (The sync
 * writes its events set-wise, a page at a time, in MirrorWriter.)
 */
@Repository
public class NumberEventLog {

	/** Who did it and through what: a person in the portal, or the portal's own jobs. */
	public record Actor(@Nullable Long userId, @Nullable String name, String source) {

		public static Actor person(long userId, String name) {
			return new Actor(userId, name, "PORTAL");
		}

		/** A scheduled job, possibly acting on someone's earlier request (named, not linked). */
		public static Actor scheduler(@Nullable String onBehalfOf) {
			return new Actor(null, onBehalfOf, "SCHEDULER");
		}
	}

	private final NamedParameterJdbcTemplate jdbc;

	NumberEventLog(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param field the field that changed, if one did ({@code before} → {@code after})
	 */
	public void record(long numberId, String type, String title, @Nullable String details, @Nullable String field,
			@Nullable String before, @Nullable String after, Actor actor, Instant at) {
		jdbc.update("""
				insert into number_events (phone_number_id, type, title, details, field, before_value, after_value, source,
				    actor_id, actor_name, created_at)
				values (:id, :type, :title, :details, :field, :before, :after, :source, :actorId, :actor, :at)""",
				new MapSqlParameterSource("id", numberId).addValue("type", type)
					.addValue("title", title)
					.addValue("details", details)
					.addValue("field", field)
					.addValue("before", before)
					.addValue("after", after)
					.addValue("source", actor.source())
					.addValue("actorId", actor.userId())
					.addValue("actor", actor.name())
					.addValue("at", Timestamp.from(at)));
	}
}

package com.numberops.portal.numbers;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The number's timeline (number_events), one line at a time, for the verbs of {@link PhoneNumbers}
 * (the sync's page-wise events are written set-wise by {@link CarrierMirror}).
 */
@Repository
class NumberEventLog {

	private final NamedParameterJdbcTemplate jdbc;

	NumberEventLog(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void record(long numberId, TimelineEntry entry, Actor actor, Instant at) {
		jdbc.update("""
				insert into number_events (phone_number_id, type, title, details, field, before_value, after_value, source,
				    actor_id, actor_name, created_at)
				values (:id, :type, :title, :details, :field, :before, :after, :source, :actorId, :actor, :at)""",
				new MapSqlParameterSource("id", numberId).addValue("type", entry.type())
					.addValue("title", entry.title())
					.addValue("details", entry.details())
					.addValue("field", entry.field())
					.addValue("before", entry.before())
					.addValue("after", entry.after())
					.addValue("source", actor.source())
					.addValue("actorId", actor.userId())
					.addValue("actor", actor.name())
					.addValue("at", Timestamp.from(at)));
	}
}

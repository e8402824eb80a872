package com.numberops.portal.changes;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The outbox as Prometheus sees it: open changes per state ({@code portal.outbox.depth}) and how
 * long the oldest open change has waited ({@code portal.outbox.oldest.age}, 0 when none is open).
 * One query through the open changes' partial index answers every gauge, and its answer is kept
 * for {@link #FRESH_FOR}: a scrape reads each gauge in turn, and several scrapers may ask at once.
 */
@Component
class OutboxMetrics implements MeterBinder {

	static final Duration FRESH_FOR = Duration.ofSeconds(5);

	private record Reading(long readAtNanos, Map<ChangeState, Long> depth, double oldestAgeSeconds) {
	}

	private final JdbcTemplate jdbc;

	private volatile Reading last = new Reading(System.nanoTime() - FRESH_FOR.toNanos() - 1, Map.of(), 0);

	OutboxMetrics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (ChangeState state : ChangeState.values()) {
			if (!state.open()) {
				continue;
			}
			Gauge.builder("portal.outbox.depth", this, metrics -> metrics.reading().depth().getOrDefault(state, 0L))
				.description("Changes on their way to a carrier, by state")
				.tag("state", state.name())
				.register(registry);
		}
		Gauge.builder("portal.outbox.oldest.age", this, metrics -> metrics.reading().oldestAgeSeconds())
			.description("How long the oldest change still on its way to a carrier has waited")
			.baseUnit("seconds")
			.register(registry);
	}

	private Reading reading() {
		Reading reading = last;
		if (System.nanoTime() - reading.readAtNanos() < FRESH_FOR.toNanos()) {
			return reading;
		}
		synchronized (this) {
			if (last != reading) {
				return last;
			}
			Map<ChangeState, Long> depth = new EnumMap<>(ChangeState.class);
			double[] oldest = { 0 };
			// the states spelled as pending_changes_open_idx's predicate, so the planner uses it
			jdbc.query("""
					select state, count(*), extract(epoch from now() - min(created_at))
					from pending_changes
					where state in ('PENDING', 'IN_PROGRESS', 'WAITING_FOR_PROVIDER', 'PARTIAL')
					group by state""", rs -> {
				depth.put(ChangeState.valueOf(rs.getString(1)), rs.getLong(2));
				oldest[0] = Math.max(oldest[0], rs.getDouble(3));
			});
			last = new Reading(System.nanoTime(), depth, oldest[0]);
			return last;
		}
	}
}

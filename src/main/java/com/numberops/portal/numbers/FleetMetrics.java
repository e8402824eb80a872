package com.numberops.portal.numbers;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The dashboard's fleet figures for Prometheus: numbers per inventory state
 * ({@code portal.fleet.numbers}) and per status ({@code portal.fleet.numbers.status}), the whole
 * fleet (every team). They come from the maintained counts ({@link FleetCounts}, a few
 * milliseconds at a million numbers, never a scan), read once for all gauges and kept for
 * {@link #FRESH_FOR}.
 */
@Component
class FleetMetrics implements MeterBinder {

	static final Duration FRESH_FOR = Duration.ofSeconds(5);

	private record Reading(long readAtNanos, Fleet fleet) {
	}

	private final FleetCounts counts;

	private volatile @Nullable Reading last;

	FleetMetrics(FleetCounts counts) {
		this.counts = counts;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (InventoryState state : InventoryState.values()) {
			Gauge.builder("portal.fleet.numbers", this, metrics -> metrics.fleet().byInventoryState().getOrDefault(state, 0L))
				.description("Numbers in the mirror by inventory state (the dashboard's maintained counts)")
				.tag("inventory_state", state.name())
				.register(registry);
		}
		for (NumberStatus status : NumberStatus.values()) {
			Gauge.builder("portal.fleet.numbers.status", this, metrics -> metrics.fleet().byStatus().getOrDefault(status, 0L))
				.description("Numbers in the mirror by status (the dashboard's maintained counts)")
				.tag("status", status.name())
				.register(registry);
		}
	}

	private Fleet fleet() {
		Reading reading = last;
		if (reading != null && System.nanoTime() - reading.readAtNanos() < FRESH_FOR.toNanos()) {
			return reading.fleet();
		}
		synchronized (this) {
			Reading meanwhile = last;
			if (meanwhile != null && meanwhile != reading) {
				return meanwhile.fleet();
			}
			Fleet fleet = counts.fleet(Viewer.jobs());
			last = new Reading(System.nanoTime(), fleet);
			return fleet;
		}
	}
}

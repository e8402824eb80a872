package com.numberops.portal.dashboard;

import com.numberops.portal.numbers.Fleet;
import com.numberops.portal.numbers.InventoryState;
import com.numberops.portal.numbers.WarmupState;

/** The counts a day of the trends keeps, from the fleet: the one place that says what each means. */
record DayCounts(long total, long ready, long failing, long warming, long warmed) {

	static final DayCounts NONE = new DayCounts(0, 0, 0, 0, 0);

	static DayCounts of(Fleet fleet) {
		var states = fleet.byInventoryState();
		var warmup = fleet.smsWarmup();
		return new DayCounts(fleet.total(),
				states.get(InventoryState.READY_FOR_SMS) + states.get(InventoryState.READY_FOR_VOICE),
				states.get(InventoryState.FAILED) + states.get(InventoryState.SUSPENDED) + states.get(InventoryState.RESTRICTED),
				warmup.get(WarmupState.WARMING) + warmup.get(WarmupState.NEEDS_ATTENTION),
				warmup.get(WarmupState.HEALTHY) + warmup.get(WarmupState.READY));
	}

	DayCounts plus(DayCounts other) {
		return new DayCounts(total + other.total, ready + other.ready, failing + other.failing, warming + other.warming,
				warmed + other.warmed);
	}
}

package com.numberops.portal.numbers;

import java.util.List;
import java.util.Map;

/**
 * The fleet now, as one viewer may see it ({@link FleetCounts#fleet}). Every map holds every value
 * of its enum (0 when no number has it), in the enum's order, so a figure of zero is still shown.
 *
 * @param smsWarmup numbers per SMS warmup state; a number never warmed counts as Not Started
 * @param callWarmup numbers per call warmup state; a number never warmed counts as Not Started
 * @param callStages numbers per call warmup stage 0-4 (numbers without a stage are in none)
 * @param byAccount per provider account, by name
 * @param byTeam per team, by name, then the numbers of no team (id null) when there are any
 */
public record Fleet(long total, Map<InventoryState, Long> byInventoryState, Map<NumberStatus, Long> byStatus,
		List<Slice> byAccount, List<Slice> byTeam, Map<WarmupState, Long> smsWarmup, Map<CallWarmupState, Long> callWarmup,
		Map<Integer, Long> callStages) {

	/** The call warmup's stages, 0 to 4. */
	public static final List<Integer> CALL_STAGES = List.of(0, 1, 2, 3, 4);
}

package com.numberops.portal.dashboard.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.numberops.portal.dashboard.Dashboard.FleetPart;
import com.numberops.portal.numbers.CampaignLoad;
import com.numberops.portal.numbers.Fleet;
import com.numberops.portal.numbers.InventoryState;
import com.numberops.portal.numbers.NumberStatus;
import com.numberops.portal.numbers.Slice;

/**
 * The fleet part as the page draws it: headline figures and one bar per state, status, account,
 * team and warmup step, each with the link to exactly its numbers.
 */
record FleetView(long total, List<Figure> headline, List<Bar> states, List<Bar> statuses, List<Bar> accounts,
		List<Bar> teams, List<Bar> smsWarmup, List<Bar> callWarmup, List<Bar> callStages, List<Campaign> campaigns,
		int campaignLimit, Instant at) {

	/** A headline figure: a count, what it counts, and where those numbers are. */
	record Figure(String key, String label, long count, String link, String css) {
	}

	/** One bar of a distribution: its share of the largest bar sets its length. */
	record Bar(String label, long count, double length, String link) {

		public boolean empty() {
			return count == 0;
		}
	}

	/** A 10DLC campaign's load against its limit. */
	record Campaign(String id, long numbers, int limit, double length, boolean near, boolean over, String link) {
	}

	static FleetView of(FleetPart part) {
		Fleet fleet = part.fleet();
		Map<InventoryState, Long> states = fleet.byInventoryState();
		List<Figure> headline = List.of(new Figure("total", "Numbers", fleet.total(), DashboardLinks.all(), "figure-total"),
				figure(states, InventoryState.READY_FOR_SMS, "figure-good"),
				figure(states, InventoryState.READY_FOR_VOICE, "figure-good"),
				figure(states, InventoryState.PENDING_RELEASE, "figure-notice"),
				figure(states, InventoryState.SUSPENDED, "figure-bad"), figure(states, InventoryState.FAILED, "figure-bad"));
		// one scale for every campaign's bar: the limit, or the fullest campaign when one is over it
		long scale = Math.max(part.campaignLimit(),
				part.campaigns().stream().mapToLong(CampaignLoad::numbers).max().orElse(0));
		List<Campaign> campaigns = part.campaigns().stream().map(load -> campaign(load, scale)).toList();
		return new FleetView(fleet.total(), headline,
				bars(states, InventoryState::value, DashboardLinks::state),
				bars(fleet.byStatus(), NumberStatus::value, DashboardLinks::status),
				slices(fleet.byAccount(), slice -> DashboardLinks.account(slice.id())),
				slices(fleet.byTeam(), slice -> DashboardLinks.team(slice.id())),
				bars(fleet.smsWarmup(), state -> state.label(), DashboardLinks::smsWarmup),
				bars(fleet.callWarmup(), state -> state.label(), DashboardLinks::callWarmup),
				bars(fleet.callStages(), stage -> "Stage " + stage, DashboardLinks::callStage), campaigns,
				part.campaignLimit(), part.at());
	}

	private static Figure figure(Map<InventoryState, Long> states, InventoryState state, String css) {
		return new Figure(state.name().toLowerCase(java.util.Locale.ROOT), state.value(), states.getOrDefault(state, 0L),
				DashboardLinks.state(state), css);
	}

	private static <K> List<Bar> bars(Map<K, Long> counts, Function<K, String> label, Function<K, String> link) {
		long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
		List<Bar> bars = new ArrayList<>();
		counts.forEach((key, count) -> bars.add(new Bar(label.apply(key), count, length(count, max), link.apply(key))));
		return bars;
	}

	private static List<Bar> slices(List<Slice> slices, Function<Slice, String> link) {
		long max = slices.stream().mapToLong(Slice::count).max().orElse(0);
		return slices.stream().map(slice -> new Bar(slice.name(), slice.count(), length(slice.count(), max), link.apply(slice))).toList();
	}

	private static Campaign campaign(CampaignLoad load, long scale) {
		return new Campaign(load.campaignId(), load.numbers(), load.limit(), length(load.numbers(), scale), load.near(),
				load.over(), DashboardLinks.campaign(load.campaignId()));
	}

	/** The bar's length in percent of the longest (an SVG width: the CSP forbids inline styles). */
	private static double length(long count, long max) {
		return max == 0 ? 0 : Math.round(1000.0 * count / max) / 10.0;
	}
}

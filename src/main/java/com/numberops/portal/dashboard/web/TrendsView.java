package com.numberops.portal.dashboard.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.numberops.portal.dashboard.DailyFigures;
import com.numberops.portal.dashboard.Dashboard.TrendsPart;
import com.numberops.portal.dashboard.web.Charts.Chart;
import com.numberops.portal.dashboard.web.Charts.Series;

/**
 * The trends part: four charts over the last days, each with its table.
 *
 * @param days the days with figures (measured); {@code span} the days asked for
 */
record TrendsView(List<Chart> charts, int days, int span, Instant at) {

	/** Outcomes in the order their colours stack, the good one at the bottom. */
	private static final List<String> OUTCOMES = List.of("SUCCEEDED", "PARTIAL", "FAILED", "CANCELLED");

	static TrendsView of(TrendsPart part) {
		// a day without a snapshot (before the portal ran, or a night it was down) is not known, not
		// zero: it is left out rather than drawn as a fall to nothing
		List<DailyFigures> figures = part.days().stream().filter(DailyFigures::measured).toList();
		List<LocalDate> days = figures.stream().map(DailyFigures::day).toList();
		List<Chart> charts = List.of(
				Charts.lines("Ready vs failing", days,
						List.of(new Series("Ready", "series-good", Charts.values(figures, DailyFigures::ready)),
								new Series("Failing", "series-bad", Charts.values(figures, DailyFigures::failing)))),
				Charts.lines("SMS warmup progress", days,
						List.of(new Series("Warming", "series-notice", Charts.values(figures, DailyFigures::warming)),
								new Series("Warmed", "series-good", Charts.values(figures, DailyFigures::warmed)))),
				Charts.stacked("Changes per day by outcome", days, outcomes(figures)),
				Charts.lines("Numbers added and released", days,
						List.of(new Series("Added", "series-good", Charts.values(figures, DailyFigures::added)),
								new Series("Released", "series-muted", Charts.values(figures, DailyFigures::released)))));
		return new TrendsView(charts, figures.size(), part.days().size(), part.at());
	}

	private static List<Series> outcomes(List<DailyFigures> figures) {
		Set<String> names = new LinkedHashSet<>(OUTCOMES);
		figures.forEach(day -> names.addAll(day.changesByOutcome().keySet()));
		List<Series> series = new ArrayList<>();
		for (String name : names) {
			series.add(new Series(label(name), "outcome-" + name.toLowerCase(java.util.Locale.ROOT),
					Charts.values(figures, day -> day.changesByOutcome().getOrDefault(name, 0L))));
		}
		return series;
	}

	private static String label(String outcome) {
		String lower = outcome.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
		return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
	}
}

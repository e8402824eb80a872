package com.numberops.portal.dashboard;

import java.time.LocalDate;
import java.util.Map;

/**
 * One UTC day of the trends ({@link Trends#lastDays}).
 *
 * @param total numbers that day
 * @param ready Ready for SMS + Ready for voice
 * @param failing Failed + Suspended + Restricted
 * @param warming in SMS warmup: Warming + Needs Attention
 * @param warmed SMS warmup done: Healthy + Ready
 * @param added numbers first seen that day
 * @param released numbers released that day (entering Released)
 * @param changesByOutcome changes asked for that day, by what became of them (changes.ChangeDays#outcomesByDay)
 * @param measured the counts were measured that day (a snapshot, or live for today); false: no
 *        snapshot exists for the day (the portal did not run) and the counts are 0, not known
 */
public record DailyFigures(LocalDate day, long total, long ready, long failing, long warming, long warmed, long added,
		long released, Map<String, Long> changesByOutcome, boolean measured) {
}

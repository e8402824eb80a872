package com.numberops.portal.sync.web;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them: "0.4 s", "12.3 s" (tenths cut, not rounded), "3 min 05 s", "1 h 02 min". */
final class Durations {

	private Durations() {
	}

	static String readable(Duration duration) {
		long millis = Math.max(0, duration.toMillis());
		if (millis < 60_000) {
			return millis / 1000 + "." + (millis % 1000) / 100 + " s";
		}
		long seconds = millis / 1000;
		if (seconds < 3600) {
			return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
		}
		return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
	}

	/** A configured interval: "15 min", "1 h", "30 s". */
	static String interval(Duration interval) {
		long seconds = interval.toSeconds();
		if (seconds % 3600 == 0 && seconds > 0) {
			return seconds / 3600 + " h";
		}
		if (seconds % 60 == 0 && seconds > 0) {
			return seconds / 60 + " min";
		}
		return seconds + " s";
	}
}

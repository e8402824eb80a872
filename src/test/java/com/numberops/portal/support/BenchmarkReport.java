package com.numberops.portal.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What every benchmark shares: its percentiles, and writing its table into
 * {@code docs/benchmarks.md} (or {@code -Dbenchmark.report=<file>}; {@code none}: print only)
 * between its own markers, keeping everything outside them: the latest figures replace the
 * previous ones, the findings written around them stay.
 */
public final class BenchmarkReport {

	private BenchmarkReport() {
	}

	/**
	 * Replaces what is between the markers named {@code name} ({@code <!-- name:begin ... -->} and
	 * {@code <!-- name:end -->}, the begin marker kept as written), or adds them at the end.
	 */
	public static void write(String name, String table) throws IOException {
		String target = System.getProperty("benchmark.report", "docs/benchmarks.md");
		if (target.equals("none")) {
			return;
		}
		String beginPrefix = "<!-- " + name + ":begin";
		String end = "<!-- " + name + ":end -->";
		Path report = Path.of(target);
		String existing = Files.exists(report) ? Files.readString(report) : "# Benchmarks\n";
		int from = existing.indexOf(beginPrefix);
		int to = existing.indexOf(end);
		if (from >= 0 && to > from) {
			int afterBegin = existing.indexOf("-->", from) + 3;
			String begin = existing.substring(from, afterBegin);
			Files.writeString(report, existing.substring(0, from) + begin + "\n\n" + table.strip() + "\n\n" + end
					+ existing.substring(to + end.length()));
			return;
		}
		String begin = beginPrefix + " (written by a benchmark; text outside these markers is kept) -->";
		Files.writeString(report, existing.stripTrailing() + "\n\n" + begin + "\n\n" + table.strip() + "\n\n" + end + "\n");
	}

	/** The {@code percentile}th percentile of the values (nearest rank). */
	public static double percentile(double[] values, int percentile) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}
}

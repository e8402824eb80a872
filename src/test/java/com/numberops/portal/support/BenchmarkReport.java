package com.numberops.portal.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a benchmark's table into {@code docs/benchmarks.md} (or {@code -Dbenchmark.report=<file>};
 * {@code none}: print only) between the benchmark's own markers, keeping everything outside them:
 * the latest figures replace the previous ones, the findings written around them stay.
 */
public final class BenchmarkReport {

	private BenchmarkReport() {
	}

	/** Replaces what is between the markers named {@code name} (added at the end the first time). */
	public static void write(String name, String table) throws IOException {
		String target = System.getProperty("benchmark.report", "docs/benchmarks.md");
		if (target.equals("none")) {
			return;
		}
		String begin = "<!-- " + name + ":begin (written by a benchmark; text outside these markers is kept) -->";
		String end = "<!-- " + name + ":end -->";
		Path report = Path.of(target);
		String existing = Files.exists(report) ? Files.readString(report) : "# Benchmarks\n";
		String block = begin + "\n\n" + table.strip() + "\n\n" + end;
		int from = existing.indexOf(begin);
		int to = existing.indexOf(end);
		String updated = from >= 0 && to > from ? existing.substring(0, from) + block + existing.substring(to + end.length())
				: existing.stripTrailing() + "\n\n" + block + "\n";
		Files.writeString(report, updated);
	}
}

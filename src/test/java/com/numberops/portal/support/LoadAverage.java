package com.numberops.portal.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine's load for a benchmark's report: other work on the machine skews every figure. */
public final class LoadAverage {

	private LoadAverage() {
	}

	/** 1, 5 and 15 minute load averages, "1.02 / 0.80 / 0.55". */
	public static String now() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
			return fields[0] + " / " + fields[1] + " / " + fields[2];
		}
		catch (IOException | RuntimeException unreadable) {
			double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
			return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
		}
	}
}

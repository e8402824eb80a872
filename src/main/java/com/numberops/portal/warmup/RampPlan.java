package com.numberops.portal.warmup;

import java.util.ArrayList;
import java.util.List;

/**
 * The ramp a warming number follows: stages of some days each, at a daily volume (messages or
 * calls a day). One job run per due number is one day. Written {@code days x volume} per stage,
 * comma separated, e.g. {@code 2x20,3x50,4x100}.
 */
public record RampPlan(List<Stage> stages) {

	public record Stage(int days, int dailyVolume) {

		public Stage {
			if (days < 1 || dailyVolume < 1) {
				throw new IllegalArgumentException("A ramp stage needs at least one day and a volume of at least 1");
			}
		}
	}

	public RampPlan {
		stages = List.copyOf(stages);
		if (stages.isEmpty()) {
			throw new IllegalArgumentException("A ramp plan needs at least one stage");
		}
	}

	/** Reads {@code 2x20,3x50,…}. */
	public static RampPlan parse(String spec) {
		List<Stage> stages = new ArrayList<>();
		for (String part : spec.split(",")) {
			String[] daysAndVolume = part.strip().split("[xX×]");
			if (daysAndVolume.length != 2) {
				throw new IllegalArgumentException("Ramp stage '" + part.strip() + "' is not days x volume");
			}
			stages.add(new Stage(Integer.parseInt(daysAndVolume[0].strip()), Integer.parseInt(daysAndVolume[1].strip())));
		}
		return new RampPlan(stages);
	}

	public int totalDays() {
		return stages.stream().mapToInt(Stage::days).sum();
	}

	/** The stage (0-based) a number is in after {@code daysDone} days; the last one once done. */
	public int stageAfter(int daysDone) {
		int end = 0;
		for (int i = 0; i < stages.size(); i++) {
			end += stages.get(i).days();
			if (daysDone < end) {
				return i;
			}
		}
		return stages.size() - 1;
	}

	/** The volume of the day after {@code daysDone} days. */
	public int volumeAfter(int daysDone) {
		return stages.get(stageAfter(daysDone)).dailyVolume();
	}

	/** 0–100, rounded down: 100 only when every day is done. */
	public int progressPercent(int daysDone) {
		return Math.min(100, Math.max(0, daysDone) * 100 / totalDays());
	}
}

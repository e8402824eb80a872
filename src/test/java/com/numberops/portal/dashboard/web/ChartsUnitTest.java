package com.numberops.portal.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.numberops.portal.dashboard.web.Charts.Chart;
import com.numberops.portal.dashboard.web.Charts.Series;

class ChartsUnitTest {

	static final List<LocalDate> DAYS = List.of(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 4),
			LocalDate.of(2026, 12, 5));

	@ParameterizedTest
	@CsvSource({ "0, 1", "1, 1", "3, 5", "7, 10", "10, 10", "11, 20", "180, 200", "201, 500", "999, 1000", "1001, 2000" })
	void theAxisEndsAtARoundNumberAtOrAboveTheLargestValue(long max, long axis) {
		assertThat(Charts.niceMax(max)).isEqualTo(axis);
	}

	@Test
	void aLineRunsFromTheLeftEdgeToTheRightWithTheTopValueAtTheTop() {
		Chart chart = Charts.lines("Ready", DAYS, List.of(new Series("Ready", "series-good", List.of(0L, 5L, 10L))));
		assertThat(chart.lines()).singleElement()
			.satisfies(line -> assertThat(line.path()).isEqualTo("M44.0,158.0 L298.0,84.0 L552.0,10.0"));
		assertThat(chart.yTicks()).extracting(Charts.Tick::label).containsExactly("0", "5", "10");
		assertThat(chart.xTicks()).extracting(Charts.Tick::label, Charts.Tick::anchor)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("3 Dec", "start"),
					org.assertj.core.groups.Tuple.tuple("4 Dec", "middle"), org.assertj.core.groups.Tuple.tuple("5 Dec", "end"));
	}

	@Test
	void theTableBehindAChartHoldsEveryFigure() {
		Chart chart = Charts.stacked("Changes", DAYS,
				List.of(new Series("Succeeded", "outcome-succeeded", List.of(1200L, 0L, 3L)),
						new Series("Failed", "outcome-failed", List.of(1L, 0L, 0L))));
		assertThat(chart.headers()).containsExactly("Day", "Succeeded", "Failed");
		assertThat(chart.rows()).containsExactly(List.of("3 Dec", "1,200", "1"), List.of("4 Dec", "0", "0"),
				List.of("5 Dec", "3", "0"));
		assertThat(chart.columns().get(1).blocks()).as("an empty day draws nothing").isEmpty();
		assertThat(chart.columns().get(1).title()).isEqualTo("4 Dec: none");
		assertThat(chart.columns().get(0).blocks()).hasSize(2);
	}

	@Test
	void noDaysDrawNoChart() {
		assertThat(Charts.lines("Ready", List.of(), List.of(new Series("Ready", "series-good", List.of()))).empty()).isTrue();
	}

	@Test
	void theMarkupDrawsEveryDotAndBlockWithItsFiguresAsTitlesEscaped() {
		String lines = Charts.lines("Ready", DAYS, List.of(new Series("<Ready & set>", "series-good", List.of(0L, 5L, 10L))))
			.svg("chart-0-title");
		assertThat(lines).startsWith("<svg class=\"chart-svg\" viewBox=\"0 0 560 180\" role=\"img\" aria-labelledby=\"chart-0-title\"")
			.contains("<path d=\"M44.0,158.0 L298.0,84.0 L552.0,10.0\"></path>")
			.contains("<circle cx=\"552.0\" cy=\"10.0\" r=\"2.5\"><title>5 Dec: &lt;Ready &amp; set&gt; 10</title></circle>")
			.doesNotContain("<Ready", "style=", "<script")
			.endsWith("</svg>");
		assertThat(lines.split("<circle ", -1)).hasSize(4);
		String columns = Charts.stacked("Changes", DAYS, List.of(new Series("Succeeded", "outcome-succeeded", List.of(1200L, 0L, 3L)),
				new Series("Failed", "outcome-failed", List.of(1L, 0L, 0L)))).svg("chart-2-title");
		assertThat(columns).contains("<g class=\"column\"><title>4 Dec: none</title></g>")
			.contains("<title>3 Dec: Succeeded 1200, Failed 1</title><rect class=\"outcome-succeeded\"");
		assertThat(columns.split("<rect ", -1)).as("a block per value above nothing").hasSize(4);
	}
}

package com.numberops.portal.dashboard.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

import org.unbescape.html.HtmlEscape;
import org.unbescape.html.HtmlEscapeLevel;
import org.unbescape.html.HtmlEscapeType;

/**
 * The dashboard's charts, drawn on the server as SVG geometry that the template writes out: no
 * chart script, nothing inline for the Content-Security-Policy to refuse, and the same figures as
 * a table beside each chart for screen readers and for anyone who wants the numbers.
 */
public final class Charts {

	static final int WIDTH = 560;

	static final int HEIGHT = 180;

	static final int LEFT = 44;

	static final int RIGHT = 8;

	static final int TOP = 10;

	static final int BOTTOM = 22;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private Charts() {
	}

	/** A labelled position on an axis. */
	public record Tick(double at, String label, String anchor) {

		Tick(double at, String label) {
			this(at, label, "middle");
		}
	}

	/** One series of a chart: its name, its colour (a CSS class) and its values per day. */
	public record Series(String name, String css, List<Long> values) {
	}

	/** A series drawn as a line: the path and a dot per day (with its value as a tooltip). */
	public record Line(String name, String css, String path, List<Dot> dots) {
	}

	public record Dot(double x, double y, String title) {
	}

	/** A stacked column per day. */
	public record Column(List<Block> blocks, String title) {
	}

	public record Block(String css, double x, double y, double width, double height) {
	}

	/**
	 * A chart: lines or stacked columns over days, the axes, and the table of the same figures.
	 *
	 * @param rows one per day: the day, then each series' value
	 */
	public record Chart(String title, int width, int height, List<Line> lines, List<Column> columns, List<Tick> yTicks,
			List<Tick> xTicks, List<Series> series, List<String> headers, List<List<String>> rows) {

		public double left() {
			return LEFT;
		}

		public double right() {
			return width - RIGHT;
		}

		public double bottom() {
			return height - BOTTOM;
		}

		public boolean empty() {
			return rows.isEmpty();
		}

		/**
		 * The chart as SVG markup, labelled by the element of id {@code labelledBy}. Written here
		 * rather than by the template: a month of dots, columns and their titles is some 1,500
		 * attribute expressions, most of the page's drawing time, where a builder takes microseconds.
		 * Every text is escaped; the markup has no style or script, so the CSP holds.
		 */
		public String svg(String labelledBy) {
			StringBuilder svg = new StringBuilder(16_384);
			svg.append("<svg class=\"chart-svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
				.append("\" role=\"img\" aria-labelledby=\"").append(escape(labelledBy)).append("\" focusable=\"false\">");
			svg.append("<g class=\"axis\">");
			for (Tick tick : yTicks) {
				svg.append("<line x1=\"").append(left()).append("\" x2=\"").append(right()).append("\" y1=\"").append(tick.at())
					.append("\" y2=\"").append(tick.at()).append("\" class=\"grid\"></line>");
			}
			for (Tick tick : yTicks) {
				svg.append("<text x=\"").append(left() - 4).append("\" y=\"").append(tick.at() + 3)
					.append("\" text-anchor=\"end\">").append(escape(tick.label())).append("</text>");
			}
			for (Tick tick : xTicks) {
				svg.append("<text x=\"").append(tick.at()).append("\" y=\"").append(height - 6).append("\" text-anchor=\"")
					.append(escape(tick.anchor())).append("\">").append(escape(tick.label())).append("</text>");
			}
			svg.append("</g>");
			for (Line line : lines) {
				svg.append("<g class=\"series ").append(escape(line.css())).append("\"><path d=\"").append(line.path()).append("\"></path>");
				for (Dot dot : line.dots()) {
					svg.append("<circle cx=\"").append(dot.x()).append("\" cy=\"").append(dot.y()).append("\" r=\"2.5\"><title>")
						.append(escape(dot.title())).append("</title></circle>");
				}
				svg.append("</g>");
			}
			for (Column column : columns) {
				svg.append("<g class=\"column\"><title>").append(escape(column.title())).append("</title>");
				for (Block block : column.blocks()) {
					svg.append("<rect class=\"").append(escape(block.css())).append("\" x=\"").append(block.x()).append("\" y=\"")
						.append(block.y()).append("\" width=\"").append(block.width()).append("\" height=\"").append(block.height())
						.append("\"></rect>");
				}
				svg.append("</g>");
			}
			return svg.append("</svg>").toString();
		}
	}

	/** As {@code th:text} escapes (unbescape, Thymeleaf's own escaper), the same as the inventory rows. */
	private static String escape(String text) {
		return HtmlEscape.escapeHtml(text, HtmlEscapeType.HTML4_NAMED_REFERENCES_DEFAULT_TO_DECIMAL,
				HtmlEscapeLevel.LEVEL_2_ALL_NON_ASCII_PLUS_MARKUP_SIGNIFICANT);
	}

	/** A line per series over the days. */
	public static Chart lines(String title, List<LocalDate> days, List<Series> series) {
		long max = niceMax(series.stream().flatMap(s -> s.values().stream()).mapToLong(Long::longValue).max().orElse(0));
		List<Line> lines = new ArrayList<>();
		for (Series one : series) {
			StringBuilder path = new StringBuilder();
			List<Dot> dots = new ArrayList<>();
			for (int i = 0; i < days.size(); i++) {
				double x = x(i, days.size());
				double y = y(one.values().get(i), max);
				path.append(i == 0 ? "M" : " L").append(round(x)).append(',').append(round(y));
				dots.add(new Dot(round(x), round(y), DAY.format(days.get(i)) + ": " + one.name() + " " + one.values().get(i)));
			}
			lines.add(new Line(one.name(), one.css(), path.toString(), dots));
		}
		return new Chart(title, WIDTH, HEIGHT, lines, List.of(), yTicks(max), xTicks(days), series, headers(series),
				rows(days, series));
	}

	/** A column per day, its series stacked bottom up. */
	public static Chart stacked(String title, List<LocalDate> days, List<Series> series) {
		long max = 0;
		for (int i = 0; i < days.size(); i++) {
			long sum = 0;
			for (Series one : series) {
				sum += one.values().get(i);
			}
			max = Math.max(max, sum);
		}
		max = niceMax(max);
		double slot = days.isEmpty() ? 0 : (double) (WIDTH - LEFT - RIGHT) / days.size();
		double width = Math.max(1, slot * 0.7);
		List<Column> columns = new ArrayList<>();
		for (int i = 0; i < days.size(); i++) {
			double x = LEFT + slot * i + (slot - width) / 2;
			double base = HEIGHT - BOTTOM;
			List<Block> blocks = new ArrayList<>();
			List<String> parts = new ArrayList<>();
			for (Series one : series) {
				long value = one.values().get(i);
				double height = (HEIGHT - TOP - BOTTOM) * (double) value / max;
				base -= height;
				if (value > 0) {
					blocks.add(new Block(one.css(), round(x), round(base), round(width), round(height)));
					parts.add(one.name() + " " + value);
				}
			}
			columns.add(new Column(blocks, DAY.format(days.get(i)) + (parts.isEmpty() ? ": none" : ": " + String.join(", ", parts))));
		}
		return new Chart(title, WIDTH, HEIGHT, List.of(), columns, yTicks(max), columnTicks(days, slot), series,
				headers(series), rows(days, series));
	}

	/** The values of one figure per day. */
	public static <T> List<Long> values(List<T> days, ToLongFunction<T> figure) {
		return days.stream().map(day -> figure.applyAsLong(day)).toList();
	}

	/** A round top for the axis (1, 2 or 5 times a power of ten) at or above the largest value; at least 1. */
	static long niceMax(long max) {
		if (max <= 0) {
			return 1;
		}
		long power = 1;
		while (power * 10 <= max) {
			power *= 10;
		}
		for (long step : new long[] { 1, 2, 5, 10 }) {
			if (step * power >= max) {
				return step * power;
			}
		}
		return 10 * power;
	}

	private static double x(int i, int count) {
		return count <= 1 ? LEFT : LEFT + (double) (WIDTH - LEFT - RIGHT) * i / (count - 1);
	}

	private static double y(long value, long max) {
		return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (double) value / max);
	}

	private static List<Tick> yTicks(long max) {
		return List.of(new Tick(round(y(0, max)), "0"), new Tick(round(y(max / 2, max)), String.format(Locale.ENGLISH, "%,d", max / 2)),
				new Tick(round(y(max, max)), String.format(Locale.ENGLISH, "%,d", max)));
	}

	private static List<Tick> xTicks(List<LocalDate> days) {
		if (days.isEmpty()) {
			return List.of();
		}
		List<Tick> ticks = new ArrayList<>();
		for (int i : new int[] { 0, days.size() / 2, days.size() - 1 }) {
			if (ticks.stream().noneMatch(tick -> tick.label().equals(DAY.format(days.get(i))))) {
				// the outer labels lean inwards, so they stay inside the drawing
				String anchor = i == 0 ? "start" : i == days.size() - 1 ? "end" : "middle";
				ticks.add(new Tick(round(x(i, days.size())), DAY.format(days.get(i)), anchor));
			}
		}
		return ticks;
	}

	private static List<Tick> columnTicks(List<LocalDate> days, double slot) {
		if (days.isEmpty()) {
			return List.of();
		}
		List<Tick> ticks = new ArrayList<>();
		for (int i : new int[] { 0, days.size() / 2, days.size() - 1 }) {
			if (ticks.stream().noneMatch(tick -> tick.label().equals(DAY.format(days.get(i))))) {
				ticks.add(new Tick(round(LEFT + slot * i + slot / 2), DAY.format(days.get(i))));
			}
		}
		return ticks;
	}

	private static List<String> headers(List<Series> series) {
		List<String> headers = new ArrayList<>(List.of("Day"));
		series.forEach(one -> headers.add(one.name()));
		return headers;
	}

	private static List<List<String>> rows(List<LocalDate> days, List<Series> series) {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < days.size(); i++) {
			List<String> row = new ArrayList<>(List.of(DAY.format(days.get(i))));
			for (Series one : series) {
				row.add(String.format(Locale.ENGLISH, "%,d", one.values().get(i)));
			}
			rows.add(row);
		}
		return rows;
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}
}

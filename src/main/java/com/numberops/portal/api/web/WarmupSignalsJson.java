package com.numberops.portal.api.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.warmup.SignalReport;

/**
 * Reads the body of POST /api/warmup-signals into reports, strictly: only the fields the API
 * names, counts as JSON whole numbers (not "12", not 12.5), texts as strings. What a report means
 * (ranges, sums, days) is the warmup module's rules; this is only the JSON's shape, and each
 * problem names its field as the body does ({@code reports[3].sms.sent}).
 */
final class WarmupSignalsJson {

	private static final Set<String> BATCH = Set.of("reports");

	private static final Set<String> REPORT = Set.of("phoneNumberId", "number", "day", "sms", "calls");

	private static final Set<String> SMS = Set.of("sent", "delivered", "carrierRejected", "optOuts");

	private static final Set<String> CALLS = Set.of("placed", "answered", "flaggedSpam");

	/** The reports, or the problems of the body's shape (then the reports are not to be used). */
	record Read(List<SignalReport> reports, List<FieldProblem> problems) {
	}

	private WarmupSignalsJson() {
	}

	static Read read(JsonNode body) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!body.isObject()) {
			problems.add(new FieldProblem("", "The body is a JSON object: {\"reports\": [ … ]}."));
			return new Read(List.of(), problems);
		}
		unknown("", body, BATCH, problems);
		JsonNode reports = body.get("reports");
		if (reports == null || reports.isNull()) {
			problems.add(new FieldProblem("reports", "reports is required: a list of daily reports."));
			return new Read(List.of(), problems);
		}
		if (!reports.isArray()) {
			problems.add(new FieldProblem("reports", "reports is a list (a JSON array) of daily reports."));
			return new Read(List.of(), problems);
		}
		List<SignalReport> read = new ArrayList<>();
		for (int i = 0; i < reports.size(); i++) {
			String at = "reports[" + i + "]";
			JsonNode report = reports.get(i);
			if (!report.isObject()) {
				problems.add(new FieldProblem(at, "Each report is a JSON object."));
				continue;
			}
			unknown(at + ".", report, REPORT, problems);
			String id = id(at + ".phoneNumberId", report.get("phoneNumberId"), problems);
			String number = text(at + ".number", report.get("number"), problems);
			String day = text(at + ".day", report.get("day"), problems);
			SignalReport.Sms sms = null;
			JsonNode smsNode = object(at + ".sms", report.get("sms"), SMS, problems);
			if (smsNode != null) {
				String in = at + ".sms.";
				sms = new SignalReport.Sms(count(in + "sent", smsNode.get("sent"), problems),
						count(in + "delivered", smsNode.get("delivered"), problems),
						count(in + "carrierRejected", smsNode.get("carrierRejected"), problems),
						count(in + "optOuts", smsNode.get("optOuts"), problems));
			}
			SignalReport.Calls calls = null;
			JsonNode callsNode = object(at + ".calls", report.get("calls"), CALLS, problems);
			if (callsNode != null) {
				String in = at + ".calls.";
				calls = new SignalReport.Calls(count(in + "placed", callsNode.get("placed"), problems),
						count(in + "answered", callsNode.get("answered"), problems),
						count(in + "flaggedSpam", callsNode.get("flaggedSpam"), problems));
			}
			read.add(new SignalReport(id, number, day, sms, calls));
		}
		return new Read(read, problems);
	}

	private static void unknown(String at, JsonNode node, Set<String> known, List<FieldProblem> problems) {
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			if (!known.contains(field.getKey())) {
				problems.add(new FieldProblem(at + field.getKey(), "Unknown field \"" + field.getKey() + "\"; a "
						+ (at.isEmpty() ? "request" : "report") + " has " + String.join(", ", known.stream().sorted().toList())
						+ "."));
			}
		}
	}

	private static @Nullable JsonNode object(String at, @Nullable JsonNode node, Set<String> known,
			List<FieldProblem> problems) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			problems.add(new FieldProblem(at, at.substring(at.lastIndexOf('.') + 1) + " is a JSON object of counts."));
			return null;
		}
		unknown(at + ".", node, known, problems);
		return node;
	}

	/** The portal's id: a string of digits (as seed 003 writes ids) or a JSON whole number. */
	private static @Nullable String id(String at, @Nullable JsonNode node, List<FieldProblem> problems) {
		if (node != null && node.isIntegralNumber()) {
			return node.canConvertToLong() ? Long.toString(node.longValue()) : node.toString();
		}
		return text(at, node, problems);
	}

	private static @Nullable String text(String at, @Nullable JsonNode node, List<FieldProblem> problems) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			problems.add(new FieldProblem(at, name(at) + " is a string."));
			return null;
		}
		return node.stringValue();
	}

	private static @Nullable Long count(String at, @Nullable JsonNode node, List<FieldProblem> problems) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isIntegralNumber()) {
			problems.add(new FieldProblem(at, name(at) + " is a whole number, not " + shortened(node.toString()) + "."));
			return null;
		}
		if (!node.canConvertToLong()) {
			problems.add(new FieldProblem(at, name(at) + " is far too large."));
			return null;
		}
		return node.longValue();
	}

	private static String name(String at) {
		return at.substring(at.lastIndexOf('.') + 1);
	}

	private static String shortened(String text) {
		return text.length() <= 20 ? text : text.substring(0, 20) + "…";
	}
}

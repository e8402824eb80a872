package com.numberops.portal.api.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.numberops.portal.numbers.EditRefused;
import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.warmup.WarmupSignals;

/**
 * {@code POST /api/warmup-signals}: the systems that send through live numbers report each
 * number's daily outcomes (see the README's "Warmup signals"). A batch is stored whole or not at
 * all: a body that is not JSON is a 400, any problem of any report a 422 naming every report
 * index and field ({@code errors[]}), and then nothing of the batch is stored. Another team's
 * number is refused with the same words as a number that does not exist, by index, for the whole
 * batch (a 404 would say the address is unknown, when only one report's number is). Operators
 * and admins only (the service's check; viewers get a 403).
 */
@RestController
class WarmupSignalsApi {

	private static final Pattern INDEX = Pattern.compile("^reports\\[(\\d+)]");

	/** Strict about what plain Jackson lets pass: a key given twice, text after the JSON. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final WarmupSignals signals;

	WarmupSignalsApi(WarmupSignals signals) {
		this.signals = signals;
	}

	@PostMapping(path = "/api/warmup-signals", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	ResponseEntity<?> report(@RequestBody byte[] body, @AuthenticationPrincipal PortalPrincipal user) {
		JsonNode tree;
		try {
			tree = JSON.readTree(body);
		}
		catch (JacksonException notJson) {
			return notJson("The body is not JSON: " + notJson.getOriginalMessage());
		}
		if (tree == null || tree.isMissingNode()) {
			return notJson("The body is empty: send {\"reports\": [ … ]}.");
		}
		WarmupSignalsJson.Read read = WarmupSignalsJson.read(tree);
		if (!read.problems().isEmpty()) {
			return refused(read.problems());
		}
		WarmupSignals.Received received = signals.report(user, read.reports());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("reports", read.reports().size());
		answer.put("created", received.created());
		answer.put("replaced", received.replaced());
		answer.put("unchanged", received.unchanged());
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
	}

	@ExceptionHandler(EditRefused.class)
	ResponseEntity<ProblemDetail> refused(EditRefused refused) {
		return refused(refused.problems());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException unreadable) {
		return notJson("The body could not be read: send {\"reports\": [ … ]} as JSON.");
	}

	private static ResponseEntity<ProblemDetail> notJson(String detail) {
		String sentence = detail.endsWith(".") ? detail : detail + ".";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, sentence + " Nothing was stored.");
		problem.setTitle("Warmup signals not read");
		return answer(problem);
	}

	private static ResponseEntity<ProblemDetail> refused(List<FieldProblem> problems) {
		FieldProblem first = problems.get(0);
		String detail = (first.field().isEmpty() ? "" : first.field() + ": ") + first.message()
				+ (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "")
				+ " Nothing of the batch was stored.";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
		problem.setTitle("Warmup signals refused");
		problem.setProperty("errors", problems.stream().map(WarmupSignalsApi::error).toList());
		return answer(problem);
	}

	private static Map<String, Object> error(FieldProblem problem) {
		Map<String, Object> error = new LinkedHashMap<>();
		Matcher index = INDEX.matcher(problem.field());
		if (index.find()) {
			error.put("index", Integer.parseInt(index.group(1)));
		}
		error.put("field", problem.field());
		error.put("message", problem.message());
		return error;
	}

	private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}

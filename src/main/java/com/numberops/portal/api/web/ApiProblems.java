package com.numberops.portal.api.web;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import com.numberops.portal.numbers.FieldProblem;

/** RFC 9457 problem details as every /api error answer writes them. */
final class ApiProblems {

	/** The extension member that carries field errors. */
	static final String ERRORS = "errors";

	private ApiProblems() {
	}

	/**
	 * One field error.
	 *
	 * @param field where in the request: a JSON path into the body ({@code adminEnablementOverride.enabled}),
	 *     a query parameter's name, or null for the request as a whole
	 */
	record FieldError(@Nullable String field, String message) {

		static FieldError of(FieldProblem problem) {
			return new FieldError(problem.field().isEmpty() ? null : problem.field(), problem.message());
		}
	}

	static ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

	static ProblemDetail problem(HttpStatus status, String detail, List<FieldError> errors) {
		ProblemDetail problem = problem(status, detail);
		problem.setProperty(ERRORS, errors);
		return problem;
	}

	static ResponseEntity<Object> answer(ProblemDetail problem, @Nullable URI instance) {
		if (problem.getInstance() == null && instance != null) {
			problem.setInstance(instance);
		}
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}

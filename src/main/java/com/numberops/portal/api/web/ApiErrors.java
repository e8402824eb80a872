package com.numberops.portal.api.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.numberops.portal.api.BadQuery;
import com.numberops.portal.api.PreconditionFailed;
import com.numberops.portal.changes.BulkEdits;
import com.numberops.portal.changes.EditConflict;
import com.numberops.portal.numbers.EditRefused;
import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.overrides.OverrideRefused;
import com.numberops.portal.system.UnknownTarget;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error answer of a /api handler, as RFC 9457 problem details ({@code application/problem+json}):
 * {@code type} about:blank, {@code title} the status's phrase, {@code detail} what to do about it,
 * {@code instance} the address asked for, and for field errors an {@code errors} array of
 * {@code {field, message}} ({@code field}: a JSON path into the body, a query parameter, or null
 * for the whole request). Spring MVC's own refusals (405, 406, 415, a missing parameter, ...) come
 * as problem details too ({@link ResponseEntityExceptionHandler}). Limited to the API's
 * controllers: the pages keep their forms and error pages.
 *
 * <table>
 * <caption>What answers what</caption>
 * <tr><th>Status</th><th>Exception</th><th>When</th></tr>
 * <tr><td>400</td><td>HttpMessageNotReadableException</td><td>malformed JSON, an empty body, a wrong JSON type,
 * an unknown field, a NUL character, a duplicate key ({@link StrictRequestBodies}); {@code errors} names the field</td></tr>
 * <tr><td>400</td><td>api.BadQuery, MethodArgumentTypeMismatchException</td><td>an unknown or malformed query
 * parameter, {@code pageSize} out of 1-500, a {@code pageToken} the list did not give</td></tr>
 * <tr><td>403</td><td>AccessDeniedException</td><td>the role does not allow it (a viewer's PUT), or deciding one's
 * own override request ({@code OverrideRefused} OWN_REQUEST)</td></tr>
 * <tr><td>404</td><td>system.UnknownTarget</td><td>no such number, change or request for this person: another
 * team's is no different from none</td></tr>
 * <tr><td>409</td><td>changes.EditConflict, numbers.NumberChanged (any OptimisticLockingFailureException),
 * OverrideRefused STALE and ALREADY_DECIDED</td><td>the record moved on meanwhile, without an If-Match to say so</td></tr>
 * <tr><td>412</td><td>api.PreconditionFailed</td><td>{@code If-Match} names a version that is no longer the
 * number's</td></tr>
 * <tr><td>422</td><td>Bean Validation (MethodArgumentNotValidException, HandlerMethodValidationException),
 * numbers.EditRefused (its FieldProblems), OverrideRefused INVALID and NOTHING_TO_DO,
 * changes.BulkEdits.SelectionRefused</td><td>well-formed, but the rules refuse it; nothing was changed</td></tr>
 * </table>
 * 401 (no or a bad token), 429 (rate limit) and 413 (body too large) are answered before a handler
 * runs, by the API's filters (package users).
 */
@RestControllerAdvice(basePackages = "com.numberops.portal.api")
class ApiErrors extends ResponseEntityExceptionHandler {

	@ExceptionHandler(UnknownTarget.class)
	ResponseEntity<Object> unknown(UnknownTarget unknown, HttpServletRequest request) {
		return ApiProblems.answer(ApiProblems.problem(HttpStatus.NOT_FOUND,
				unknown.getMessage() + " It does not exist, or it is not yours to see."), instance(request));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> denied(AccessDeniedException denied, HttpServletRequest request) {
		return ApiProblems.answer(ApiProblems.problem(HttpStatus.FORBIDDEN,
				"Your role does not include this: " + denied.getMessage() + " Nothing was changed."), instance(request));
	}

	@ExceptionHandler(EditRefused.class)
	ResponseEntity<Object> refused(EditRefused refused, HttpServletRequest request) {
		return ApiProblems.answer(ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT,
				refused.getMessage() + " Nothing was changed.", fieldErrors(refused.problems())), instance(request));
	}

	@ExceptionHandler(BulkEdits.SelectionRefused.class)
	ResponseEntity<Object> selection(BulkEdits.SelectionRefused refused, HttpServletRequest request) {
		return ApiProblems.answer(ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT,
				refused.getMessage() + " Nothing was changed.", List.of()), instance(request));
	}

	@ExceptionHandler(OverrideRefused.class)
	ResponseEntity<Object> override(OverrideRefused refused, HttpServletRequest request) {
		HttpStatus status = switch (refused.refusal()) {
			case STALE, ALREADY_DECIDED -> HttpStatus.CONFLICT;
			case OWN_REQUEST, NOT_ALLOWED -> HttpStatus.FORBIDDEN;
			case NOTHING_TO_DO, INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
		String field = refused.field().isEmpty() ? null
				: wholeRecord(request) ? "adminEnablementOverride." + refused.field() : refused.field();
		List<ApiProblems.FieldError> errors = List.of(new ApiProblems.FieldError(field, refused.getMessage()));
		return ApiProblems.answer(ApiProblems.problem(status, refused.getMessage() + " Nothing was changed.", errors),
				instance(request));
	}

	@ExceptionHandler(EditConflict.class)
	ResponseEntity<Object> conflict(EditConflict conflict, HttpServletRequest request) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.CONFLICT, conflict.getMessage());
		problem.setProperty("currentVersion", conflict.currentVersion());
		return ApiProblems.answer(problem, instance(request));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Object> changed(OptimisticLockingFailureException changed, HttpServletRequest request) {
		return ApiProblems.answer(ApiProblems.problem(HttpStatus.CONFLICT, changed.getMessage()), instance(request));
	}

	@ExceptionHandler(PreconditionFailed.class)
	ResponseEntity<Object> stale(PreconditionFailed stale, HttpServletRequest request) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.PRECONDITION_FAILED, stale.getMessage());
		problem.setProperty("currentVersion", stale.currentVersion());
		return ApiProblems.answer(problem, instance(request));
	}

	@ExceptionHandler(BadQuery.class)
	ResponseEntity<Object> badQuery(BadQuery bad, HttpServletRequest request) {
		return ApiProblems.answer(ApiProblems.problem(HttpStatus.BAD_REQUEST,
				"The query could not be read: " + bad.getMessage(), fieldErrors(bad.problems())), instance(request));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> mismatch(MethodArgumentTypeMismatchException mismatch, HttpServletRequest request) {
		String message = "\"" + mismatch.getName() + "\" cannot be read as "
				+ (mismatch.getRequiredType() == null ? "that" : typeName(mismatch.getRequiredType())) + ".";
		return ApiProblems.answer(ApiProblems.problem(HttpStatus.BAD_REQUEST, message,
				List.of(new ApiProblems.FieldError(mismatch.getName(), message))), instance(request));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ApiProblems.FieldError error = unreadable(unreadable);
		return ApiProblems.answer(ApiProblems.problem(HttpStatus.BAD_REQUEST,
				"The request body could not be read: " + error.message() + " Nothing was changed.", List.of(error)),
				instance(request));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<ApiProblems.FieldError> errors = new ArrayList<>();
		for (FieldError field : invalid.getBindingResult().getFieldErrors()) {
			errors.add(new ApiProblems.FieldError(jsonPath(field.getField()), String.valueOf(field.getDefaultMessage())));
		}
		invalid.getBindingResult()
			.getGlobalErrors()
			.forEach(global -> errors.add(new ApiProblems.FieldError(null, String.valueOf(global.getDefaultMessage()))));
		return ApiProblems.answer(ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT,
				errors.stream().map(ApiProblems.FieldError::message).collect(Collectors.joining(" ")) + " Nothing was changed.",
				errors), instance(request));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<ApiProblems.FieldError> errors = new ArrayList<>();
		invalid.getParameterValidationResults()
			.forEach(result -> result.getResolvableErrors()
				.forEach(error -> errors.add(new ApiProblems.FieldError(result.getMethodParameter().getParameterName(),
						String.valueOf(error.getDefaultMessage())))));
		return ApiProblems.answer(ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT,
				errors.stream().map(ApiProblems.FieldError::message).collect(Collectors.joining(" ")) + " Nothing was changed.",
				errors), instance(request));
	}

	/** Spring's own refusals (405, 406, 415, 400 for a missing parameter, ...) as problem details too. */
	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception failure, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ResponseEntity<Object> answer = super.handleExceptionInternal(failure, body, headers, status, request);
		if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
			HttpHeaders merged = new HttpHeaders();
			merged.putAll(answer.getHeaders());
			merged.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
			if (problem.getInstance() == null) {
				problem.setInstance(instance(request));
			}
			return new ResponseEntity<>(problem, merged, answer.getStatusCode());
		}
		return answer;
	}

	/** What in the body could not be read, and where: the JSON path of the field, when there is one. */
	static ApiProblems.FieldError unreadable(HttpMessageNotReadableException unreadable) {
		Throwable cause = unreadable.getCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return new ApiProblems.FieldError(path(unknown), "Unknown field \"" + shown(unknown.getPropertyName())
					+ "\": this request takes " + known(unknown) + ".");
		}
		if (cause instanceof StrictRequestBodies.NulCharacter nul) {
			return new ApiProblems.FieldError(path(nul), "contains a NUL character (U+0000), which no text in the portal "
					+ "may contain.");
		}
		if (cause instanceof InvalidFormatException invalid) {
			return new ApiProblems.FieldError(path(invalid), "expected " + typeName(invalid.getTargetType()) + ", not \""
					+ shown(String.valueOf(invalid.getValue())) + "\".");
		}
		if (cause instanceof MismatchedInputException mismatched) {
			String path = path(mismatched);
			if (path == null) {
				return new ApiProblems.FieldError(null, "a JSON object is expected, and the body is "
						+ (mismatched.getTargetType() == null ? "something else" : "empty or of another JSON type") + ".");
			}
			return new ApiProblems.FieldError(path, "expected "
					+ (mismatched.getTargetType() == null ? "another JSON type" : typeName(mismatched.getTargetType()))
					+ " here.");
		}
		if (cause instanceof StreamReadException malformed) {
			// where the parser stopped is no field of the request
			return new ApiProblems.FieldError(null, "it is not well-formed JSON ("
					+ shown(String.valueOf(malformed.getOriginalMessage())) + ").");
		}
		if (cause instanceof JacksonException other) {
			return new ApiProblems.FieldError(path(other), shown(String.valueOf(other.getOriginalMessage())));
		}
		return new ApiProblems.FieldError(null, "a JSON object is expected, and there is none.");
	}

	/** The JSON path of a Jackson failure: {@code adminEnablementOverride.enabled}, {@code items[2]}; null at the top. */
	private static @Nullable String path(JacksonException failure) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : failure.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? null : path.toString();
	}

	private static String known(UnrecognizedPropertyException unknown) {
		if (unknown.getKnownPropertyIds() == null || unknown.getKnownPropertyIds().isEmpty()) {
			return "no other fields";
		}
		return unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
	}

	private static String typeName(@Nullable Class<?> type) {
		if (type == null) {
			return "another JSON type";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class) {
			return "a string";
		}
		if (type == java.time.Instant.class) {
			return "a date-time such as 2023-11-07T05:31:56Z";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		return "a JSON object";
	}

	private static List<ApiProblems.FieldError> fieldErrors(List<FieldProblem> problems) {
		return problems.stream().map(ApiProblems.FieldError::of).toList();
	}

	/**
	 * The override rules name their fields as a request of its own has them ({@code enabled},
	 * {@code reason}); in the seed's whole record (PUT /api/phone-numbers/{id}) they are inside
	 * {@code adminEnablementOverride}.
	 */
	private static boolean wholeRecord(HttpServletRequest request) {
		return "PUT".equals(request.getMethod()) && request.getRequestURI().matches("/api/phone-numbers/[^/]+");
	}

	/** Bean Validation's property path ({@code adminEnablementOverride.enabled}) is already the JSON path. */
	private static String jsonPath(String field) {
		return field;
	}

	private static String shown(@Nullable String value) {
		if (value == null) {
			return "";
		}
		String clean = value.replaceAll("\\p{Cntrl}", "?");
		return clean.length() <= 80 ? clean : clean.substring(0, 80) + "…";
	}

	private static @Nullable URI instance(HttpServletRequest request) {
		try {
			return URI.create(request.getRequestURI());
		}
		catch (IllegalArgumentException notAUri) {
			return null;
		}
	}

	private static @Nullable URI instance(WebRequest request) {
		if (request instanceof ServletWebRequest servlet) {
			return instance(servlet.getRequest());
		}
		if (request instanceof NativeWebRequest nativeRequest
				&& nativeRequest.getNativeRequest() instanceof HttpServletRequest servlet) {
			return instance(servlet);
		}
		return null;
	}
}

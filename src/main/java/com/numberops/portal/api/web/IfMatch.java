package com.numberops.portal.api.web;

import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import com.numberops.portal.api.ETags;

/**
 * The If-Match header of a write, against the version the resource's ETag carries ({@code "7.123"}
 * for a number, {@code "7"} for a change or request; a weak {@code W/"7"} reads the same,
 * {@code *} matches any). A write based on an older version is
 * refused with 412 before anything is changed; the services check the version again under their
 * lock, so a change that slips in between is refused too (409).
 */
final class IfMatch {

	private IfMatch() {
	}

	/**
	 * The version the client based its write on, or null when it sent none (or {@code *}). Any tag an
	 * answer gave reads: a number's {@code "7.123"} (version and newest event), a change's {@code "7"}.
	 */
	static @Nullable Long version(@Nullable String header) {
		if (header == null || header.isBlank() || header.strip().equals("*")) {
			return null;
		}
		OptionalLong version = ETags.versionOf(header.strip());
		if (version.isEmpty()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
					"If-Match must be the ETag an earlier answer gave (a quoted tag such as \"7\"). Nothing was changed.");
			throw new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, problem, null);
		}
		return version.getAsLong();
	}

	/** Refuses the write when the client's version is not the current one. */
	static void check(@Nullable Long expected, long current) {
		if (expected != null && expected != current) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
					"It changed since you read it: it is now at version " + current + ", not " + expected
							+ ". Nothing was changed; read it again and repeat if your change should still be made.");
			problem.setProperty("currentVersion", current);
			throw new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, problem, null);
		}
	}
}

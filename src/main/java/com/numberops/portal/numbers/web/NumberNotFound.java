package com.numberops.portal.numbers.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Unknown, malformed, or another team's: the answer is the same 404, so ids reveal nothing. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NumberNotFound extends RuntimeException {

	NumberNotFound(String id) {
		super("No number " + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + " for this user");
	}
}

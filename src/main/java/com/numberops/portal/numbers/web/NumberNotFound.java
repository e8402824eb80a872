package com.numberops.portal.numbers.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Unknown or another team's: the answer is the same 404 (a malformed id matches no route: 404 too), so ids reveal nothing. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NumberNotFound extends RuntimeException {

	NumberNotFound(long id) {
		super("No number " + id + " for this user");
	}
}

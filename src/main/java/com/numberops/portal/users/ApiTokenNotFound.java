package com.numberops.portal.users;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such token, or not one the caller may see: the same answer, so nothing tells another's exists. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ApiTokenNotFound extends RuntimeException {

	public ApiTokenNotFound(long id) {
		super("No API token with id " + id);
	}
}

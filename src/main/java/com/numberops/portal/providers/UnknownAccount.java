package com.numberops.portal.providers;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A page asked for a carrier account the portal does not follow: 404, whichever page it was. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownAccount extends RuntimeException {

	public UnknownAccount(long id) {
		super("No provider account " + id);
	}
}

package com.numberops.portal.sync.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class UnknownAccount extends RuntimeException {

	UnknownAccount(long id) {
		super("No provider account " + id);
	}
}

package com.numberops.portal.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such number or change for this person (another team's is no different from none): a 404.
 * Whichever controller lets it through, Spring sends the 404 to /error like every other refusal
 * (system/ErrorAnswers): the portal's page for a browser, problem details for a JSON client.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownTarget extends RuntimeException {

	public UnknownTarget(String what) {
		super(what + " was not found.");
	}
}

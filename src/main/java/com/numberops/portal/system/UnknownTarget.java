package com.numberops.portal.system;

/** No such number or change for this person (another team's is no different from none): a 404. */
public class UnknownTarget extends RuntimeException {

	public UnknownTarget(String what) {
		super(what + " was not found.");
	}
}

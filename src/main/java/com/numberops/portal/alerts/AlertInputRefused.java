package com.numberops.portal.alerts;

import java.util.List;

/** A rule or channel refused: its problems, each the field it is about and its text. Nothing was saved. */
public class AlertInputRefused extends RuntimeException {

	/** One problem, its text resolved. */
	public record Refusal(String field, String message) {
	}

	private final List<Refusal> refusals;

	public AlertInputRefused(List<Refusal> refusals) {
		super(refusals.isEmpty() ? "refused" : refusals.get(0).message());
		this.refusals = List.copyOf(refusals);
	}

	public List<Refusal> refusals() {
		return refusals;
	}
}

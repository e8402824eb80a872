package com.numberops.portal.overrides;

/**
 * An override request, decision or clearing that the rules refuse: nothing was changed. The
 * message says why, {@link #field()} names the form field it belongs to ("" for the whole form).
 */
public class OverrideRefused extends RuntimeException {

	private final OverrideRules.Refusal refusal;

	private final String field;

	OverrideRefused(OverrideRules.Verdict verdict) {
		super(verdict.message());
		this.refusal = java.util.Objects.requireNonNull(verdict.refusal());
		this.field = verdict.field();
	}

	public OverrideRules.Refusal refusal() {
		return refusal;
	}

	public String field() {
		return field;
	}
}

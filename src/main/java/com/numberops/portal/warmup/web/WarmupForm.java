package com.numberops.portal.warmup.web;

import java.io.Serializable;

import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.warmup.WarmupService;

/**
 * A warmup button's form on a number's page: only Pause sends a field, its reason. Bean Validation
 * bounds its length; that a reason is given is the service's rule. Not sent reads as blank.
 * Serializable: a refused form is flashed to the next page through the shared session store.
 */
record WarmupForm(@Size(max = WarmupService.REASON_MAX, message = "{warmup.reason.too-long}") String reason) implements Serializable {

	WarmupForm(@Nullable String reason) {
		this.reason = reason == null ? "" : reason;
	}

	static WarmupForm blank() {
		return new WarmupForm(null);
	}
}

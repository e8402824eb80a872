package com.numberops.portal.api.web;

/** The addresses of the API's resources this part answers with: one place that spells them. */
final class ApiLinks {

	private ApiLinks() {
	}

	static String number(long id) {
		return "/api/phone-numbers/" + id;
	}

	static String change(long id) {
		return "/api/changes/" + id;
	}

	static String overrideRequest(long id) {
		return "/api/override-requests/" + id;
	}

	static String syncRuns(long accountId) {
		return "/api/provider-accounts/" + accountId + "/sync-runs";
	}

	static String syncRun(long id) {
		return "/api/sync-runs/" + id;
	}

	/** A version as an ETag: strong, quoted. */
	static String etag(long version) {
		return "\"" + version + "\"";
	}
}

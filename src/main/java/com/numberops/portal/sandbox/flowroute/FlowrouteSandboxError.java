package com.numberops.portal.sandbox.flowroute;

/**
 * A refusal of the simulated Flowroute API, answered as one error object of Flowroute's
 * {@code {"errors": [{detail, id, status, title}]}} body.
 */
class FlowrouteSandboxError extends RuntimeException {

	private final int status;

	private final String title;

	FlowrouteSandboxError(int status, String title, String detail) {
		super(detail);
		this.status = status;
		this.title = title;
	}

	static FlowrouteSandboxError badRequest(String detail) {
		return new FlowrouteSandboxError(400, "Bad Request", detail);
	}

	static FlowrouteSandboxError notFound(String detail) {
		return new FlowrouteSandboxError(404, "Not Found", detail);
	}

	static FlowrouteSandboxError unprocessable(String detail) {
		return new FlowrouteSandboxError(422, "Unprocessable Entity", detail);
	}

	int status() {
		return status;
	}

	String title() {
		return title;
	}

	String detail() {
		return getMessage();
	}
}

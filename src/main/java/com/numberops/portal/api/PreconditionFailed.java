package com.numberops.portal.api;

/**
 * The request's {@code If-Match} names a version of the number that is no longer its own: someone
 * changed it since the client read it. Nothing was changed (a 412).
 */
public class PreconditionFailed extends RuntimeException {

	private final long currentVersion;

	public PreconditionFailed(String ifMatch, long currentVersion) {
		super("The number changed since you read it: If-Match " + ifMatch + " is not its version any more (it is at "
				+ currentVersion + "). Nothing was changed; read it again and send your change against the new ETag.");
		this.currentVersion = currentVersion;
	}

	public long currentVersion() {
		return currentVersion;
	}
}

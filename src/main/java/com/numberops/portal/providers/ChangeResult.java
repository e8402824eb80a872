package com.numberops.portal.providers;

import org.jspecify.annotations.Nullable;

/**
 * What a carrier answered to a change: the number as it is now, and, for a partial success
 * (Flowroute 207 Multi-Status), the error of the part that failed and can be retried.
 */
public record ChangeResult(ProviderNumber number, @Nullable ProviderError partialFailure) {

	public static ChangeResult applied(ProviderNumber number) {
		return new ChangeResult(number, null);
	}

	public boolean partial() {
		return partialFailure != null;
	}
}

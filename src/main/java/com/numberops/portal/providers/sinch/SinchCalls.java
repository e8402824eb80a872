package com.numberops.portal.providers.sinch;

import java.util.function.Supplier;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;

import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.http.CarrierErrors;
import com.numberops.portal.providers.http.CarrierRetry;

/**
 * How every Sinch call runs: each attempt through {@link CarrierErrors#translate} (timeouts and
 * unreadable answers become {@link ProviderError}s, as do OAuth2 token failures and answers of
 * the wrong shape), reads retried, writes sent once (the outbox owns their retries: a PATCH that
 * timed out may have been applied).
 */
final class SinchCalls {

	private final ProviderKind kind;

	private final CarrierErrors errors;

	private final CarrierRetry retry;

	SinchCalls(ProviderKind kind, CarrierErrors errors, CarrierRetry retry) {
		this.kind = kind;
		this.errors = errors;
		this.retry = retry;
	}

	<T> T read(String what, Supplier<T> call) {
		return retry.call(() -> once(what, call));
	}

	<T> T write(String what, Supplier<T> call) {
		return once(what, call);
	}

	private <T> T once(String what, Supplier<T> call) {
		return errors.translate(what, () -> {
			try {
				return call.get();
			}
			catch (OAuth2AuthorizationException noToken) {
				throw SinchAuthentication.failed(kind, what, noToken);
			}
			catch (SinchJson.Unreadable unreadable) {
				throw ProviderError.malformed(kind, 200, what, unreadable);
			}
		});
	}
}

package com.numberops.portal.providers;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The port: what a carrier can do for the portal's numbers. One implementation per carrier API
 * (Sinch active numbers, Sinch imported numbers, Flowroute), each talking HTTP to the real
 * carrier or to the built-in sandbox; only the base URL and credentials differ. Every failure is
 * a {@link ProviderError}.
 */
public interface CarrierNumbers {

	ProviderKind kind();

	/** The account (Sinch project id, Flowroute access key) these numbers belong to. */
	String accountRef();

	/** Whether this talks to the built-in sandbox rather than the real carrier. */
	boolean sandbox();

	/** Every listing a full sync has to walk. */
	List<ListScope> scopes();

	/** One page of a scope; {@code pageToken} null for the first page. Retried when that can help. */
	NumberPage page(ListScope scope, @Nullable String pageToken, int pageSize);

	/** One number; a {@link ProviderError} with status 404 when the carrier does not know it. */
	ProviderNumber get(String providerNumberId);

	/** Sends a change. Not retried here: the caller (the outbox) owns retries of writes. */
	ChangeResult apply(String providerNumberId, NumberChange change);

	/** Gives the number back to the carrier (Sinch :release, Flowroute DELETE). */
	void release(String providerNumberId);
}

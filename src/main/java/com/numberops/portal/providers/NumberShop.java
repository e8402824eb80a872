package com.numberops.portal.providers;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The port for getting new numbers: what a carrier has for sale, and buying one. Implemented by
 * the adapters whose API sells numbers (Sinch active numbers: availableNumbers and :rent;
 * Flowroute v2: /v2/numbers/available and POST /v2/numbers/{number}). Reads are retried; the
 * purchase is sent once: the outbox owns its retries, and after an unanswered purchase it asks
 * {@link CarrierNumbers#get} whether the number is the account's now before it buys again.
 */
public interface NumberShop {

	ProviderKind kind();

	String accountRef();

	/** Regions the carrier sells numbers in, with their types; {@code type} null: all. */
	List<OfferRegion> regions(@Nullable String type);

	/** One page of numbers for sale that match. */
	List<Offer> search(OfferSearch search);

	/** One number, if it is for sale (empty: taken or never offered). */
	Optional<Offer> offer(String number);

	/**
	 * Buys the number with its first configuration; answers the number as the carrier now holds it.
	 *
	 * @param number E.164 for Sinch, as listed for Flowroute
	 */
	ProviderNumber rent(String number, RentSetup setup);
}

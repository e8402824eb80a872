/**
 * The carriers: the port every adapter implements ({@link com.numberops.portal.providers.CarrierNumbers})
 * and what it speaks (numbers, pages, changes, provisioning jobs, one {@link
 * com.numberops.portal.providers.ProviderError} for every failure), the accounts the portal follows
 * with their credentials and mode (sandbox or live), and the connection test. The adapters are in
 * {@code sinch} and {@code flowroute}, what they share in {@code http}, the Providers page in {@code web}.
 */
@NullMarked
package com.numberops.portal.providers;

import org.jspecify.annotations.NullMarked;

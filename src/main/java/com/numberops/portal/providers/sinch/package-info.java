/**
 * The Sinch adapters: active numbers (Numbers API v1, seeds 002/001) and imported numbers
 * (seed 000), each a small typed HTTP interface on Spring's RestClient with its own error body,
 * authenticated with HTTP Basic or one portal-wide OAuth2 client-credentials token.
 */
@NullMarked
package com.numberops.portal.providers.sinch;

import org.jspecify.annotations.NullMarked;

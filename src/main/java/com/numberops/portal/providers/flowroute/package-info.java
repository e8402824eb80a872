/**
 * The Flowroute v2 adapter (seed 004): numbers listed by offset, read, changed with JSON:API
 * PATCH bodies (alias, CNAM lookups, messaging, with 207 Multi-Status as a partial success) and
 * released, against the real API or the built-in sandbox.
 */
@NullMarked
package com.numberops.portal.providers.flowroute;

import org.jspecify.annotations.NullMarked;

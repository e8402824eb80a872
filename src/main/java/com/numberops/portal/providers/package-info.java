/**
 * The carriers: their credentials and mode (sandbox or live), and later the adapters.
 */
@NullMarked
package com.numberops.portal.providers;

import org.jspecify.annotations.NullMarked;

/**
 * The built-in sandbox: in-process simulators of the Sinch and Flowroute APIs, served over real
 * HTTP under /sandbox/**, with their own tables, deterministic seeding and fault injection.
 */
@NullMarked
package com.numberops.portal.sandbox;

import org.jspecify.annotations.NullMarked;
